// The shopper's journey through checkout as typed events, the progress they add up to, and the
// abandonment reason derived from it. Pure: the workflow folds events in, the API validates them.
Object.defineProperty(exports, '__esModule', { value: true });
exports.NO_PROGRESS =
  exports.ABANDON_REASONS =
  exports.publishableStep =
  exports.STEP_SLUG_RULE =
  exports.STEP_SLUG_PATTERN =
  exports.CHECKOUT_EVENT_TYPES =
    void 0;
exports.applyEvent = applyEvent;
exports.abandonReason = abandonReason;
exports.inTimeOrder = inTimeOrder;
exports.CHECKOUT_EVENT_TYPES = [
  'contact_entered',
  'address_entered',
  'shipping_options_viewed',
  'payment_method_selected',
  'payment_failed',
  'coupon_rejected',
  'item_out_of_stock',
  'custom',
];
/**
 * A custom step's name becomes the CheckoutStep search attribute, which is never encrypted: a slug
 * only ("gift_wrap_chosen"), so no customer's words or data end up in Temporal's visibility store.
 */
exports.STEP_SLUG_PATTERN = /^[a-z0-9][a-z0-9_-]{0,63}$/;
exports.STEP_SLUG_RULE = 'must be a slug: 1-64 lowercase letters, digits, "_" or "-"';
/** The step as the CheckoutStep attribute may show it: a slug as given, anything else just "custom". */
const publishableStep = (step) => (step === '' || exports.STEP_SLUG_PATTERN.test(step) ? step : 'custom');
exports.publishableStep = publishableStep;
exports.ABANDON_REASONS = ['shipping_cost', 'payment_failed', 'out_of_stock', 'coupon', 'unknown'];
exports.NO_PROGRESS = { lastStep: null, outOfStock: [], events: 0 };
/** Folds one event into the progress (events are applied in their own time order by the caller). */
function applyEvent(progress, event) {
  const next = { ...progress, events: progress.events + 1 };
  next.lastStep = event.type === 'custom' ? (event.name ?? 'custom') : event.type;
  switch (event.type) {
    case 'address_entered':
      next.address = { ...progress.address, ...event.address };
      break;
    case 'shipping_options_viewed':
      next.shippingCost = event.shippingCost;
      next.blocker = (event.shippingCost ?? 0) > 0 ? 'shipping_cost' : undefined;
      break;
    case 'payment_method_selected':
      next.paymentMethod = event.paymentMethod ?? progress.paymentMethod;
      if (progress.blocker === 'payment_failed') next.blocker = undefined;
      break;
    case 'payment_failed':
      next.paymentMethod = event.paymentMethod ?? progress.paymentMethod;
      next.declineReason = event.declineReason;
      next.blocker = 'payment_failed';
      break;
    case 'coupon_rejected':
      next.couponRejected = event.couponCode;
      next.blocker = 'coupon';
      break;
    case 'item_out_of_stock':
      if (event.sku && !progress.outOfStock.includes(event.sku)) next.outOfStock = [...progress.outOfStock, event.sku];
      break;
  }
  return next;
}
/**
 * Why the shopper most likely left. An item out of stock outweighs everything (pressing for the
 * order would be wrong); otherwise the last blocker they hit; `unknown` without one.
 */
function abandonReason(progress) {
  if (progress.outOfStock.length > 0) return 'out_of_stock';
  return progress.blocker ?? 'unknown';
}
/** Events in time order (a batch may arrive unsorted; equal times keep their order). */
function inTimeOrder(events) {
  return events
    .map((e, i) => ({ e, i, t: Date.parse(e.at) }))
    .sort((a, b) => a.t - b.t || a.i - b.i)
    .map(({ e }) => e);
}
//# sourceMappingURL=checkout-events.js.map
