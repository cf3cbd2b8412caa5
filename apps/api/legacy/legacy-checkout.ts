import { createHmac } from 'node:crypto';
import type { CheckoutRecoveryInput, RecoveryPolicy, ScheduleStep } from '../../../common/checkout';

// LEGACY_CHECKOUT_URL is read and checked with the other settings (config/legacy-route.ts).
export { DEFAULT_LEGACY_CHECKOUT_URL } from '../../../config/legacy-route';

/**
 * The old system knew only an email. The customer id is derived from it so repeat checkouts of one
 * shopper group together, without the address reaching search attributes or summaries. An HMAC with
 * a server secret: a plain hash of an email is found again by hashing a list of addresses.
 */
export function customerIdForEmail(email: string, secret: string): string {
  return `email-${createHmac('sha256', secret).update(email.trim().toLowerCase()).digest('hex').slice(0, 32)}`;
}

export function legacyRecoveryInput(
  checkoutId: string,
  email: string,
  customerIdSecret: string,
  urlTemplate: string,
  schedule: ScheduleStep[],
  policy?: RecoveryPolicy,
): CheckoutRecoveryInput {
  return {
    checkout: {
      checkoutId,
      customer: { id: customerIdForEmail(email, customerIdSecret), email },
      cart: { currency: 'USD', total: 0, items: [] },
      checkoutUrl: urlTemplate.replaceAll('{id}', encodeURIComponent(checkoutId)),
    },
    schedule,
    ...(policy && { policy }),
  };
}
