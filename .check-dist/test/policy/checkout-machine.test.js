var __importDefault = (this && this.__importDefault) || ((mod) => (mod && mod.__esModule ? mod : { default: mod }));
Object.defineProperty(exports, '__esModule', { value: true });
// The one set of rules for a checkout's state, which the workflow's handlers and the API's
// reader of a delayed checkout both apply (common/checkout-machine.ts).
const strict_1 = __importDefault(require('node:assert/strict'));
const node_test_1 = require('node:test');
const checkout_machine_1 = require('../../common/checkout-machine');
const schedule_1 = require('../../common/schedule');
const T0 = Date.parse('2030-01-01T12:00:00Z');
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const resolved = (0, schedule_1.resolveSchedule)([{ after: '30m' }, { after: '1d' }]);
if (!resolved.ok) throw new Error('schedule');
const INPUT = {
  checkout: {
    checkoutId: 'co-1',
    customer: { id: 'c-1', email: 'ada@example.com' },
    cart: { currency: 'EUR', total: 10, items: [{ sku: 'S', name: 'Mug', quantity: 1, unitPrice: 10 }] },
    checkoutUrl: 'https://shop.example.com/c/co-1',
  },
  schedule: resolved.steps,
};
const fold = (messages, from = (0, checkout_machine_1.start)(INPUT, T0)) =>
  messages.reduce(checkout_machine_1.apply, from);
(0, node_test_1.describe)('checkout state machine', () => {
  (0, node_test_1.test)('activity before the first reminder moves the schedule; after it, nothing moves', () => {
    const moved = fold([{ type: 'activity', at: T0 + 10 * MINUTE, receivedAt: T0 + 11 * MINUTE }]);
    strict_1.default.equal((0, checkout_machine_1.statusOf)(moved).nextDueAt, new Date(T0 + 40 * MINUTE).toISOString());
    const record = { step: 1, channel: 'email', template: 'friendly', outcome: 'sent', at: '', dueAt: '' };
    const afterFirst = fold([
      { type: 'reminderRecorded', record, advance: true },
      { type: 'activity', receivedAt: T0 + HOUR },
    ]);
    strict_1.default.equal(afterFirst.lastActivityAt, T0);
  });
  (0, node_test_1.test)(
    'checkout events of unknown types or unreadable times are skipped, as another client may send anything',
    () => {
      const s = fold([
        {
          type: 'checkoutEvents',
          events: [
            { type: 'teleported', at: new Date(T0).toISOString() },
            { type: 'shipping_options_viewed', at: 'yesterday', shippingCost: 5 },
            null,
            { type: 'payment_failed', at: new Date(T0 + MINUTE).toISOString(), declineReason: 'card_declined' },
          ],
          receivedAt: T0 + 2 * MINUTE,
        },
      ]);
      strict_1.default.equal(s.progress.events, 1);
      strict_1.default.equal((0, checkout_machine_1.statusOf)(s).abandonReason, 'payment_failed');
      strict_1.default.equal(s.lastActivityAt, T0 + MINUTE);
    },
  );
  (0, node_test_1.test)('a supersede without a usable `by` is ignored; the first usable one stops the checkout', () => {
    strict_1.default.equal((0, checkout_machine_1.stopReason)(fold([{ type: 'superseded', by: 42 }])), null);
    const s = fold([
      { type: 'superseded', by: 'co-2' },
      { type: 'superseded', by: 'co-3' },
    ]);
    strict_1.default.equal((0, checkout_machine_1.stopReason)(s), 'superseded');
    strict_1.default.equal(s.supersededBy, 'co-2');
  });
  (0, node_test_1.test)(
    'the first order wins, counts the reminders sent before it, and freezes every other signal',
    () => {
      const s = fold([
        { type: 'ordered', orderId: 'o-1', receivedAt: T0 + MINUTE },
        { type: 'ordered', orderId: 'o-2', receivedAt: T0 + 2 * MINUTE },
        { type: 'preferences', preferences: { optedOut: true } },
        { type: 'superseded', by: 'co-2' },
        { type: 'activity', receivedAt: T0 + 3 * MINUTE },
      ]);
      strict_1.default.equal(s.order?.orderId, 'o-1');
      strict_1.default.equal(s.order?.afterStep, 0);
      strict_1.default.equal((0, checkout_machine_1.stopReason)(s), 'ordered');
      strict_1.default.equal(s.preferences, undefined);
      strict_1.default.equal(s.supersededBy, null);
    },
  );
  (0, node_test_1.test)('an opt-out stops the schedule; a closed checkout plans nothing more', () => {
    const s = fold([{ type: 'preferences', preferences: { optedOut: true } }]);
    strict_1.default.equal((0, checkout_machine_1.stopReason)(s), 'unsubscribed');
    const closed = (0, checkout_machine_1.apply)(s, { type: 'closed', phase: 'unsubscribed' });
    strict_1.default.deepEqual((0, checkout_machine_1.statusOf)(closed).upcoming, []);
    strict_1.default.equal((0, checkout_machine_1.statusOf)(closed).state, 'unsubscribed');
  });
});
//# sourceMappingURL=checkout-machine.test.js.map
