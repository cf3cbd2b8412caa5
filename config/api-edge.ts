// What the API must have before it listens outside development: a key (or API_AUTH=off, said on
// purpose) and the shop origins it may send shoppers to. The worker serves no HTTP and needs neither,
// so these are the API's checks, not loadConfig's.
import { ConfigError } from './config-error';
import type { AppConfig } from './env';

/** Throws a ConfigError naming the missing setting; development (NODE_ENV not production) passes. */
export function checkApiEdge(config: AppConfig): void {
  if (!config.production) return;
  if (!config.api.apiKey && !config.api.authOff)
    throw new ConfigError(
      "API_KEY is not set: without it anyone who reaches the API can send mail and texts in the shop's name. " +
        'Generate one with `openssl rand -base64 32`, or set API_AUTH=off if a gateway in front authenticates every call',
    );
  if (config.api.shopOrigins.length === 0)
    throw new ConfigError(
      'SHOP_ORIGINS is not set: name the shop origins a checkoutUrl may point to (comma-separated, ' +
        'e.g. "https://shop.example.com"); resume links redirect nowhere else',
    );
}
