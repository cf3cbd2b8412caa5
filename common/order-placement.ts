// The order saga's input, outcome and messages. Side-effect free: the API, the workflow bundle and
// the activities import it.
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { PaymentProviderId } from '../config/checkout-config';
import type { Cart } from './checkout';
import type { DeclineRules } from './decline-rules';

export const ORDER_WORKFLOW_TYPE = 'orderPlacement';
/** One order workflow per checkout: a double click lands on the same one. */
export const orderWorkflowId = (checkoutId: string) => `order-${checkoutId}`;

export interface PlaceOrderInput {
  checkoutId: string;
  customerId: string;
  /** Ours, recorded on the checkout and at the provider. */
  orderId: string;
  addressId: string;
  paymentMethodId: string;
  /** The checkout's cart as the recovery workflow holds it: what is charged. */
  cart: Cart;
  /** Failover order (PAYMENT_PROVIDERS): only those holding a token for the method are tried. */
  providers: PaymentProviderId[];
  declineRules: DeclineRules;
  /**
   * THREE_DS_WAIT: how long the saga waits for the shopper to complete the bank's 3-D Secure step
   * before it voids the authorisation and releases the stock (absent: the workflow's default).
   */
  authenticationWaitMs?: number;
}

export type OrderOutcome =
  | { status: 'placed'; orderId: string; provider: PaymentProviderId; total: number; currency: string }
  | {
      status: 'declined';
      /** The normalised code (common/decline-rules.ts). */
      code: string;
      /** What the shopper reads. */
      reason: string;
      /** The same method may work later. */
      retryable: boolean;
      provider?: PaymentProviderId;
      /** The method that was declined: the checkout page preselects it for the retry. */
      paymentMethodId?: string;
    }
  | {
      status: 'requires_action';
      provider: PaymentProviderId;
      reason: string;
      /** The provider's payment the shopper authenticates (the page asks the provider for its next action). */
      ref?: string;
      /** Until when the saga waits for the shopper; then the authorisation is voided. */
      until?: string;
    }
  /** Nothing was charged: the address, the stock or every provider failed. */
  | { status: 'failed'; code: string; reason: string };

/** Answers once the outcome is decided (the API's place-order waits on it, bounded). */
export const placeOrderUpdate = defineUpdate<OrderOutcome>('placeOrder');
/**
 * The shopper is back from the bank's 3-D Secure step: the saga reads the payment again and answers
 * the outcome once that read is done (placed, declined, or still `requires_action`).
 */
export const authenticationDoneUpdate = defineUpdate<OrderOutcome>('authenticationDone');
/** The outcome so far; undefined while the saga runs. */
export const orderOutcomeQuery = defineQuery<OrderOutcome | undefined>('outcome');
