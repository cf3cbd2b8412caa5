Object.defineProperty(exports, '__esModule', { value: true });
exports.pushEndpointPolicyError = pushEndpointPolicyError;
exports.isLoopbackHost = isLoopbackHost;
exports.pushSubscriptionErrors = pushSubscriptionErrors;
// A browser's push subscription as `PushSubscription.toJSON()` gives it, and the checks the API
// (and the workflow's input check) apply before anything is encrypted for it.
const ip_address_1 = require('./ip-address');
const web_push_keys_1 = require('./web-push-keys');
/** Push services' endpoints are long but bounded; far longer is not a subscription. */
const MAX_ENDPOINT_LENGTH = 2048;
const isRecord = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
function endpointError(endpoint) {
  if (typeof endpoint !== 'string' || endpoint.length > MAX_ENDPOINT_LENGTH) {
    return `must be an http(s) URL of at most ${MAX_ENDPOINT_LENGTH} characters`;
  }
  let url;
  try {
    url = new URL(endpoint);
  } catch {
    return 'must be an http(s) URL';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'must be an http(s) URL';
  if (url.username || url.password) return 'must not carry credentials';
  return undefined;
}
/** Host names that only mean something inside a network: never a push service. */
const INTERNAL_NAME = /(^|\.)(localhost|local|internal|intranet|lan|home|corp|localdomain|home\.arpa)\.?$/i;
/**
 * Why the API refuses to push to this endpoint (undefined: it may), on top of the well-formedness
 * `pushSubscriptionErrors` checks: push services are public https servers, so an http URL, an
 * internal name or a non-public address literal can only aim our requests into a network (SSRF).
 * `allowLoopback` (PUSH_ALLOW_LOOPBACK, development and tests) lets the local push service in:
 * http or https on 127.0.0.1, ::1 or localhost only. The sender checks resolved addresses again.
 */
function pushEndpointPolicyError(endpoint, allowLoopback = false) {
  let url;
  try {
    url = new URL(endpoint);
  } catch {
    return 'must be an https URL';
  }
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (allowLoopback && isLoopbackHost(host)) return undefined;
  if (url.protocol !== 'https:') return 'must be an https URL';
  if ((0, ip_address_1.ipVersion)(host) !== 0) {
    const why = (0, ip_address_1.nonPublicAddressReason)(host);
    return why ? `must be a public push service, not a ${why} address` : undefined;
  }
  if (!host.includes('.') || INTERNAL_NAME.test(host)) return 'must be a public push service, not an internal host';
  return undefined;
}
/** The local push service's addresses (development and tests only). */
function isLoopbackHost(host) {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  return bare === 'localhost' || bare === '::1' || ((0, ip_address_1.ipVersion)(bare) === 4 && bare.startsWith('127.'));
}
/** Field errors of a push subscription (empty when it can be sent to); `field` prefixes each. */
function pushSubscriptionErrors(value, field) {
  if (!isRecord(value)) return [{ field, reason: 'must be a push subscription: { endpoint, keys: { p256dh, auth } }' }];
  const errors = [];
  const endpoint = endpointError(value.endpoint);
  if (endpoint) errors.push({ field: `${field}.endpoint`, reason: endpoint });
  const expiration = value.expirationTime;
  if (expiration !== undefined && expiration !== null && !(typeof expiration === 'number' && expiration >= 0)) {
    errors.push({ field: `${field}.expirationTime`, reason: 'must be null or epoch milliseconds' });
  }
  const keys = value.keys;
  if (!isRecord(keys)) {
    errors.push({ field: `${field}.keys`, reason: 'must be an object with p256dh and auth' });
    return errors;
  }
  if (typeof keys.p256dh !== 'string' || !(0, web_push_keys_1.isUncompressedP256Point)(keys.p256dh)) {
    errors.push({
      field: `${field}.keys.p256dh`,
      reason: 'must be base64url of an uncompressed P-256 public key (65 bytes)',
    });
  }
  const auth = typeof keys.auth === 'string' ? (0, web_push_keys_1.decodeBase64Url)(keys.auth) : undefined;
  if (auth?.length !== web_push_keys_1.AUTH_SECRET_BYTES) {
    errors.push({
      field: `${field}.keys.auth`,
      reason: `must be base64url of ${web_push_keys_1.AUTH_SECRET_BYTES} bytes`,
    });
  }
  return errors;
}
//# sourceMappingURL=push-subscription.js.map
