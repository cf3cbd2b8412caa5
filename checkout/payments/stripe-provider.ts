// Stripe PaymentIntents through the official SDK: authorise (manual capture), capture, cancel.
// Each attempt carries its idempotency key twice: as Stripe's Idempotency-Key header and in the
// metadata, so lookup() finds it again (search on Stripe; a listing where search is missing, e.g. localstripe).
import Stripe from 'stripe';
import type { StripeSettings } from '../../config/checkout-config';
import {
  type Authorization,
  type AuthorizeRequest,
  type CardSummary,
  type NextAction,
  type PaymentProvider,
  ProviderUnavailable,
  UnknownToken,
} from './payment-provider';

const ATTEMPT_KEY = 'attempt_key';
const CANCELLABLE = new Set([
  'requires_payment_method',
  'requires_capture',
  'requires_confirmation',
  'requires_action',
]);

/** Stripe's codes and decline codes onto the normalised ones (common/decline-rules.ts). */
const STRIPE_CODES: Record<string, string> = {
  card_declined: 'card_declined',
  generic_decline: 'card_declined',
  do_not_honor: 'card_declined',
  insufficient_funds: 'insufficient_funds',
  incorrect_cvc: 'incorrect_cvc',
  invalid_cvc: 'incorrect_cvc',
  expired_card: 'expired_card',
  fraudulent: 'fraudulent',
  stolen_card: 'lost_or_stolen',
  lost_card: 'lost_or_stolen',
  issuer_not_available: 'issuer_unavailable',
  try_again_later: 'issuer_unavailable',
  processing_error: 'processing_error',
  authentication_required: 'authentication_required',
  // The shopper failed (or cancelled) the 3-D Secure step.
  payment_intent_authentication_failure: 'authentication_failed',
};

export function createStripeProvider(settings: StripeSettings): PaymentProvider {
  const base = settings.apiBase ? new URL(settings.apiBase) : undefined;
  const stripe = new Stripe(settings.secretKey, {
    timeout: settings.timeoutMs,
    // Temporal retries the activity; the SDK's own retries would hide an outage from the failover.
    maxNetworkRetries: 0,
    ...(base && {
      host: base.hostname,
      port: base.port || (base.protocol === 'https:' ? 443 : 80),
      protocol: base.protocol === 'https:' ? 'https' : 'http',
    }),
  });

  const unavailable = (err: unknown): never => {
    throw new ProviderUnavailable('stripe', err instanceof Error ? err.message : String(err));
  };
  const isOutage = (err: unknown) =>
    err instanceof Stripe.errors.StripeConnectionError ||
    err instanceof Stripe.errors.StripeAPIError ||
    err instanceof Stripe.errors.StripeRateLimitError ||
    (err instanceof Stripe.errors.StripeError && (err.statusCode ?? 0) >= 500);

  const fromIntent = (pi: Stripe.PaymentIntent): Authorization => {
    switch (pi.status) {
      case 'requires_capture':
        return { status: 'authorized', ref: pi.id, captured: false };
      case 'succeeded':
        return { status: 'authorized', ref: pi.id, captured: true };
      case 'requires_action':
        return { status: 'requires_action', ref: pi.id };
      default: {
        const code = pi.last_payment_error?.decline_code ?? pi.last_payment_error?.code ?? pi.status;
        return { status: 'declined', code: STRIPE_CODES[code] ?? 'card_declined', providerCode: code, ref: pi.id };
      }
    }
  };

  async function lookup(key: string): Promise<Authorization | undefined> {
    let found: Stripe.PaymentIntent | undefined;
    try {
      const result = await stripe.paymentIntents.search({ query: `metadata['${ATTEMPT_KEY}']:'${key}'`, limit: 1 });
      found = result.data[0];
    } catch (err) {
      if (isOutage(err)) unavailable(err);
      // No search here (localstripe): the recent intents, newest first.
      try {
        const page = await stripe.paymentIntents.list({ limit: 100 });
        found = page.data.find((pi) => pi.metadata?.[ATTEMPT_KEY] === key);
      } catch (listErr) {
        unavailable(listErr);
      }
    }
    return found ? fromIntent(found) : undefined;
  }

  return {
    id: 'stripe',

    async describe(token: string): Promise<CardSummary> {
      try {
        const pm = await stripe.paymentMethods.retrieve(token);
        if (!pm.card) throw new UnknownToken(`${token} is not a card`);
        return { brand: pm.card.brand, last4: pm.card.last4, expMonth: pm.card.exp_month, expYear: pm.card.exp_year };
      } catch (err) {
        if (err instanceof UnknownToken) throw err;
        if (isOutage(err)) unavailable(err);
        throw new UnknownToken(`stripe does not know ${token}`);
      }
    },

    async authorize({ key, token, amount, currency, reference }: AuthorizeRequest): Promise<Authorization> {
      const earlier = await lookup(key);
      if (earlier) return earlier;
      try {
        // A saved card is charged off-session through a Customer it is attached to; attaching is
        // where Stripe checks the card, and declines one it will not charge (e.g. 4000000000000002).
        const customer = await stripe.customers.create(
          { metadata: { checkout_id: reference } },
          { idempotencyKey: `${key}:customer` },
        );
        await stripe.paymentMethods.attach(token, { customer: customer.id }, { idempotencyKey: `${key}:attach` });
        const pi = await stripe.paymentIntents.create(
          {
            amount,
            currency: currency.toLowerCase(),
            customer: customer.id,
            payment_method: token,
            capture_method: 'manual',
            confirm: true,
            metadata: { [ATTEMPT_KEY]: key, checkout_id: reference },
          },
          { idempotencyKey: key },
        );
        return fromIntent(pi);
      } catch (err) {
        if (isOutage(err)) return unavailable(err);
        if (err instanceof Stripe.errors.StripeCardError) {
          const code = err.decline_code ?? err.code ?? 'card_declined';
          return {
            status: 'declined',
            code: STRIPE_CODES[code] ?? 'card_declined',
            providerCode: code,
            ...(err.payment_intent?.id && { ref: err.payment_intent.id }),
          };
        }
        throw err;
      }
    },

    lookup,

    async capture(ref: string, amount: number, _currency: string, key: string): Promise<void> {
      try {
        const pi = await stripe.paymentIntents.retrieve(ref);
        if (pi.status === 'succeeded') return; // captured by an earlier attempt
        await stripe.paymentIntents.capture(ref, { amount_to_capture: amount }, { idempotencyKey: key });
      } catch (err) {
        if (isOutage(err)) unavailable(err);
        throw err;
      }
    },

    async status(ref: string): Promise<Authorization> {
      try {
        return fromIntent(await stripe.paymentIntents.retrieve(ref));
      } catch (err) {
        if (isOutage(err)) unavailable(err);
        throw err;
      }
    },

    async nextAction(ref: string): Promise<NextAction | undefined> {
      let pi: Stripe.PaymentIntent;
      try {
        pi = await stripe.paymentIntents.retrieve(ref);
      } catch (err) {
        if (isOutage(err)) unavailable(err);
        throw err;
      }
      if (pi.status !== 'requires_action' || !pi.client_secret) return undefined;
      // A PaymentIntent confirmed with a return_url redirects; otherwise Stripe.js runs the step
      // (https://docs.stripe.com/payments/paymentintents/lifecycle, next_action).
      const redirect = pi.next_action?.redirect_to_url?.url;
      return redirect ? { kind: 'redirect', url: redirect } : { kind: 'stripe_sdk', clientSecret: pi.client_secret };
    },

    async void(ref: string, key: string): Promise<{ alreadyCaptured: boolean }> {
      try {
        const pi = await stripe.paymentIntents.retrieve(ref);
        if (!CANCELLABLE.has(pi.status)) return { alreadyCaptured: pi.status === 'succeeded' };
        await stripe.paymentIntents.cancel(ref, {}, { idempotencyKey: key });
        return { alreadyCaptured: false };
      } catch (err) {
        if (isOutage(err)) unavailable(err);
        throw err;
      }
    },
  };
}
