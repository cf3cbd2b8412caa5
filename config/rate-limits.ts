// Request limits of the API, per client address and per credential (config/env.ts reads them).
import { parseDuration } from '../common/duration';
import { ConfigError } from './config-error';

export interface RateLimit {
  capacity: number;
  periodMs: number;
}

export interface RateLimitConfig {
  /** Per client address on the public routes (/unsubscribe, /r, /c, /health); null: none. */
  public: RateLimit | null;
  /** Per signed link token (/unsubscribe, /r, the checkout page /c/<token>…). */
  perLink: RateLimit | null;
  /**
   * Per link token on the checkout page's address suggestions (/c/<token>/addresses), instead of
   * perLink: the field asks while the shopper types (~every 200 ms), and each ask is a billed lookup.
   */
  addressSuggestions: RateLimit | null;
  /** Per client address and per API key on the authenticated writes (POST, PUT, DELETE). */
  writes: RateLimit | null;
  /** Express's `trust proxy`: which proxies' X-Forwarded-For names the client; false: none. */
  trustProxy: boolean | number | string;
}

export const DEFAULT_RATE_LIMITS = {
  public: '120/1m',
  perLink: '10/1m',
  addressSuggestions: '60/1m',
  writes: '1200/1m',
} as const;

function limit(env: NodeJS.ProcessEnv, name: string, fallback: string): RateLimit | null {
  const raw = env[name]?.trim() || fallback;
  if (raw.toLowerCase() === 'off') return null;
  const [count = '', within = ''] = raw.split('/').map((s) => s.trim());
  const period = parseDuration(within);
  if (!/^[1-9]\d*$/.test(count) || !period.ok) {
    throw new ConfigError(`${name} must be requests/window like "${fallback}", or "off"; got "${raw}"`);
  }
  return { capacity: Number(count), periodMs: period.ms };
}

function trustProxy(raw: string | undefined): boolean | number | string {
  const value = raw?.trim();
  if (!value || value === 'off' || value === 'false') return false;
  if (/^\d+$/.test(value)) return Number(value); // hops
  return value; // addresses or subnets, as Express reads them (e.g. "loopback, 10.0.0.0/8")
}

export function loadRateLimits(env: NodeJS.ProcessEnv = process.env): RateLimitConfig {
  return {
    public: limit(env, 'RATE_LIMIT_PUBLIC', DEFAULT_RATE_LIMITS.public),
    perLink: limit(env, 'RATE_LIMIT_PER_LINK', DEFAULT_RATE_LIMITS.perLink),
    addressSuggestions: limit(env, 'RATE_LIMIT_ADDRESS_SUGGESTIONS', DEFAULT_RATE_LIMITS.addressSuggestions),
    writes: limit(env, 'RATE_LIMIT_WRITES', DEFAULT_RATE_LIMITS.writes),
    trustProxy: trustProxy(env.TRUST_PROXY),
  };
}
