Object.defineProperty(exports, '__esModule', { value: true });
exports.invalidSchedule =
  exports.checkoutClosed =
  exports.INVALID_SCHEDULE =
  exports.CHECKOUT_CLOSED =
  exports.INVALID_CHECKOUT_INPUT =
    void 0;
// The business failures of a checkout, by type: the workflow raises them, the API's exception
// filter maps the types to HTTP statuses (never the message text).
const common_1 = require('@temporalio/common');
exports.INVALID_CHECKOUT_INPUT = 'InvalidCheckoutInput';
/** An update for a checkout that is no longer running its schedule (ordered, expired, …): a 409. */
exports.CHECKOUT_CLOSED = 'CheckoutClosed';
/** A reschedule whose steps are invalid: a 400. */
exports.INVALID_SCHEDULE = 'InvalidSchedule';
const checkoutClosed = (state) =>
  common_1.ApplicationFailure.create({
    type: exports.CHECKOUT_CLOSED,
    message: `checkout is already ${state}`,
    nonRetryable: true,
    details: [{ state }],
  });
exports.checkoutClosed = checkoutClosed;
const invalidSchedule = (reason) =>
  common_1.ApplicationFailure.create({ type: exports.INVALID_SCHEDULE, message: reason, nonRetryable: true });
exports.invalidSchedule = invalidSchedule;
//# sourceMappingURL=checkout-failures.js.map
