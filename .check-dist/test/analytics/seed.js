Object.defineProperty(exports, '__esModule', { value: true });
exports.SEED_RANGE = void 0;
exports.seedHistory = seedHistory;
exports.seed = seed;
const recovery_events_1 = require('../../common/recovery-events');
const at = (day, hh, mm = 0) => new Date(Date.UTC(2026, 10, day, hh, mm)).toISOString();
class Checkout {
  checkoutId;
  customerId;
  events = [];
  constructor(checkoutId, customerId) {
    this.checkoutId = checkoutId;
    this.customerId = customerId;
  }
  started(when, cartValue, currency, holdout = false) {
    this.push({
      id: recovery_events_1.eventIds.started(this.checkoutId),
      at: when,
      type: 'checkout_started',
      cartValue,
      currency,
      holdout,
    });
    return this;
  }
  sent(step, channel, when) {
    this.push({
      id: recovery_events_1.eventIds.reminder(this.checkoutId, step, 'sent'),
      at: when,
      type: 'reminder_sent',
      step,
      channel,
    });
    return this;
  }
  suppressed(step, reason, when) {
    this.push({
      id: recovery_events_1.eventIds.reminder(this.checkoutId, step, 'suppressed'),
      at: when,
      type: 'reminder_suppressed',
      step,
      channel: 'email',
      reason,
    });
    return this;
  }
  clicked(step, channel, when) {
    this.push({ id: `${this.checkoutId}:click:${step}:${when}`, at: when, type: 'link_clicked', step, channel });
    return this;
  }
  shopper(event, reason) {
    this.push({ id: `${this.checkoutId}:event:${event.type}`, at: event.at, type: 'checkout_event', event, reason });
    return this;
  }
  ordered(when, orderId, total) {
    this.push({
      id: recovery_events_1.eventIds.order(this.checkoutId, orderId),
      at: when,
      type: 'ordered',
      orderId,
      ...(total !== undefined && { total }),
      afterStep: 0,
    });
    return this;
  }
  push(body) {
    this.events.push({ ...body, checkoutId: this.checkoutId, customerId: this.customerId });
  }
}
/** The range the seeded checkouts started in. */
exports.SEED_RANGE = { from: '2026-11-01', to: '2026-11-02' };
function seedHistory(prefix) {
  const co = (n, customer) => new Checkout(`${prefix}-${n}`, customer);
  return [
    // Recovered by reminder 1 (email), after its resume link was clicked: 90 EUR.
    co(1, 'cust-1')
      .started(at(1, 10), 100, 'EUR')
      .shopper({ type: 'shipping_options_viewed', at: at(1, 10, 5), shippingCost: 5 }, 'shipping_cost')
      .sent(1, 'email', at(1, 11))
      .clicked(1, 'email', at(1, 11, 30))
      .ordered(at(1, 12), 'o-1', 90),
    // Recovered by reminder 2 (sms), the last before the order; no total: the cart's 50 EUR.
    co(2, 'cust-2')
      .started(at(1, 10), 50, 'EUR')
      .shopper({ type: 'payment_failed', at: at(1, 10, 5), paymentMethod: 'card' }, 'payment_failed')
      .sent(1, 'email', at(1, 11))
      .sent(2, 'sms', at(2, 11))
      .ordered(at(2, 12), 'o-2'),
    // Ordered 7 days after its only reminder: outside the 5-day window, not recovered.
    co(3, 'cust-3').started(at(1, 10), 70, 'EUR').sent(1, 'email', at(1, 11)).ordered(at(8, 12), 'o-3', 70),
    // Ordered before any reminder: not recovered.
    co(4, 'cust-4')
      .started(at(1, 10), 30, 'EUR')
      .ordered(at(1, 10, 30), 'o-4', 30),
    // Another currency, recovered by reminder 1: 200 USD, never added to the euros.
    co(5, 'cust-5').started(at(2, 9), 200, 'USD').sent(1, 'email', at(2, 10)).ordered(at(2, 11), 'o-5', 200),
    // The holdout: one orders anyway, one does not.
    co(6, 'cust-6')
      .started(at(1, 10), 80, 'EUR', true)
      .suppressed(1, 'holdout', at(1, 11))
      .ordered(at(1, 15), 'o-6', 80),
    co(7, 'cust-7')
      .started(at(1, 10), 40, 'EUR', true)
      .shopper({ type: 'contact_entered', at: at(1, 10, 1) }, 'unknown')
      .suppressed(1, 'holdout', at(1, 11)),
    // Started before the range: not counted.
    co(8, 'cust-8')
      .started(at(20, 10).replace('2026-11-20', '2026-10-20'), 60, 'EUR')
      .sent(1, 'email', at(1, 0, 30))
      .ordered(at(1, 1), 'o-8', 60),
  ].flatMap((c) => c.events);
}
async function seed(store, prefix) {
  await store.append(seedHistory(prefix));
}
//# sourceMappingURL=seed.js.map
