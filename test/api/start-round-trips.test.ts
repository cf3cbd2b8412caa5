// POST /checkouts waits on its database once: the customer's preferences are read while the start
// is recorded (the record needs nothing they decide); the workflow starts after both (a start it
// cannot record is a 503: test/analytics/analytics-api.test.ts).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { workflowIdFor } from '../../common/messages';
import type { EventStore } from '../../storage/event-store';
import type { PreferenceStore } from '../../storage/preferences-store';
import { type LedgerStores, openStores } from '../../storage/send-ledger';
import { call, checkoutBody, type RunningApi, startApi, startTemporal, uniqueId } from './support/api-harness';

// Long next to a local round trip, so one after the other cannot pass for at once.
const SLOW_MS = 300;
type Span = { began: number; ended: number };

/** `store` with `method` slowed down and each call's span recorded. */
function slowed<T extends object>(store: T, method: keyof T & string, spans: Span[]): T {
  const original = (store[method] as (...args: unknown[]) => Promise<unknown>).bind(store);
  return Object.create(store, {
    [method]: {
      value: async (...args: unknown[]) => {
        const began = performance.now();
        await new Promise((resolve) => setTimeout(resolve, SLOW_MS));
        try {
          return await original(...args);
        } finally {
          spans.push({ began, ended: performance.now() });
        }
      },
    },
  });
}

describe('POST /checkouts: the preferences read and the start record', () => {
  let temporal: TestWorkflowEnvironment;
  let stores: LedgerStores;
  let api: RunningApi;
  const reads: Span[] = [];
  const records: Span[] = [];

  before(async () => {
    temporal = await startTemporal();
    stores = await openStores({ databaseUrl: undefined, inMemory: true });
    api = await startApi(
      temporal.client,
      {},
      {
        preferences: slowed<PreferenceStore>(stores.preferences, 'get', reads),
        stops: stores.stops,
        events: slowed<EventStore>(stores.events, 'append', records),
      },
    );
  });
  after(async () => {
    await api.close();
    await stores.close();
    await temporal.teardown();
  });

  test('run at the same time; the checkout starts with its record stored', async () => {
    const checkoutId = uniqueId('co');
    const res = await call(`${api.url}/checkouts`, 'POST', checkoutBody(checkoutId));
    assert.equal(res.status, 202);
    const [read] = reads;
    const [record] = records;
    assert.ok(read && record, 'both happened');
    assert.ok(read.began < record.ended && record.began < read.ended, 'their spans overlap');
    await temporal.client.workflow.getHandle(workflowIdFor(checkoutId)).describe(); // started
    const [started] = await stores.events.timeline(checkoutId);
    assert.equal(started?.type, 'checkout_started');
  });
});
