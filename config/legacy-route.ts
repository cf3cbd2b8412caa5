// The seed system's POST /api/checkout: where its reminders send the shopper (its customer id
// secret is with the other secrets, config/secrets.ts).
import { ConfigError } from './config-error';
import type { Env } from './parsers';

export const DEFAULT_LEGACY_CHECKOUT_URL = 'https://shop.example.com/checkout/{id}';

/** LEGACY_CHECKOUT_URL, checked at boot: `{id}` is replaced by the legacy checkout's id. */
export function legacyCheckoutUrl(env: Env): string {
  const template = env.LEGACY_CHECKOUT_URL || DEFAULT_LEGACY_CHECKOUT_URL;
  if (!/^https?:\/\/\S+$/.test(template)) {
    throw new ConfigError(`LEGACY_CHECKOUT_URL must be an http(s) URL, got "${template}"`);
  }
  return template;
}
