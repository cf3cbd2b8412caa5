Object.defineProperty(exports, '__esModule', { value: true });
exports.commaList = commaList;
exports.port = port;
exports.onOff = onOff;
exports.duration = duration;
exports.listenAddress = listenAddress;
exports.origins = origins;
// The generic parsers every setting goes through: each reads one variable, applies its default and
// throws a ConfigError naming the variable and the bad value, so a typo stops the start with a
// sentence instead of a NaN or an undefined far from where it was set.
const duration_1 = require('../common/duration');
const config_error_1 = require('./config-error');
/** A comma-separated list, each entry trimmed, empty entries dropped. */
function commaList(raw) {
  return (raw ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}
/** A TCP port (0 to 65535; 0: any free one); unset or empty: `fallback`. */
function port(env, name, fallback) {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 65_535)
    throw new config_error_1.ConfigError(`${name} must be a port number, got "${raw}"`);
  return n;
}
/** on/true/1/yes or off/false/0/no, any case; unset or empty: `fallback`. */
function onOff(env, name, fallback) {
  const raw = env[name]?.trim().toLowerCase();
  if (!raw) return fallback;
  if (['on', 'true', '1', 'yes'].includes(raw)) return true;
  if (['off', 'false', '0', 'no'].includes(raw)) return false;
  throw new config_error_1.ConfigError(`${name} must be "on" or "off", got "${env[name]}"`);
}
/** A duration ("90d", "30m") of at least `minMs`, in milliseconds; unset or empty: `fallback`. */
function duration(env, name, fallback, minMs) {
  const raw = env[name] || fallback;
  const parsed = (0, duration_1.parseDuration)(raw);
  if (!parsed.ok) throw new config_error_1.ConfigError(`${name}: ${parsed.reason}`);
  if (parsed.ms < minMs)
    throw new config_error_1.ConfigError(
      `${name} must be at least ${(0, duration_1.formatDuration)(minMs)}, got "${raw}"`,
    );
  return parsed.ms;
}
/** host:port; unset means the default, an empty value switches the endpoint off. */
function listenAddress(env, name, fallback) {
  const raw = env[name] ?? fallback;
  if (raw.trim() === '') return undefined;
  const match = /^(.+):(\d{1,5})$/.exec(raw.trim());
  if (!match || Number(match[2]) > 65_535)
    throw new config_error_1.ConfigError(
      `${name} must be host:port (e.g. ${fallback}), or empty to switch it off; got "${raw}"`,
    );
  return raw.trim();
}
/** A comma-separated list of origins ("https://shop.example.com"), each exactly as URL.origin spells it. */
function origins(name, raw, example) {
  const list = commaList(raw);
  for (const origin of list) {
    let parsed;
    try {
      parsed = new URL(origin);
    } catch {
      // reported below
    }
    if (!parsed || !/^https?:$/.test(parsed.protocol) || parsed.origin !== origin) {
      throw new config_error_1.ConfigError(`${name}: "${origin}" is not an origin like "${example}"`);
    }
  }
  return list;
}
//# sourceMappingURL=parsers.js.map
