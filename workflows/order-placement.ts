// The one-click order as a saga: validate the address, reserve stock, authorise at the first
// provider holding a token for the method (failing over only when the rules say so, and only after
// asking whether the first attempt went through), capture, record the order on the checkout (its
// reminders stop). After an authorisation, a failure voids it and releases the stock. A decline is
// told to the checkout as a payment_failed event, so its next reminder offers the retry. A bank that
// wants 3-D Secure: the saga answers `requires_action` and waits, bounded, for the shopper's step,
// then reads the payment again and captures, or voids it when the wait runs out.
import {
  ActivityFailure,
  ApplicationFailure,
  condition,
  getExternalWorkflowHandle,
  patched,
  proxyActivities,
  setCurrentDetails,
  setHandler,
  TimeoutFailure,
  workflowInfo,
} from '@temporalio/workflow';
import type { OrderActivities } from '../checkout/order-activities';
import type { Authorization } from '../checkout/payments/payment-provider';
import { ruleFor } from '../common/decline-rules';
import { checkoutEventsSignal, workflowIdFor } from '../common/messages';
import {
  authenticationDoneUpdate,
  type OrderOutcome,
  orderOutcomeQuery,
  type PlaceOrderInput,
  placeOrderUpdate,
} from '../common/order-placement';
import type { PaymentProviderId } from '../config/checkout-config';
import { PATCHES } from './patches';

// Database steps: quick, retried until they work (they are idempotent).
const local = (summary: string) =>
  proxyActivities<OrderActivities>({ startToCloseTimeout: '30s', retry: { maximumInterval: '10s' }, summary });
// A provider call: a few quick attempts, then the workflow decides on failover.
const provider = (summary: string) =>
  proxyActivities<OrderActivities>({
    startToCloseTimeout: '30s',
    retry: {
      initialInterval: '500ms',
      backoffCoefficient: 2,
      maximumAttempts: 3,
      nonRetryableErrorTypes: ['UnknownPaymentMethod', 'ProviderNotConfigured'],
    },
    summary,
  });
// How long the shopper has for the bank's step when the input does not say (THREE_DS_WAIT): a
// bank-app round trip takes minutes; the stock and the authorisation are held meanwhile.
const AUTHENTICATION_WAIT_MS = 15 * 60_000;
// Compensation and capture must eventually happen: retried for as long as it takes.
const persistent = (summary: string) =>
  proxyActivities<OrderActivities>({ startToCloseTimeout: '30s', retry: { maximumInterval: '1m' }, summary });

export async function orderPlacement(input: PlaceOrderInput): Promise<OrderOutcome> {
  const { checkoutId, customerId, cart } = input;
  let outcome: OrderOutcome | undefined;
  setHandler(placeOrderUpdate, async () => {
    await condition(() => outcome !== undefined);
    return outcome as OrderOutcome;
  });
  setHandler(orderOutcomeQuery, () => outcome);
  // The shopper is back from the bank: the wait below reads the payment again. Answered once the
  // outcome moved on (placed, declined, voided) or the read found the step still not done.
  let shopperReturned = false;
  let stillWaiting = 0;
  setHandler(authenticationDoneUpdate, async () => {
    const seen = stillWaiting;
    shopperReturned = true;
    await condition(() => outcome !== undefined && (stillWaiting > seen || outcome.status !== 'requires_action'));
    return outcome as OrderOutcome;
  });
  const { workflowId, runId } = workflowInfo();
  // Idempotency keys: this run and the purpose. A retried activity reuses its key; a new run
  // (the shopper retries after a decline) is a new attempt.
  const keyFor = (purpose: string) => `${workflowId}:${runId}:${purpose}`;
  const stockKey = keyFor('stock');
  const decide = (o: OrderOutcome) => {
    outcome = o;
    setCurrentDetails(`**${o.status}**${'reason' in o ? `: ${o.reason}` : ''}`);
    return o;
  };

  setCurrentDetails('validating the address');
  try {
    await local('validate address').validateAddress({ customerId, addressId: input.addressId });
  } catch (err) {
    return decide({ status: 'failed', code: 'invalid_address', reason: failureMessage(err) });
  }
  let holders: PaymentProviderId[];
  try {
    holders = await local('payment method').paymentMethodProviders({
      customerId,
      paymentMethodId: input.paymentMethodId,
    });
  } catch (err) {
    return decide({ status: 'failed', code: 'unknown_payment_method', reason: failureMessage(err) });
  }

  setCurrentDetails('reserving stock');
  const reservation = await local('reserve stock').reserveStock({
    key: stockKey,
    lines: cart.items.map(({ sku, quantity }) => ({ sku, quantity })),
  });
  if (!reservation.ok) {
    await tellCheckout(checkoutId, { type: 'item_out_of_stock', sku: reservation.sku });
    return decide({ status: 'failed', code: 'out_of_stock', reason: `${reservation.sku} is out of stock` });
  }
  const releaseStock = () => persistent('release stock').releaseStock({ key: stockKey });

  let authorized: { provider: PaymentProviderId; ref: string; key: string; captured: boolean } | undefined;
  let declined: OrderOutcome | undefined;
  // Set by the last read of a 3-D Secure wait (patched): the void after it may find a capture.
  let deadlineReadPersistent = false;
  const candidates = input.providers.filter((p) => holders.includes(p));
  for (const id of candidates) {
    const key = keyFor(`authorize:${id}`);
    setCurrentDetails(`authorising at ${id}`);
    let auth: Authorization | null;
    try {
      auth = await provider(`authorise at ${id}`).authorizePayment({
        provider: id,
        key,
        customerId,
        paymentMethodId: input.paymentMethodId,
        amount: cart.total,
        currency: cart.currency,
        reference: checkoutId,
      });
    } catch (err) {
      if (!isProviderOutage(err)) {
        await releaseStock();
        return decide({ status: 'failed', code: 'payment_error', reason: failureMessage(err) });
      }
      // Before another provider charges: did this attempt go through after all (a timeout after the charge)?
      auth = await provider(`look up ${id} attempt`)
        .lookupPayment({ provider: id, key })
        .catch(() => null);
      if (!auth) {
        declined = { status: 'failed', code: 'providers_unavailable', reason: 'The payment service is unavailable.' };
        continue;
      }
    }
    if (auth.status === 'requires_action') {
      if (!patched(PATCHES.orderAuthenticationWait)) {
        await releaseStock();
        return decide({
          status: 'requires_action',
          provider: id,
          reason: 'Your bank asks you to confirm this payment.',
        });
      }
      const ref = auth.ref;
      auth = await authentication(id, ref);
      if (auth.status === 'requires_action') {
        // The wait ran out: nothing was captured, so the authorisation and the stock go back. Unless
        // the void finds it captured after all: then the order stands (older histories: compensated).
        const voided = await persistent('void authorisation').voidPayment({
          provider: id,
          key: keyFor(`void:${id}`),
          ref,
        });
        if (deadlineReadPersistent && voided?.alreadyCaptured) {
          auth = { status: 'authorized', ref, captured: true };
        } else {
          await releaseStock();
          return decide({
            status: 'failed',
            code: 'authentication_timeout',
            reason: 'The payment was not confirmed with your bank in time.',
          });
        }
      } else if (auth.status === 'declined' && patched(PATCHES.orderAuthenticationFailedVoid)) {
        // Refused at the bank's step: the payment stays open to another confirm with the client
        // secret the page was given. Voided, so no hold can follow that nobody captures.
        await persistent('void authorisation').voidPayment({ provider: id, key: keyFor(`void:${id}`), ref });
      }
    }
    if (auth.status === 'authorized') {
      authorized = { provider: id, ref: auth.ref, key, captured: auth.captured };
      break;
    }
    const rule = ruleFor(input.declineRules, auth.code);
    if (rule.stepUp) {
      await releaseStock();
      return decide({ status: 'requires_action', provider: id, reason: rule.message });
    }
    declined = {
      status: 'declined',
      code: auth.code,
      reason: rule.message,
      retryable: rule.retryable,
      provider: id,
      paymentMethodId: input.paymentMethodId,
    };
    if (!rule.failover) break;
  }

  /**
   * Answers `requires_action` and waits until the shopper is back from the bank (then reads the
   * payment: still waiting → wait on) or the bound runs out (one last read: a shopper who
   * authenticated but never came back still gets the order).
   */
  async function authentication(id: PaymentProviderId, ref: string): Promise<Authorization> {
    const until = Date.now() + (input.authenticationWaitMs ?? AUTHENTICATION_WAIT_MS);
    decide({
      status: 'requires_action',
      provider: id,
      reason: 'Your bank asks you to confirm this payment.',
      ref,
      until: new Date(until).toISOString(),
    });
    for (;;) {
      const remaining = until - Date.now();
      const returned =
        remaining > 0 &&
        (await condition(() => shopperReturned, remaining, { summary: 'waiting for the 3-D Secure step' }));
      shopperReturned = false;
      // The last read decides between capture and void: an outage at that moment is waited out,
      // not taken for "not authenticated" (a shopper who confirmed keeps the order).
      const last = !returned && patched(PATCHES.orderAuthenticationDeadline);
      if (last) deadlineReadPersistent = true;
      const read = last ? persistent(`last read of ${id} payment`) : provider(`read ${id} payment`);
      const now: Authorization = await read
        .paymentStatus({ provider: id, ref })
        .catch(() => ({ status: 'requires_action', ref }));
      if (now.status !== 'requires_action' || !returned) return now;
      stillWaiting += 1;
    }
  }

  if (!authorized) {
    await releaseStock();
    const result = declined ?? {
      status: 'failed' as const,
      code: 'no_provider',
      reason: 'No payment provider holds this payment method.',
    };
    if (result.status === 'declined')
      await tellCheckout(checkoutId, { type: 'payment_failed', paymentMethod: 'card', declineReason: result.code });
    return decide(result);
  }

  const payment = authorized;
  if (!payment.captured) {
    setCurrentDetails(`capturing at ${payment.provider}`);
    try {
      await provider(`capture at ${payment.provider}`).capturePayment({
        provider: payment.provider,
        key: keyFor(`capture:${payment.provider}`),
        ref: payment.ref,
        amount: cart.total,
        currency: cart.currency,
      });
    } catch (err) {
      // Compensation: nothing was taken, so the authorisation and the stock go back. Unless the
      // capture went through after all (it timed out after the provider took it): then the order
      // stands. Histories from before the patch compensated whatever the void answered.
      const voided = await persistent('void authorisation').voidPayment({
        provider: payment.provider,
        key: keyFor(`void:${payment.provider}`),
        ref: payment.ref,
      });
      if (!(patched(PATCHES.captureVoidAnswer) && voided?.alreadyCaptured)) {
        await releaseStock();
        return decide({ status: 'failed', code: 'capture_failed', reason: failureMessage(err) });
      }
    }
  }

  setCurrentDetails('recording the order');
  await persistent('record order').recordOrder({
    checkoutId,
    orderId: input.orderId,
    provider: payment.provider,
    paymentRef: payment.ref,
    total: cart.total,
    currency: cart.currency,
  });
  return decide({
    status: 'placed',
    orderId: input.orderId,
    provider: payment.provider,
    total: cart.total,
    currency: cart.currency,
  });
}

/** An event on the checkout's recovery workflow; a checkout that is gone has nothing to remind. */
async function tellCheckout(
  checkoutId: string,
  event:
    | { type: 'payment_failed'; paymentMethod: string; declineReason: string }
    | { type: 'item_out_of_stock'; sku: string },
): Promise<void> {
  try {
    await getExternalWorkflowHandle(workflowIdFor(checkoutId)).signal(checkoutEventsSignal, {
      events: [{ ...event, at: new Date().toISOString() }],
    });
  } catch {
    // closed or never started: no reminder follows anyway
  }
}

function isProviderOutage(err: unknown): boolean {
  return (
    err instanceof ActivityFailure &&
    ((err.cause instanceof ApplicationFailure && err.cause.type === 'ProviderUnavailable') ||
      err.cause instanceof TimeoutFailure)
  );
}

function failureMessage(err: unknown): string {
  if (err instanceof ActivityFailure && err.cause) return err.cause.message;
  return err instanceof Error ? err.message : String(err);
}
