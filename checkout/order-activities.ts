// The order saga's steps, each idempotent: a retried activity finds what its earlier attempt did
// (the reservation by key, the payment by idempotency key, the order by checkout) and does not do
// it again. Tokens are opened from the vault inside the activity: they never enter workflow history.

import type { Logger } from '@nestjs/common';
import { ApplicationFailure } from '@temporalio/activity';
import type { Client } from '@temporalio/client';
import { recordOrderOnCheckout } from '../apps/shared/order-recording';
import { eventIds } from '../common/recovery-events';
import type { PaymentProviderId } from '../config/checkout-config';
import type { CheckoutStops } from '../storage/checkout-stops';
import type { EventStore } from '../storage/event-store';
import type { Inventory, Reservation, StockLine } from '../storage/inventory';
import type { PlacedOrders } from '../storage/placed-orders';
import { normalizeAddress } from './address-rules';
import type { CustomerVault } from './customer-vault';
import { type Authorization, minorUnits, ProviderUnavailable } from './payments/payment-provider';
import type { PaymentProviders } from './payments/providers';

export const PROVIDER_UNAVAILABLE = 'ProviderUnavailable';
export const INVALID_ADDRESS = 'InvalidAddress';
export const UNKNOWN_PAYMENT_METHOD = 'UnknownPaymentMethod';

export interface PaymentStep {
  provider: PaymentProviderId;
  /** Derived from the workflow (id, run, purpose): a retry reuses it, so nothing is charged twice. */
  key: string;
}

export interface OrderActivities {
  /** The saved address, checked again against its country's rules; its display lines. */
  validateAddress(input: { customerId: string; addressId: string }): Promise<{ formatted: string[] }>;
  /** The providers that hold a token for the method (no token leaves the activity). */
  paymentMethodProviders(input: { customerId: string; paymentMethodId: string }): Promise<PaymentProviderId[]>;
  reserveStock(input: { key: string; lines: StockLine[] }): Promise<Reservation>;
  releaseStock(input: { key: string }): Promise<void>;
  authorizePayment(
    input: PaymentStep & {
      customerId: string;
      paymentMethodId: string;
      amount: number;
      currency: string;
      reference: string;
    },
  ): Promise<Authorization>;
  /** Whether the provider holds an attempt under `key` (read before failing over). */
  lookupPayment(input: PaymentStep): Promise<Authorization | null>;
  /** The payment as it stands now: read after the shopper's 3-D Secure step (or when the wait ends). */
  paymentStatus(input: { provider: PaymentProviderId; ref: string }): Promise<Authorization>;
  capturePayment(input: PaymentStep & { ref: string; amount: number; currency: string }): Promise<void>;
  /** `alreadyCaptured`: the provider had captured it after all (see PaymentProvider.void). */
  voidPayment(input: PaymentStep & { ref: string }): Promise<{ alreadyCaptured: boolean }>;
  /** The order in placed_orders, then on the checkout's recovery workflow (reminders stop). */
  recordOrder(input: {
    checkoutId: string;
    orderId: string;
    provider: PaymentProviderId;
    paymentRef: string;
    total: number;
    currency: string;
  }): Promise<{ confirmed: boolean }>;
}

export interface OrderActivityDeps {
  vault: CustomerVault;
  providers: PaymentProviders;
  inventory: Inventory;
  orders: PlacedOrders;
  stops: CheckoutStops | null;
  client: Client;
  taskQueue: string;
  orderAckTimeoutMs: number;
  logger: Pick<Logger, 'warn'>;
  /** The analytics event stream: the saga's order is recorded there as POST /orders records one. */
  events?: EventStore;
}

export function createOrderActivities(deps: OrderActivityDeps): OrderActivities {
  const provider = (id: PaymentProviderId) => {
    const found = deps.providers.get(id);
    if (!found)
      throw ApplicationFailure.nonRetryable(`payment provider ${id} is not configured`, 'ProviderNotConfigured');
    return found;
  };
  // An outage is retried by Temporal (the activity's retry policy), then the workflow fails over.
  const outage = (err: unknown): never => {
    if (err instanceof ProviderUnavailable) throw ApplicationFailure.retryable(err.message, PROVIDER_UNAVAILABLE);
    throw err;
  };

  return {
    async validateAddress({ customerId, addressId }) {
      const saved = await deps.vault.address(customerId, addressId);
      if (!saved) throw ApplicationFailure.nonRetryable(`no address ${addressId} for ${customerId}`, INVALID_ADDRESS);
      const { id: _id, isDefault: _d, formatted: _f, ...fields } = saved;
      const checked = normalizeAddress(fields);
      if (!checked.ok)
        throw ApplicationFailure.nonRetryable(
          `address ${addressId}: ${checked.errors.map((e) => `${e.field} ${e.reason}`).join('; ')}`,
          INVALID_ADDRESS,
        );
      return { formatted: checked.address.formatted };
    },

    async paymentMethodProviders({ customerId, paymentMethodId }) {
      const method = await deps.vault.paymentMethod(customerId, paymentMethodId);
      if (!method)
        throw ApplicationFailure.nonRetryable(
          `no payment method ${paymentMethodId} for ${customerId}`,
          UNKNOWN_PAYMENT_METHOD,
        );
      return method.providers;
    },

    reserveStock: ({ key, lines }) => deps.inventory.reserve(key, lines),
    releaseStock: ({ key }) => deps.inventory.release(key),

    async authorizePayment({ provider: id, key, customerId, paymentMethodId, amount, currency, reference }) {
      const method = await deps.vault.paymentMethod(customerId, paymentMethodId);
      const token = method?.tokens[id];
      if (!token)
        throw ApplicationFailure.nonRetryable(
          `payment method ${paymentMethodId} has no ${id} token`,
          UNKNOWN_PAYMENT_METHOD,
        );
      return provider(id)
        .authorize({ key, token, amount: minorUnits(amount, currency), currency, reference, customerId })
        .catch(outage);
    },

    async lookupPayment({ provider: id, key }) {
      return (await provider(id).lookup(key).catch(outage)) ?? null;
    },

    paymentStatus: ({ provider: id, ref }) => provider(id).status(ref).catch(outage),

    async capturePayment({ provider: id, key, ref, amount, currency }) {
      await provider(id).capture(ref, minorUnits(amount, currency), currency, key).catch(outage);
    },

    async voidPayment({ provider: id, key, ref }) {
      return provider(id).void(ref, key).catch(outage);
    },

    async recordOrder({ checkoutId, orderId, provider: id, paymentRef, total, currency }) {
      await deps.orders.record({ checkoutId, orderId, provider: id, paymentRef, total, currency });
      const taken = await recordOrderOnCheckout(
        {
          client: deps.client,
          stops: deps.stops,
          taskQueue: deps.taskQueue,
          ackTimeoutMs: deps.orderAckTimeoutMs,
          logger: deps.logger,
        },
        checkoutId,
        orderId,
        total,
      );
      if (deps.events) {
        // Ids derived from the checkout and order (common/recovery-events.ts): a retried activity
        // writes nothing new. A failed write fails the activity, which retries it.
        const facts = await deps.events.facts(checkoutId);
        const at = new Date();
        const arrivedAfterClose = !taken.ack && taken.arrivedAfterClose;
        await deps.events.append([
          {
            id: eventIds.order(checkoutId, orderId),
            checkoutId,
            customerId: facts.started?.customerId ?? '',
            at: at.toISOString(),
            type: 'ordered',
            orderId,
            total,
            currency,
            // The checkout's own count when it acknowledged; else the reminders recorded so far.
            afterStep: taken.ack?.remindersSent ?? facts.remindersSent,
          },
          // A checkout that had already closed (expired, cancelled) is not closed again as ordered.
          ...(arrivedAfterClose
            ? []
            : [
                {
                  id: eventIds.closed(checkoutId),
                  checkoutId,
                  customerId: '',
                  at: at.toISOString(),
                  type: 'closed' as const,
                  state: 'ordered' as const,
                },
              ]),
        ]);
      }
      return { confirmed: taken.ack !== undefined };
    },
  };
}
