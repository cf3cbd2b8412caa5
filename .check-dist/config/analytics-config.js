Object.defineProperty(exports, '__esModule', { value: true });
exports.DEFAULT_HOLDOUT_SALT = exports.DEFAULT_HOLDOUT_PERCENT = void 0;
exports.loadAnalytics = loadAnalytics;
// The analytics settings (config/env.ts reads them into AppConfig.analytics): the holdout group,
// the attribution window, the smallest sample a lift is reported for, and where the Temporal UI is.
const config_error_1 = require('./config-error');
const parsers_1 = require('./parsers');
exports.DEFAULT_HOLDOUT_PERCENT = 5;
const MAX_HOLDOUT_PERCENT = 50;
exports.DEFAULT_HOLDOUT_SALT = 'checkout-recovery-holdout-v1';
const DEFAULT_ATTRIBUTION_WINDOW = '5d';
const DEFAULT_MIN_SAMPLE = 30;
function holdoutPercent(env) {
  const raw = env.HOLDOUT_PERCENT?.trim();
  if (!raw) return exports.DEFAULT_HOLDOUT_PERCENT;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0 || n > MAX_HOLDOUT_PERCENT)
    throw new config_error_1.ConfigError(
      `HOLDOUT_PERCENT must be a number from 0 to ${MAX_HOLDOUT_PERCENT}, got "${raw}"`,
    );
  return n;
}
function minSample(env) {
  const raw = env.ANALYTICS_MIN_SAMPLE?.trim();
  if (!raw) return DEFAULT_MIN_SAMPLE;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1)
    throw new config_error_1.ConfigError(`ANALYTICS_MIN_SAMPLE must be a whole number ≥ 1, got "${raw}"`);
  return n;
}
function temporalUiUrl(env, codecCorsOrigins) {
  const raw = (
    env.TEMPORAL_UI_URL?.trim() ||
    (0, parsers_1.commaList)(codecCorsOrigins)[0] ||
    'http://localhost:8233'
  ).replace(/\/$/, '');
  if (!/^https?:\/\/[^\s]+$/i.test(raw))
    throw new config_error_1.ConfigError(`TEMPORAL_UI_URL must be an http(s) URL, got "${raw}"`);
  return raw;
}
function loadAnalytics(env, codecCorsOrigins) {
  const salt = env.HOLDOUT_SALT?.trim() || exports.DEFAULT_HOLDOUT_SALT;
  return {
    holdoutPercent: holdoutPercent(env),
    holdoutSalt: salt,
    attributionWindowMs: (0, parsers_1.duration)(env, 'ATTRIBUTION_WINDOW', DEFAULT_ATTRIBUTION_WINDOW, 60_000),
    minSample: minSample(env),
    temporalUiUrl: temporalUiUrl(env, codecCorsOrigins),
  };
}
//# sourceMappingURL=analytics-config.js.map
