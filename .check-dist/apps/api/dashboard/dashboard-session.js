Object.defineProperty(exports, '__esModule', { value: true });
exports.clearedSessionCookie = exports.sessionToken = exports.SESSION_MAX_AGE_S = exports.SESSION_COOKIE = void 0;
exports.cookieValue = cookieValue;
exports.sessionCookie = sessionCookie;
// The dashboard's sign-in: the API key typed once into a form, then a cookie. The cookie holds a
// token derived from the key (an HMAC), never the key itself: it opens the dashboard, not the API.
const node_crypto_1 = require('node:crypto');
exports.SESSION_COOKIE = 'cr_dashboard';
/** A working day; then the key is asked again. */
exports.SESSION_MAX_AGE_S = 12 * 3600;
const CONTEXT = 'checkout-recovery/dashboard-session/v1';
const sessionToken = (apiKey) => (0, node_crypto_1.createHmac)('sha256', apiKey).update(CONTEXT).digest('base64url');
exports.sessionToken = sessionToken;
/** The named cookie's value from the Cookie header; undefined when absent or malformed. */
function cookieValue(headers, name) {
  const raw = headers.cookie;
  if (typeof raw !== 'string') return undefined;
  for (const part of raw.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}
/** HttpOnly (no script reads it), SameSite=Strict (no other site sends it), only for the dashboard's paths. */
function sessionCookie(apiKey, secure) {
  return [
    `${exports.SESSION_COOKIE}=${(0, exports.sessionToken)(apiKey)}`,
    'Path=/dashboard',
    `Max-Age=${exports.SESSION_MAX_AGE_S}`,
    'HttpOnly',
    'SameSite=Strict',
    ...(secure ? ['Secure'] : []),
  ].join('; ');
}
const clearedSessionCookie = () => `${exports.SESSION_COOKIE}=; Path=/dashboard; Max-Age=0; HttpOnly; SameSite=Strict`;
exports.clearedSessionCookie = clearedSessionCookie;
//# sourceMappingURL=dashboard-session.js.map
