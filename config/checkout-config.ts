// The one-click checkout's settings: the vault's keys, the payment providers (in failover order),
// how long place-order waits for the payment's outcome, and whether reminders land on our page.
import { type AddressProviderSettings, loadAddressProviderConfig } from './address-provider-config';
import { ConfigError } from './config-error';
import type { EncryptionConfig } from './encryption/encryption-config';
import { type PayloadKey, parsePayloadKeys } from './encryption/payload-keys';
import { commaList, duration, type Env, onOff } from './parsers';

export const PAYMENT_PROVIDER_IDS = ['stripe', 'adyen'] as const;
export type PaymentProviderId = (typeof PAYMENT_PROVIDER_IDS)[number];

export interface StripeSettings {
  secretKey: string;
  /** STRIPE_API_BASE: e.g. localstripe's http://127.0.0.1:8420; undefined: api.stripe.com. */
  apiBase: string | undefined;
  timeoutMs: number;
}

export interface AdyenSettings {
  apiKey: string;
  merchantAccount: string;
  /** ADYEN_CHECKOUT_URL: the Checkout API base (…/v71); undefined: Adyen's test environment. */
  checkoutUrl: string | undefined;
  /** ADYEN_CA_CERT: a PEM file to trust for that URL (the local stand-in's self-signed certificate). */
  caCertFile: string | undefined;
  timeoutMs: number;
}

export interface CheckoutConfig {
  /** VAULT_ENCRYPTION_KEYS, else the payload keys; undefined: the vault answers 503. */
  vaultKeys: PayloadKey[] | undefined;
  /** PAYMENT_PROVIDERS: the order providers are tried in (only configured ones count). */
  providerOrder: PaymentProviderId[];
  stripe: StripeSettings | undefined;
  adyen: AdyenSettings | undefined;
  /** PLACE_ORDER_WAIT: how long POST /checkouts/:id/place-order waits for the payment's outcome before 202. */
  placeOrderWaitMs: number;
  /** THREE_DS_WAIT: how long an order waits for the shopper's 3-D Secure step before it is voided. */
  authenticationWaitMs: number;
  /**
   * STRIPE_PUBLISHABLE_KEY and STRIPE_JS_URL: what the checkout page loads Stripe.js with to run a
   * 3-D Secure step (https://js.stripe.com/v3/; localstripe serves its own at /js.stripe.com/v3/).
   */
  stripeJs: { publishableKey: string; url: string } | undefined;
  /** ADDRESS_PROVIDER and its key: who answers address autocomplete. */
  addresses: AddressProviderSettings;
  /** CHECKOUT_PAGE=on: a reminder's resume link lands on /c/<token> instead of the shop's checkout URL. */
  page: boolean;
}

const PROVIDER_TIMEOUT = '10s';

export function loadCheckoutConfig(env: Env, encryption: EncryptionConfig): CheckoutConfig {
  const vaultSpec = env.VAULT_ENCRYPTION_KEYS?.trim();
  const vaultKeys = vaultSpec
    ? parsePayloadKeys(vaultSpec, 'VAULT_ENCRYPTION_KEYS')
    : encryption.enabled
      ? encryption.keys
      : undefined;
  const providerOrder = commaList(env.PAYMENT_PROVIDERS || PAYMENT_PROVIDER_IDS.join(',')).map((p) => {
    if (!(PAYMENT_PROVIDER_IDS as readonly string[]).includes(p))
      throw new ConfigError(`PAYMENT_PROVIDERS names "${p}"; known: ${PAYMENT_PROVIDER_IDS.join(', ')}`);
    return p as PaymentProviderId;
  });
  const timeoutMs = duration(env, 'PAYMENT_PROVIDER_TIMEOUT', PROVIDER_TIMEOUT, 100);
  const stripeKey = env.STRIPE_SECRET_KEY?.trim();
  const adyenKey = env.ADYEN_API_KEY?.trim();
  if (adyenKey && !env.ADYEN_MERCHANT_ACCOUNT?.trim())
    throw new ConfigError('ADYEN_API_KEY is set without ADYEN_MERCHANT_ACCOUNT');
  return {
    vaultKeys,
    providerOrder,
    stripe: stripeKey ? { secretKey: stripeKey, apiBase: env.STRIPE_API_BASE || undefined, timeoutMs } : undefined,
    adyen: adyenKey
      ? {
          apiKey: adyenKey,
          merchantAccount: env.ADYEN_MERCHANT_ACCOUNT?.trim() ?? '',
          checkoutUrl: env.ADYEN_CHECKOUT_URL || undefined,
          caCertFile: env.ADYEN_CA_CERT || undefined,
          timeoutMs,
        }
      : undefined,
    placeOrderWaitMs: duration(env, 'PLACE_ORDER_WAIT', '10s', 100),
    authenticationWaitMs: duration(env, 'THREE_DS_WAIT', '15m', 1_000),
    stripeJs: stripeJsSettings(env, stripeKey ? env.STRIPE_API_BASE : undefined),
    page: onOff(env, 'CHECKOUT_PAGE', false),
    addresses: loadAddressProviderConfig(env),
  };
}

const STRIPE_JS = 'https://js.stripe.com/v3/';

function stripeJsSettings(env: Env, apiBase: string | undefined): CheckoutConfig['stripeJs'] {
  const publishableKey = env.STRIPE_PUBLISHABLE_KEY?.trim();
  if (!publishableKey) return undefined;
  if (!/^pk_(test|live)_\w+$/.test(publishableKey))
    throw new ConfigError('STRIPE_PUBLISHABLE_KEY must look like pk_test_… or pk_live_…');
  // Against localstripe (STRIPE_API_BASE) its own Stripe.js, which talks to it.
  const fallback = apiBase ? `${apiBase.replace(/\/$/, '')}/js.stripe.com/v3/` : STRIPE_JS;
  const url = env.STRIPE_JS_URL?.trim() || fallback;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new Error('scheme');
  } catch {
    throw new ConfigError(`STRIPE_JS_URL "${url}" is not an http(s) URL`);
  }
  return { publishableKey, url };
}
