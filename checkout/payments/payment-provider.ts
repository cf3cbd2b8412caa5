// One interface for every payment provider: the saga authorises, captures and voids through it and
// never sees a provider's own types. Tokens are the provider's (Stripe pm_…, Adyen stored method ids).
import type { PaymentProviderId } from '../../config/checkout-config';

export interface CardSummary {
  brand: string;
  last4: string;
  expMonth: number;
  expYear: number;
}

export interface AuthorizeRequest {
  /** Idempotency key: the same key never creates a second authorisation. */
  key: string;
  token: string;
  /** Minor units (cents). */
  amount: number;
  currency: string;
  /** Our reference (the checkout id), stored with the payment. */
  reference: string;
  /** Our customer id: the shopper a stored method belongs to (Adyen's shopperReference). */
  customerId: string;
}

export type Authorization =
  | { status: 'authorized'; ref: string; captured: boolean }
  | { status: 'requires_action'; ref: string }
  /** `code`: normalised (common/decline-rules.ts); `providerCode`: the provider's own, for the logs. */
  | { status: 'declined'; code: string; providerCode: string; ref?: string };

export interface PaymentProvider {
  readonly id: PaymentProviderId;
  /** What the token stands for, read from the provider: a token it does not know is refused. */
  describe(token: string, customerId: string): Promise<CardSummary>;
  /** Throws ProviderUnavailable on outage, timeout, 5xx or 429. */
  authorize(request: AuthorizeRequest): Promise<Authorization>;
  /** The attempt made under `key`, if the provider has it: read before failing over. */
  lookup(key: string): Promise<Authorization | undefined>;
  capture(ref: string, amount: number, currency: string, key: string): Promise<void>;
  /**
   * Releases an authorisation that will not be captured; a no-op when already voided. Answers
   * `alreadyCaptured` when the provider had captured it after all (a capture that timed out after
   * it went through): the order is then placed, not compensated.
   */
  void(ref: string, key: string): Promise<{ alreadyCaptured: boolean }>;
  /** The payment `ref` as it stands now (after the shopper's 3-D Secure step). */
  status(ref: string): Promise<Authorization>;
  /** What the shopper's browser must do for a payment in `requires_action`; undefined when nothing can be done here. */
  nextAction(ref: string): Promise<NextAction | undefined>;
}

/**
 * The bank's step as the page runs it: Stripe.js handles it with the payment's client secret
 * (`use_stripe_sdk`), or the shopper follows a redirect to the bank and back.
 */
export type NextAction = { kind: 'stripe_sdk'; clientSecret: string } | { kind: 'redirect'; url: string };

/** The provider could not be reached or did not answer in time: the next one may be tried. */
export class ProviderUnavailable extends Error {
  override name = 'ProviderUnavailable';
  constructor(
    readonly provider: PaymentProviderId,
    readonly detail: string,
  ) {
    super(`${provider} unavailable: ${detail}`);
  }
}

/** The token does not exist at the provider (or is not a card). */
export class UnknownToken extends Error {
  override name = 'UnknownToken';
}

/** Minor units of an amount in major units, by the currency's digits (JPY 0, EUR 2, KWD 3). */
export function minorUnits(amount: number, currency: string): number {
  const digits =
    new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  return Math.round(amount * 10 ** digits);
}
