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
  | { status: 'requires_action'; provider: PaymentProviderId; reason: string }
  /** Nothing was charged: the address, the stock or every provider failed. */
  | { status: 'failed'; code: string; reason: string };

/** Answers once the outcome is decided (the API's place-order waits on it, bounded). */
export const placeOrderUpdate = defineUpdate<OrderOutcome>('placeOrder');
/** The outcome so far; undefined while the saga runs. */
export const orderOutcomeQuery = defineQuery<OrderOutcome | undefined>('outcome');
