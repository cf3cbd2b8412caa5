Object.defineProperty(exports, '__esModule', { value: true });
exports.DEFAULT_SMS_PHONE_CAP = exports.CALLING_CODES = void 0;
exports.loadSmsSafety = loadSmsSafety;
exports.callingCodeAllowed = callingCodeAllowed;
// Who may be texted: only numbers of the countries the shop sells to (SMS_ALLOWED_COUNTRIES), and
// no number more than so many times per window (SMS_PHONE_CAP), whatever customer id a caller uses.
const duration_1 = require('../common/duration');
const config_error_1 = require('./config-error');
/** ISO 3166 country → E.164 calling code, for the countries a European or North American shop texts. */
exports.CALLING_CODES = {
  US: '+1',
  CA: '+1',
  GB: '+44',
  IE: '+353',
  DE: '+49',
  AT: '+43',
  CH: '+41',
  LI: '+423',
  LU: '+352',
  FR: '+33',
  BE: '+32',
  NL: '+31',
  DK: '+45',
  SE: '+46',
  NO: '+47',
  FI: '+358',
  IS: '+354',
  ES: '+34',
  PT: '+351',
  IT: '+39',
  MT: '+356',
  GR: '+30',
  CY: '+357',
  PL: '+48',
  CZ: '+420',
  SK: '+421',
  HU: '+36',
  SI: '+386',
  HR: '+385',
  RO: '+40',
  BG: '+359',
  EE: '+372',
  LV: '+371',
  LT: '+370',
  AU: '+61',
  NZ: '+64',
  JP: '+81',
};
exports.DEFAULT_SMS_PHONE_CAP = '2/24h';
function callingCodes(raw) {
  const codes = new Set();
  for (const entry of (raw ?? '')
    .split(',')
    .map((s) => s.trim().toUpperCase())
    .filter(Boolean)) {
    const code = /^\+[1-9]\d{0,2}$/.test(entry) ? entry : exports.CALLING_CODES[entry];
    if (!code) {
      throw new config_error_1.ConfigError(
        `SMS_ALLOWED_COUNTRIES: "${entry}" is neither a known country (${Object.keys(exports.CALLING_CODES).join(', ')}) nor a calling code like "+49"`,
      );
    }
    codes.add(code);
  }
  return [...codes];
}
function phoneCap(raw) {
  const spec = raw?.trim() || exports.DEFAULT_SMS_PHONE_CAP;
  if (spec.toLowerCase() === 'off') return null;
  const [count = '', within = ''] = spec.split('/').map((s) => s.trim());
  const window = (0, duration_1.parseDuration)(within);
  if (!/^[1-9]\d*$/.test(count) || !window.ok) {
    throw new config_error_1.ConfigError(
      `SMS_PHONE_CAP must be texts/window like "${exports.DEFAULT_SMS_PHONE_CAP}", or "off"; got "${spec}"`,
    );
  }
  return { maxTexts: Number(count), withinMs: window.ms, spec };
}
/** SMS_ALLOWED_COUNTRIES unset: no texts (fail closed); `npm start` allows a few for development. */
function loadSmsSafety(env = process.env) {
  return { allowedCallingCodes: callingCodes(env.SMS_ALLOWED_COUNTRIES), phoneCap: phoneCap(env.SMS_PHONE_CAP) };
}
/** The allowed calling code this E.164 number starts with (longest first: +1 vs +1xx does not clash). */
function callingCodeAllowed(phone, allowed) {
  return allowed.some((code) => phone.startsWith(code));
}
//# sourceMappingURL=sms-config.js.map
