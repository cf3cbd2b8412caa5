import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import {
  Client,
  isGrpcDeadlineError,
  WithStartWorkflowOperation,
  WorkflowNotFoundError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
} from '@temporalio/client';
import type { CustomerVault } from '../../../checkout/customer-vault';
import type { NextAction } from '../../../checkout/payments/payment-provider';
import { type PaymentProviders, paymentProvidersFor } from '../../../checkout/payments/providers';
import type { Checkout } from '../../../common/checkout';
import { DEFAULT_DECLINE_RULES } from '../../../common/decline-rules';
import {
  authenticationDoneUpdate,
  ORDER_WORKFLOW_TYPE,
  type OrderOutcome,
  orderOutcomeQuery,
  orderWorkflowId,
  type PlaceOrderInput,
  placeOrderUpdate,
} from '../../../common/order-placement';
import type { AppConfig } from '../../../config/env';
import { APP_CONFIG } from '../app-config.token';
import { UnusableFieldsException } from '../validation/invalid-fields.exception';
import { CUSTOMER_VAULT } from '../vault/vault.token';
import { checkoutInput as checkoutInputOf } from './checkout-input';

export type PlaceOrderAnswer = (OrderOutcome | { status: 'pending'; poll: string }) & { nextAction?: NextAction };

/** HTTP status per outcome: placed 201, declined 402, needs the shopper 200, nothing charged 409, still running 202. */
export const HTTP_STATUS_OF: Record<PlaceOrderAnswer['status'], number> = {
  placed: 201,
  declined: 402,
  requires_action: 200,
  failed: 409,
  pending: 202,
};

@Injectable()
export class PlaceOrderService {
  constructor(
    private readonly client: Client,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CUSTOMER_VAULT) private readonly vault: CustomerVault | null,
  ) {}

  /**
   * Starts the checkout's order saga, or joins the one running (update-with-start: a double click
   * lands on the same workflow), and answers its outcome once decided, or `pending` after
   * PLACE_ORDER_WAIT. A checkout already placed answers its order again; after a decline or a
   * failure a new attempt starts.
   */
  async place(checkoutId: string, addressId: string, paymentMethodId: string): Promise<PlaceOrderAnswer> {
    const earlier = await this.closedOutcome(checkoutId);
    if (earlier?.status === 'placed') return earlier;
    const checkout = await this.checkout(checkoutId);
    await this.checkOwnership(checkout, addressId, paymentMethodId);
    const input: PlaceOrderInput = {
      checkoutId,
      customerId: checkout.customer.id,
      orderId: `ord-${checkoutId}`,
      addressId,
      paymentMethodId,
      cart: checkout.cart,
      providers: this.config.checkout.providerOrder,
      declineRules: DEFAULT_DECLINE_RULES,
      authenticationWaitMs: this.config.checkout.authenticationWaitMs,
    };
    try {
      return await this.client.connection.withDeadline(Date.now() + this.config.checkout.placeOrderWaitMs, () =>
        this.client.workflow.executeUpdateWithStart(placeOrderUpdate, {
          args: [],
          startWorkflowOperation: new WithStartWorkflowOperation(ORDER_WORKFLOW_TYPE, {
            workflowId: orderWorkflowId(checkoutId),
            taskQueue: this.config.temporal.taskQueue,
            args: [input],
            workflowIdConflictPolicy: 'USE_EXISTING',
            // A declined or failed attempt closed: the shopper's next click is a new attempt.
            workflowIdReusePolicy: 'ALLOW_DUPLICATE',
            staticSummary: `Order for checkout ${checkoutId}: ${checkout.cart.total} ${checkout.cart.currency}`,
          }),
        }),
      );
    } catch (err) {
      if (isGrpcDeadlineError(err) || err instanceof WorkflowUpdateRPCTimeoutOrCancelledError)
        return { status: 'pending', poll: `/checkouts/${encodeURIComponent(checkoutId)}/order` };
      throw err;
    }
  }

  /**
   * The shopper is back from the bank's 3-D Secure step: the saga reads the payment again and
   * captures. Answers the outcome (placed, declined, still `requires_action`), or `pending` past
   * PLACE_ORDER_WAIT; an order that already ended answers how it ended.
   */
  async authenticated(checkoutId: string): Promise<PlaceOrderAnswer> {
    const handle = this.client.workflow.getHandle(orderWorkflowId(checkoutId));
    const running = async () => (await handle.describe()).status.name === 'RUNNING';
    try {
      if (!(await running())) return await this.outcome(checkoutId);
      return await this.client.connection.withDeadline(Date.now() + this.config.checkout.placeOrderWaitMs, () =>
        handle.executeUpdate(authenticationDoneUpdate),
      );
    } catch (err) {
      if (isGrpcDeadlineError(err) || err instanceof WorkflowUpdateRPCTimeoutOrCancelledError)
        return { status: 'pending', poll: `/checkouts/${encodeURIComponent(checkoutId)}/order` };
      // The saga ended between the two calls: its outcome (none at all: outcome() answers 404).
      if (!(await running().catch(() => false))) return this.outcome(checkoutId);
      throw err;
    }
  }

  /** What the shopper's browser must do for an order waiting on 3-D Secure (read from the provider). */
  async nextAction(outcome: PlaceOrderAnswer): Promise<NextAction | undefined> {
    if (outcome.status !== 'requires_action' || !outcome.ref) return undefined;
    this.providers ??= paymentProvidersFor(this.config.checkout);
    return this.providers
      .get(outcome.provider)
      ?.nextAction(outcome.ref)
      .catch(() => undefined);
  }

  private providers: PaymentProviders | undefined;

  /** The order saga's outcome: final, decided so far, or pending. */
  async outcome(checkoutId: string): Promise<PlaceOrderAnswer> {
    const handle = this.client.workflow.getHandle(orderWorkflowId(checkoutId));
    try {
      const description = await handle.describe();
      if (description.status.name === 'COMPLETED') return (await handle.result()) as OrderOutcome;
      if (description.status.name !== 'RUNNING')
        return {
          status: 'failed',
          code: 'order_workflow_ended',
          reason: `the order ${description.status.name.toLowerCase()}`,
        };
      const decided = await this.client.connection
        .withDeadline(Date.now() + 5_000, () => handle.query(orderOutcomeQuery))
        .catch(() => undefined);
      return decided ?? { status: 'pending', poll: `/checkouts/${encodeURIComponent(checkoutId)}/order` };
    } catch (err) {
      if (err instanceof WorkflowNotFoundError)
        throw new NotFoundException(`no order was placed for checkout ${checkoutId}`);
      throw err;
    }
  }

  async checkout(checkoutId: string): Promise<Checkout> {
    const checkout = await checkoutInputOf(this.client, checkoutId);
    if (!checkout) throw new NotFoundException(`no checkout ${checkoutId}`);
    return checkout;
  }

  private async closedOutcome(checkoutId: string): Promise<OrderOutcome | undefined> {
    const handle = this.client.workflow.getHandle(orderWorkflowId(checkoutId));
    try {
      const description = await handle.describe();
      return description.status.name === 'COMPLETED' ? ((await handle.result()) as OrderOutcome) : undefined;
    } catch (err) {
      if (err instanceof WorkflowNotFoundError) return undefined;
      throw err;
    }
  }

  private async checkOwnership(checkout: Checkout, addressId: string, paymentMethodId: string): Promise<void> {
    if (!this.vault)
      throw new UnusableFieldsException([{ field: 'paymentMethodId', reason: 'no vault is configured here' }]);
    const customerId = checkout.customer.id;
    const [address, method] = await Promise.all([
      this.vault.address(customerId, addressId),
      this.vault.paymentMethod(customerId, paymentMethodId),
    ]);
    const errors = [
      ...(address ? [] : [{ field: 'addressId', reason: "is not one of the checkout customer's saved addresses" }]),
      ...(method
        ? []
        : [{ field: 'paymentMethodId', reason: "is not one of the checkout customer's saved payment methods" }]),
    ];
    if (errors.length > 0) throw new UnusableFieldsException(errors);
  }
}
