// The issueDiscountCode activity around whichever DiscountCodeIssuer the worker was given.
import { ApplicationFailure, Context } from '@temporalio/activity';
import { DISCOUNT_CODE_REFUSED, type IssueDiscountCodeInput, type IssuedDiscountCode } from '../contract';
import { type DiscountCodeIssuer, DiscountCodeRefused } from './issuer';

export function issueDiscountCodeWith(
  issuer: DiscountCodeIssuer | undefined,
): (input: IssueDiscountCodeInput) => Promise<IssuedDiscountCode> {
  return async function issueDiscountCode(input) {
    if (!issuer) {
      throw ApplicationFailure.nonRetryable('this worker has no discount code issuer', DISCOUNT_CODE_REFUSED);
    }
    if (!(Number.isInteger(input.step) && input.step >= 1) || !(input.validForMs > 0)) {
      throw ApplicationFailure.nonRetryable(
        `invalid discount code request (step ${input.step}, valid for ${input.validForMs} ms)`,
        DISCOUNT_CODE_REFUSED,
      );
    }
    try {
      const issued = await issuer.issue(input);
      // The code itself stays out of the logs: it is worth money to whoever reads it.
      Context.current().log.info('discount code issued', {
        checkoutId: input.checkoutId,
        step: input.step,
        expiresAt: issued.expiresAt,
      });
      return issued;
    } catch (err) {
      if (err instanceof DiscountCodeRefused) throw ApplicationFailure.nonRetryable(err.message, DISCOUNT_CODE_REFUSED);
      throw err;
    }
  };
}
