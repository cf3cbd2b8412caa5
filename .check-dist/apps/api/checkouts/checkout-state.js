Object.defineProperty(exports, '__esModule', { value: true });
exports.publishedState = publishedState;
exports.stateOf = stateOf;
exports.isFinished = isFinished;
exports.checkoutIdOf = checkoutIdOf;
const checkout_1 = require('../../../common/checkout');
const search_attributes_1 = require('../../../common/search-attributes');
const OPEN_STATES = ['waiting', 'reminding'];
/**
 * The CheckoutStatus search attribute, where one was set: by the API for an order that came
 * first, and by workflows started before the lean-actions version, which kept it current.
 */
function publishedState(info) {
  const published = info.typedSearchAttributes.get(search_attributes_1.CheckoutStatusKey);
  return checkout_1.CHECKOUT_STATES.includes(published) ? published : undefined;
}
/**
 * The checkout's state as the execution tells it without a worker. A running workflow reads as
 * `waiting` unless it published more; a completed one without a published state needs its result
 * (see CheckoutReader.stateOf), `expired` is only the fallback.
 */
function stateOf(info) {
  const known = publishedState(info);
  switch (info.status.name) {
    case 'RUNNING':
      return known ?? 'waiting';
    case 'CANCELLED':
      return 'cancelled';
    case 'COMPLETED':
      return known ?? 'expired';
    case 'TIMED_OUT':
      return 'timed_out';
    case 'FAILED':
      return 'failed';
    default:
      return 'terminated';
  }
}
/** Ordered, expired or cancelled: nothing more will be sent, even while the workflow finishes up. */
function isFinished(state) {
  return !OPEN_STATES.includes(state);
}
/** `checkout-co-1` → `co-1`: the inverse of workflowIdFor, for ids read back from Temporal. */
function checkoutIdOf(workflowId) {
  return workflowId.startsWith('checkout-') ? workflowId.slice('checkout-'.length) : workflowId;
}
//# sourceMappingURL=checkout-state.js.map
