// A browser's push subscription as `PushSubscription.toJSON()` gives it, and the checks the API
// (and the workflow's input check) apply before anything is encrypted for it.
import type { FieldError } from './schedule';
import { AUTH_SECRET_BYTES, decodeBase64Url, isUncompressedP256Point } from './web-push-keys';

export interface PushSubscriptionJSON {
  /** The push service's URL for this subscription: a capability, treat it like a secret. */
  endpoint: string;
  expirationTime?: number | null;
  keys: {
    /** The browser's ECDH public key: base64url of an uncompressed P-256 point (65 bytes). */
    p256dh: string;
    /** The browser's authentication secret: base64url of 16 bytes. */
    auth: string;
  };
}

/** Push services' endpoints are long but bounded; far longer is not a subscription. */
const MAX_ENDPOINT_LENGTH = 2048;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function endpointError(endpoint: unknown): string | undefined {
  if (typeof endpoint !== 'string' || endpoint.length > MAX_ENDPOINT_LENGTH) {
    return `must be an http(s) URL of at most ${MAX_ENDPOINT_LENGTH} characters`;
  }
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return 'must be an http(s) URL';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'must be an http(s) URL';
  if (url.username || url.password) return 'must not carry credentials';
  return undefined;
}

/** Field errors of a push subscription (empty when it can be sent to); `field` prefixes each. */
export function pushSubscriptionErrors(value: unknown, field: string): FieldError[] {
  if (!isRecord(value)) return [{ field, reason: 'must be a push subscription: { endpoint, keys: { p256dh, auth } }' }];
  const errors: FieldError[] = [];
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
  if (typeof keys.p256dh !== 'string' || !isUncompressedP256Point(keys.p256dh)) {
    errors.push({
      field: `${field}.keys.p256dh`,
      reason: 'must be base64url of an uncompressed P-256 public key (65 bytes)',
    });
  }
  const auth = typeof keys.auth === 'string' ? decodeBase64Url(keys.auth) : undefined;
  if (auth?.length !== AUTH_SECRET_BYTES) {
    errors.push({ field: `${field}.keys.auth`, reason: `must be base64url of ${AUTH_SECRET_BYTES} bytes` });
  }
  return errors;
}
