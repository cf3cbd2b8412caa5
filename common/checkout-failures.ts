// The business failures of a checkout, by type: the workflow raises them, the API's exception
// filter maps the types to HTTP statuses (never the message text).
import { ApplicationFailure } from '@temporalio/common';
import type { CheckoutState } from './checkout';

export const INVALID_CHECKOUT_INPUT = 'InvalidCheckoutInput';
/** An update for a checkout that is no longer running its schedule (ordered, expired, …): a 409. */
export const CHECKOUT_CLOSED = 'CheckoutClosed';
/** A reschedule whose steps are invalid: a 400. */
export const INVALID_SCHEDULE = 'InvalidSchedule';

export const checkoutClosed = (state: CheckoutState) =>
  ApplicationFailure.create({
    type: CHECKOUT_CLOSED,
    message: `checkout is already ${state}`,
    nonRetryable: true,
    details: [{ state }],
  });

export const invalidSchedule = (reason: string) =>
  ApplicationFailure.create({ type: INVALID_SCHEDULE, message: reason, nonRetryable: true });
