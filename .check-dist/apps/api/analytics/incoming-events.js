Object.defineProperty(exports, '__esModule', { value: true });
exports.startedRecord = startedRecord;
exports.checkoutEventRecords = checkoutEventRecords;
exports.activityRecord = activityRecord;
exports.closedRecord = closedRecord;
exports.orderRecord = orderRecord;
// The records the API writes for what comes in, built from the request (pure: ids derived from
// what each record says, so a retried request writes nothing new).
const node_crypto_1 = require('node:crypto');
const checkout_events_1 = require('../../../common/checkout-events');
const recovery_events_1 = require('../../../common/recovery-events');
const digest = (value) =>
  (0, node_crypto_1.createHash)('sha256').update(JSON.stringify(value)).digest('base64url').slice(0, 22);
function startedRecord(input, now) {
  const { checkout } = input;
  return {
    id: recovery_events_1.eventIds.started(checkout.checkoutId),
    checkoutId: checkout.checkoutId,
    customerId: checkout.customer.id,
    at: now.toISOString(),
    type: 'checkout_started',
    cartValue: checkout.cart.total,
    currency: checkout.cart.currency,
    ...(checkout.customer.tier && { customerTier: checkout.customer.tier }),
    holdout: input.holdout === true,
  };
}
/** Each accepted event, with the abandonment reason the checkout's events add up to with it. */
function checkoutEventRecords(checkoutId, facts, events) {
  const customerId = facts.started?.customerId ?? '';
  const recorded = events.map(({ address: _address, ...rest }) => rest);
  const progress = (0, checkout_events_1.inTimeOrder)([...facts.checkoutEvents, ...recorded]).reduce(
    checkout_events_1.applyEvent,
    checkout_events_1.NO_PROGRESS,
  );
  const reason = (0, checkout_events_1.abandonReason)(progress);
  return recorded.map((event) => ({
    id: `${checkoutId}:event:${digest(event)}`,
    checkoutId,
    customerId,
    at: event.at,
    type: 'checkout_event',
    event,
    reason,
  }));
}
function activityRecord(checkoutId, at) {
  const iso = at.toISOString();
  return { id: `${checkoutId}:activity:${iso}`, checkoutId, customerId: '', at: iso, type: 'activity' };
}
function closedRecord(checkoutId, state, now) {
  return {
    id: recovery_events_1.eventIds.closed(checkoutId),
    checkoutId,
    customerId: '',
    at: now.toISOString(),
    type: 'closed',
    state,
  };
}
/** The order, completed from the checkout's records: its currency and how many reminders came before. */
function orderRecord(order, facts, now) {
  const { checkoutId, orderId, total, discountCode } = order;
  return {
    id: recovery_events_1.eventIds.order(checkoutId, orderId),
    checkoutId,
    customerId: facts.started?.customerId ?? '',
    at: now.toISOString(),
    type: 'ordered',
    orderId,
    ...(total !== undefined && { total }),
    ...(facts.started?.currency && { currency: facts.started.currency }),
    ...(discountCode && { discountCode }),
    afterStep: facts.remindersSent,
  };
}
//# sourceMappingURL=incoming-events.js.map
