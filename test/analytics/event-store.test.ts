// The event stream's store on the embedded database: append-only, a retried write is a no-op.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { RecoveryEvent } from '../../common/recovery-events';
import { eventIds } from '../../common/recovery-events';
import { type LedgerStores, openStores } from '../../storage/send-ledger';

describe('event store', () => {
  let stores: LedgerStores;
  before(async () => {
    stores = await openStores({ databaseUrl: undefined, inMemory: true });
  });
  after(() => stores.close());

  const started = (checkoutId: string, at: string, cartValue = 59.9): RecoveryEvent => ({
    id: eventIds.started(checkoutId),
    checkoutId,
    customerId: 'cust-1',
    at,
    type: 'checkout_started',
    cartValue,
    currency: 'EUR',
    holdout: false,
  });
  const sent = (checkoutId: string, step: number, at: string): RecoveryEvent => ({
    id: eventIds.reminder(checkoutId, step, 'sent'),
    checkoutId,
    customerId: 'cust-1',
    at,
    type: 'reminder_sent',
    step,
    channel: 'email',
    offer: '10%',
    code: 'SAVE10',
  });

  test('a retried write (same id) is a no-op: the first record stays as it was', async () => {
    await stores.events.append([started('co-a', '2026-11-01T10:00:00.000Z')]);
    await stores.events.append([started('co-a', '2026-11-01T11:00:00.000Z', 1)]);
    const timeline = await stores.events.timeline('co-a');
    assert.equal(timeline.length, 1);
    assert.deepEqual(timeline[0], started('co-a', '2026-11-01T10:00:00.000Z'));
  });

  test('the timeline is in time order, whatever order the records were written in', async () => {
    await stores.events.append([sent('co-b', 2, '2026-11-02T12:00:00.000Z')]);
    await stores.events.append([
      started('co-b', '2026-11-02T10:00:00.000Z'),
      sent('co-b', 1, '2026-11-02T11:00:00.000Z'),
    ]);
    const timeline = await stores.events.timeline('co-b');
    assert.deepEqual(
      timeline.map((e) => e.id),
      ['co-b:started', 'co-b:reminder:1:sent', 'co-b:reminder:2:sent'],
    );
    assert.deepEqual(timeline[1], sent('co-b', 1, '2026-11-02T11:00:00.000Z'));
  });

  test('facts: the start, the reminders sent and the checkout events so far', async () => {
    await stores.events.append([
      {
        id: 'co-b:event:1',
        checkoutId: 'co-b',
        customerId: 'cust-1',
        at: '2026-11-02T10:05:00.000Z',
        type: 'checkout_event',
        event: { type: 'shipping_options_viewed', at: '2026-11-02T10:05:00.000Z', shippingCost: 4.9 },
        reason: 'shipping_cost',
      },
    ]);
    const facts = await stores.events.facts('co-b');
    assert.deepEqual(facts.started, { customerId: 'cust-1', currency: 'EUR', holdout: false });
    assert.equal(facts.remindersSent, 2);
    assert.deepEqual(facts.checkoutEvents, [
      { type: 'shipping_options_viewed', at: '2026-11-02T10:05:00.000Z', shippingCost: 4.9 },
    ]);
    assert.equal(await stores.events.sentChannel('co-b', 2), 'email');
    assert.equal(await stores.events.sentChannel('co-b', 3), undefined);
  });
});
