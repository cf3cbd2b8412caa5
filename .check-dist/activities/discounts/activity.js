Object.defineProperty(exports, '__esModule', { value: true });
exports.issueDiscountCodeWith = issueDiscountCodeWith;
// The issueDiscountCode activity around whichever DiscountCodeIssuer the worker was given.
const activity_1 = require('@temporalio/activity');
const contract_1 = require('../contract');
const issuer_1 = require('./issuer');
function issueDiscountCodeWith(issuer) {
  return async function issueDiscountCode(input) {
    if (!issuer) {
      throw activity_1.ApplicationFailure.nonRetryable(
        'this worker has no discount code issuer',
        contract_1.DISCOUNT_CODE_REFUSED,
      );
    }
    if (!(Number.isInteger(input.step) && input.step >= 1) || !(input.validForMs > 0)) {
      throw activity_1.ApplicationFailure.nonRetryable(
        `invalid discount code request (step ${input.step}, valid for ${input.validForMs} ms)`,
        contract_1.DISCOUNT_CODE_REFUSED,
      );
    }
    try {
      const issued = await issuer.issue(input);
      // The code itself stays out of the logs: it is worth money to whoever reads it.
      activity_1.Context.current().log.info('discount code issued', {
        checkoutId: input.checkoutId,
        step: input.step,
        expiresAt: issued.expiresAt,
      });
      return issued;
    } catch (err) {
      if (err instanceof issuer_1.DiscountCodeRefused)
        throw activity_1.ApplicationFailure.nonRetryable(err.message, contract_1.DISCOUNT_CODE_REFUSED);
      throw err;
    }
  };
}
//# sourceMappingURL=activity.js.map
