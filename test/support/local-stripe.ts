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
