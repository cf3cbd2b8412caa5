Object.defineProperty(exports, '__esModule', { value: true });
exports.DEFAULT_RATE_LIMITS = void 0;
exports.loadRateLimits = loadRateLimits;
// Request limits of the API, per client address and per credential (config/env.ts reads them).
const duration_1 = require('../common/duration');
const config_error_1 = require('./config-error');
exports.DEFAULT_RATE_LIMITS = { public: '120/1m', perLink: '10/1m', writes: '1200/1m' };
function limit(env, name, fallback) {
  const raw = env[name]?.trim() || fallback;
  if (raw.toLowerCase() === 'off') return null;
  const [count = '', within = ''] = raw.split('/').map((s) => s.trim());
  const period = (0, duration_1.parseDuration)(within);
  if (!/^[1-9]\d*$/.test(count) || !period.ok) {
    throw new config_error_1.ConfigError(`${name} must be requests/window like "${fallback}", or "off"; got "${raw}"`);
  }
  return { capacity: Number(count), periodMs: period.ms };
}
function trustProxy(raw) {
  const value = raw?.trim();
  if (!value || value === 'off' || value === 'false') return false;
  if (/^\d+$/.test(value)) return Number(value); // hops
  return value; // addresses or subnets, as Express reads them (e.g. "loopback, 10.0.0.0/8")
}
function loadRateLimits(env = process.env) {
  return {
    public: limit(env, 'RATE_LIMIT_PUBLIC', exports.DEFAULT_RATE_LIMITS.public),
    perLink: limit(env, 'RATE_LIMIT_PER_LINK', exports.DEFAULT_RATE_LIMITS.perLink),
    writes: limit(env, 'RATE_LIMIT_WRITES', exports.DEFAULT_RATE_LIMITS.writes),
    trustProxy: trustProxy(env.TRUST_PROXY),
  };
}
//# sourceMappingURL=rate-limits.js.map
