// The analytics settings (config/env.ts reads them into AppConfig.analytics): the holdout group,
// the attribution window, the smallest sample a lift is reported for, and where the Temporal UI is.
import { ConfigError } from './config-error';
import { commaList, duration, type Env } from './parsers';

export interface AnalyticsConfig {
  /** HOLDOUT_PERCENT: share of customers (0-50, decimals allowed) who get no recovery message; 0: no holdout. */
  holdoutPercent: number;
  /** HOLDOUT_SALT: salts the hash of the customer id that picks the group; changing it reshuffles customers. */
  holdoutSalt: string;
  /** ATTRIBUTION_WINDOW: an order this long after the last reminder is no longer credited to it. */
  attributionWindowMs: number;
  /** ANALYTICS_MIN_SAMPLE: fewer checkouts than this in either group and the lift reads "not enough data yet". */
  minSample: number;
  /** TEMPORAL_UI_URL: the Temporal UI the dashboard links to; default the first CODEC_CORS_ORIGINS entry. */
  temporalUiUrl: string;
}

export const DEFAULT_HOLDOUT_PERCENT = 5;
const MAX_HOLDOUT_PERCENT = 50;
export const DEFAULT_HOLDOUT_SALT = 'checkout-recovery-holdout-v1';
const DEFAULT_ATTRIBUTION_WINDOW = '5d';
const DEFAULT_MIN_SAMPLE = 30;

function holdoutPercent(env: Env): number {
  const raw = env.HOLDOUT_PERCENT?.trim();
  if (!raw) return DEFAULT_HOLDOUT_PERCENT;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0 || n > MAX_HOLDOUT_PERCENT)
    throw new ConfigError(`HOLDOUT_PERCENT must be a number from 0 to ${MAX_HOLDOUT_PERCENT}, got "${raw}"`);
  return n;
}

function minSample(env: Env): number {
  const raw = env.ANALYTICS_MIN_SAMPLE?.trim();
  if (!raw) return DEFAULT_MIN_SAMPLE;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1)
    throw new ConfigError(`ANALYTICS_MIN_SAMPLE must be a whole number ≥ 1, got "${raw}"`);
  return n;
}

function temporalUiUrl(env: Env, codecCorsOrigins: string): string {
  const raw = (env.TEMPORAL_UI_URL?.trim() || commaList(codecCorsOrigins)[0] || 'http://localhost:8233').replace(
    /\/$/,
    '',
  );
  if (!/^https?:\/\/[^\s]+$/i.test(raw)) throw new ConfigError(`TEMPORAL_UI_URL must be an http(s) URL, got "${raw}"`);
  return raw;
}

export function loadAnalytics(env: Env, codecCorsOrigins: string): AnalyticsConfig {
  const salt = env.HOLDOUT_SALT?.trim() || DEFAULT_HOLDOUT_SALT;
  return {
    holdoutPercent: holdoutPercent(env),
    holdoutSalt: salt,
    attributionWindowMs: duration(env, 'ATTRIBUTION_WINDOW', DEFAULT_ATTRIBUTION_WINDOW, 60_000),
    minSample: minSample(env),
    temporalUiUrl: temporalUiUrl(env, codecCorsOrigins),
  };
}
