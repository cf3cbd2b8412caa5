// localstripe on a free port for the tests that charge cards; stopped by the caller.
import { type LocalStripe, startLocalStripe } from '../../apps/dev/local-stripe';
import { freePort } from './prometheus';

export type { LocalStripe };

export async function startTestStripe(): Promise<LocalStripe> {
  return startLocalStripe(await freePort());
}

/** The settings that point the app at it. */
export const stripeEnv = (stripe: LocalStripe): NodeJS.ProcessEnv => ({
  STRIPE_SECRET_KEY: 'sk_test_local',
  STRIPE_API_BASE: stripe.url,
  PAYMENT_PROVIDERS: 'stripe,adyen',
});

/**
 * A card PaymentMethod made at localstripe from a Stripe test card number, as Stripe.js would make
 * it in the shopper's browser (the app itself never sees a card number). 4000002760003184: the bank
 * wants 3-D Secure for every payment.
 */
export async function createTestCard(stripe: LocalStripe, number: string): Promise<string> {
  const body = new URLSearchParams({
    type: 'card',
    'card[number]': number,
    'card[exp_month]': '12',
    'card[exp_year]': '2030',
    'card[cvc]': '123',
  });
  const res = await fetch(`${stripe.url}/v1/payment_methods`, {
    method: 'POST',
    headers: { Authorization: 'Bearer sk_test_local', 'Content-Type': 'application/x-www-form-urlencoded' },
    body,
  });
  const pm = (await res.json()) as { id?: string };
  if (!res.ok || !pm.id) throw new Error(`localstripe refused the card: ${res.status} ${JSON.stringify(pm)}`);
  return pm.id;
}

/** What Stripe.js does when the shopper completes (or fails) the bank's challenge in localstripe's dialog. */
export async function completeThreeDSecure(stripe: LocalStripe, clientSecret: string, success: boolean): Promise<void> {
  const pi = /^(pi_\w+)_secret_/.exec(clientSecret)?.[1];
  const res = await fetch(`${stripe.url}/v1/payment_intents/${pi}/_authenticate?success=${success}`, {
    method: 'POST',
    body: JSON.stringify({ key: 'pk_test_local', client_secret: clientSecret }),
  });
  if (!res.ok) throw new Error(`localstripe's _authenticate answered ${res.status}: ${await res.text()}`);
}

export const THREE_D_SECURE_CARD = '4000002760003184';
