Object.defineProperty(exports, '__esModule', { value: true });
exports.MAX_TOKEN_LENGTH = void 0;
exports.signLink = signLink;
exports.verifyLink = verifyLink;
// Signed, expiring link tokens for the resume and unsubscribe links in reminder emails.
// A token is `<payload>.<signature>`, both base64url: the payload is compact JSON, the signature
// HMAC-SHA256 over it. The first secret signs and every secret verifies, so a secret can be
// rotated without breaking links already in inboxes. Node only (node:crypto): not for workflows.
const node_crypto_1 = require('node:crypto');
const FORMAT_VERSION = 1;
// Binds a signature to this use, in case a secret is ever shared with something else.
const SIGNING_CONTEXT = 'checkout-recovery/link/v1.';
// Checkout URLs are short; anything much longer is not ours and not worth hashing.
exports.MAX_TOKEN_LENGTH = 4096;
const BASE64URL = /^[A-Za-z0-9_-]+$/;
const PURPOSE_CODES = { resume: 'r', unsubscribe: 'u' };
function signature(payload, secret) {
  return (0, node_crypto_1.createHmac)('sha256', secret).update(SIGNING_CONTEXT).update(payload).digest();
}
function signLink(claims, secrets) {
  const [current] = secrets;
  if (!current) throw new Error('no link signing secret');
  const wire = {
    v: FORMAT_VERSION,
    p: PURPOSE_CODES[claims.purpose],
    c: claims.checkoutId,
    u: claims.customerId,
    s: claims.step,
    e: claims.expiresAt,
    ...(claims.target !== undefined && { t: claims.target }),
  };
  const payload = Buffer.from(JSON.stringify(wire)).toString('base64url');
  return `${payload}.${signature(payload, current).toString('base64url')}`;
}
/** Checks the signature against every secret, then the purpose, then the expiry. Never throws. */
function verifyLink(token, purpose, secrets, now = Date.now()) {
  if (typeof token !== 'string' || token.length > exports.MAX_TOKEN_LENGTH) return { ok: false, reason: 'malformed' };
  const [payload, sig, ...rest] = token.split('.');
  if (!payload || !sig || rest.length > 0 || !BASE64URL.test(payload) || !BASE64URL.test(sig))
    return { ok: false, reason: 'malformed' };
  const presented = Buffer.from(sig, 'base64url');
  // One spelling per signature: Node's decoder ignores the unused low bits of the last character,
  // so without this several tokens verify as one (a link could be varied past a blocklist or cache).
  if (presented.toString('base64url') !== sig) return { ok: false, reason: 'malformed' };
  const genuine = secrets.some((secret) => {
    const expected = signature(payload, secret);
    return presented.length === expected.length && (0, node_crypto_1.timingSafeEqual)(presented, expected);
  });
  if (!genuine) return { ok: false, reason: 'tampered' };
  const claims = decodeClaims(payload);
  // Signed by us yet unreadable: a future format, or a bug. Either way not a link we can follow.
  if (!claims) return { ok: false, reason: 'malformed' };
  if (claims.purpose !== purpose) return { ok: false, reason: 'wrong-purpose' };
  if (Math.floor(now / 1000) >= claims.expiresAt) return { ok: false, reason: 'expired', claims };
  return { ok: true, claims };
}
function decodeClaims(payload) {
  let wire;
  try {
    wire = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (typeof wire !== 'object' || wire === null || wire.v !== FORMAT_VERSION) return undefined;
  const purpose = Object.keys(PURPOSE_CODES).find((p) => PURPOSE_CODES[p] === wire.p);
  const { c, u, s, e, t } = wire;
  if (!purpose || typeof c !== 'string' || !c || typeof u !== 'string') return undefined;
  if (!Number.isSafeInteger(s) || !Number.isSafeInteger(e)) return undefined;
  if (t !== undefined && typeof t !== 'string') return undefined;
  if (purpose === 'resume' && !t) return undefined;
  return {
    purpose,
    checkoutId: c,
    customerId: u,
    step: s,
    expiresAt: e,
    ...(t !== undefined && { target: t }),
  };
}
//# sourceMappingURL=link-token.js.map
