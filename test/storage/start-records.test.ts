// A new checkout's record in one statement (storage/start-records.ts): the started record, and back
// the customer's preferences and older unstopped checkouts; the checkout joins its customer's once
// its workflow exists.
// On PGlite and PostgreSQL; on PostgreSQL, POST /checkouts asks the database exactly once.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { eventIds, type RecoveryEvent } from '../../common/recovery-events';
import { type LedgerOptions, type LedgerStores, openStores } from '../../storage/send-ledger';
import { call, checkoutBody, type RunningApi, startApi, startTemporal, uniqueId } from '../api/support/api-harness';
import { queriesDuring } from '../support/postgres-queries';
import { usePostgresSchema } from '../support/postgres-schema';

const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;

const started = (checkoutId: string, customerId: string): RecoveryEvent => ({
  id: eventIds.started(checkoutId),
  checkoutId,
  customerId,
  at: new Date(Date.UTC(2026, 10, 1, 10)).toISOString(),
  type: 'checkout_started',
  cartValue: 59.9,
  currency: 'EUR',
  holdout: false,
});

function behaviour(options: () => LedgerOptions) {
  let stores: LedgerStores;
  before(async () => {
    stores = await openStores(options());
  });
  after(() => stores?.close());

  /** Records the start, then (its workflow created) adds the checkout; answers the older ones read. */
  const startedThenAdded = async (checkoutId: string, customerId: string) => {
    const { older } = await stores.starts.record(started(checkoutId, customerId), { supersede: true });
    await stores.starts.added(customerId, checkoutId);
    return older;
  };

  test("answers the customer's older unstopped checkouts, oldest first, never the new one or another customer's", async () => {
    assert.deepEqual(await startedThenAdded('co-1', 'cust-a'), []);
    assert.deepEqual(await startedThenAdded('co-other', 'cust-b'), []);
    assert.deepEqual(await startedThenAdded('co-2', 'cust-a'), ['co-1']);
    await stores.stops.markStopped('co-1', 'ordered');
    assert.deepEqual(await startedThenAdded('co-3', 'cust-a'), ['co-2']);
  });

  test('a start whose workflow never began is not superseded; its retry supersedes the checkout started meanwhile', async () => {
    // X recorded, its workflow start failed (503): never added.
    await stores.starts.record(started('co-x', 'cust-retry'), { supersede: true });
    assert.deepEqual(await startedThenAdded('co-y', 'cust-retry'), [], 'Y does not stop X, which has no workflow');
    // The shop retries X: it is the customer's newest checkout.
    assert.deepEqual(await startedThenAdded('co-x', 'cust-retry'), ['co-y']);
  });

  test('stores the started record once: a repeated start changes nothing', async () => {
    await stores.starts.record(started('co-once', 'cust-once'), { supersede: true });
    const again = { ...started('co-once', 'cust-once'), cartValue: 1 };
    await stores.starts.record(again, { supersede: true });
    const timeline = await stores.events.timeline('co-once');
    assert.deepEqual(timeline, [started('co-once', 'cust-once')]);
  });

  test("reads the customer's stored preferences as the preference store answers them", async () => {
    const stored = await stores.preferences.put('cust-prefs', {
      optedOut: false,
      channels: ['email', 'sms'],
      quietHours: { start: '22:00', end: '07:00' },
      timezone: 'Europe/Berlin',
    });
    const { preferences } = await stores.starts.record(started('co-prefs', 'cust-prefs'), { supersede: true });
    assert.deepEqual(preferences, stored);
    const none = await stores.starts.record(started('co-none', 'cust-never-set'), { supersede: true });
    assert.equal(none.preferences, undefined);
  });

  test('without supersede: no older checkouts are read', async () => {
    await startedThenAdded('co-quiet-1', 'cust-quiet');
    const second = await stores.starts.record(started('co-quiet-2', 'cust-quiet'), { supersede: false });
    assert.deepEqual(second.older, []);
  });
}

describe('the one-statement start record on in-memory PGlite', () => {
  behaviour(() => ({ databaseUrl: undefined, inMemory: true }));
});

describe('the one-statement start record on PostgreSQL (TEST_DATABASE_URL)', {
  skip: TEST_DATABASE_URL ? false : 'TEST_DATABASE_URL is not set',
}, () => {
  const url = TEST_DATABASE_URL ?? '';
  const schema = usePostgresSchema(url, 'start_records');
  behaviour(() => ({ databaseUrl: url, schema }));

  describe('POST /checkouts', () => {
    const apiSchema = usePostgresSchema(url, 'start_api');
    let temporal: TestWorkflowEnvironment;
    let stores: LedgerStores;
    let api: RunningApi;
    before(async () => {
      temporal = await startTemporal();
      stores = await openStores({ databaseUrl: url, schema: apiSchema });
      api = await startApi(temporal.client, { SUPERSEDE: 'on' }, stores);
    });
    after(async () => {
      await api?.close();
      await stores?.close();
      await temporal?.teardown();
    });

    test("waits on its database once before the start; adds the checkout to its customer's after it", async () => {
      const checkoutId = uniqueId('one');
      const asked = await queriesDuring(async () => {
        const res = await call(`${api.url}/checkouts`, 'POST', checkoutBody(checkoutId));
        assert.equal(res.status, 202);
      });
      assert.equal(asked.length, 2, 'two queries reached PostgreSQL');
      assert.match(asked[0] ?? '', /INSERT INTO recovery_events[\s\S]*customer_preferences[\s\S]*customer_checkouts/);
      assert.match(asked[1] ?? '', /^INSERT INTO customer_checkouts/);
      const [record] = await stores.events.timeline(checkoutId);
      assert.equal(record?.type, 'checkout_started');
    });

    test("a customer's newer checkout stops their older one (read in the start's statement)", async () => {
      const customer = { id: uniqueId('cust'), email: 'ada@example.com' };
      const [older, newer] = [uniqueId('older'), uniqueId('newer')];
      assert.equal((await call(`${api.url}/checkouts`, 'POST', checkoutBody(older, { customer }))).status, 202);
      assert.equal((await call(`${api.url}/checkouts`, 'POST', checkoutBody(newer, { customer }))).status, 202);
      assert.equal(await stores.stops.get(older), 'superseded');
      assert.equal(await stores.stops.get(newer), undefined);
      const closed = (await stores.events.timeline(older)).find((e) => e.type === 'closed');
      assert.equal(closed?.type === 'closed' && closed.state, 'superseded');
    });
  });
});
