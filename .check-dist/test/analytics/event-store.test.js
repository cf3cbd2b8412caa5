var __importDefault = (this && this.__importDefault) || ((mod) => (mod && mod.__esModule ? mod : { default: mod }));
Object.defineProperty(exports, '__esModule', { value: true });
// The event stream's store on the embedded database: append-only, a retried write is a no-op.
const strict_1 = __importDefault(require('node:assert/strict'));
const node_test_1 = require('node:test');
const recovery_events_1 = require('../../common/recovery-events');
const send_ledger_1 = require('../../storage/send-ledger');
(0, node_test_1.describe)('event store', () => {
  let stores;
  (0, node_test_1.before)(async () => {
    stores = await (0, send_ledger_1.openStores)({ databaseUrl: undefined, inMemory: true });
  });
  (0, node_test_1.after)(() => stores.close());
  const started = (checkoutId, at, cartValue = 59.9) => ({
    id: recovery_events_1.eventIds.started(checkoutId),
    checkoutId,
    customerId: 'cust-1',
    at,
    type: 'checkout_started',
    cartValue,
    currency: 'EUR',
    holdout: false,
  });
  const sent = (checkoutId, step, at) => ({
    id: recovery_events_1.eventIds.reminder(checkoutId, step, 'sent'),
    checkoutId,
    customerId: 'cust-1',
    at,
    type: 'reminder_sent',
    step,
    channel: 'email',
    offer: '10%',
    code: 'SAVE10',
  });
  (0, node_test_1.test)('a retried write (same id) is a no-op: the first record stays as it was', async () => {
    await stores.events.append([started('co-a', '2026-11-01T10:00:00.000Z')]);
    await stores.events.append([started('co-a', '2026-11-01T11:00:00.000Z', 1)]);
    const timeline = await stores.events.timeline('co-a');
    strict_1.default.equal(timeline.length, 1);
    strict_1.default.deepEqual(timeline[0], started('co-a', '2026-11-01T10:00:00.000Z'));
  });
  (0, node_test_1.test)('the timeline is in time order, whatever order the records were written in', async () => {
    await stores.events.append([sent('co-b', 2, '2026-11-02T12:00:00.000Z')]);
    await stores.events.append([
      started('co-b', '2026-11-02T10:00:00.000Z'),
      sent('co-b', 1, '2026-11-02T11:00:00.000Z'),
    ]);
    const timeline = await stores.events.timeline('co-b');
    strict_1.default.deepEqual(
      timeline.map((e) => e.id),
      ['co-b:started', 'co-b:reminder:1:sent', 'co-b:reminder:2:sent'],
    );
    strict_1.default.deepEqual(timeline[1], sent('co-b', 1, '2026-11-02T11:00:00.000Z'));
  });
  (0, node_test_1.test)('facts: the start, the reminders sent and the checkout events so far', async () => {
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
    strict_1.default.deepEqual(facts.started, { customerId: 'cust-1', currency: 'EUR', holdout: false });
    strict_1.default.equal(facts.remindersSent, 2);
    strict_1.default.deepEqual(facts.checkoutEvents, [
      { type: 'shipping_options_viewed', at: '2026-11-02T10:05:00.000Z', shippingCost: 4.9 },
    ]);
    strict_1.default.equal(await stores.events.sentChannel('co-b', 2), 'email');
    strict_1.default.equal(await stores.events.sentChannel('co-b', 3), undefined);
  });
});
//# sourceMappingURL=event-store.test.js.map
