Object.defineProperty(exports, '__esModule', { value: true });
exports.MAX_VAPID_VALIDITY_SECONDS = void 0;
exports.verifyVapid = verifyVapid;
// The push service's check of an application server's VAPID claim (RFC 8292): an ES256 JWT in
// `Authorization: vapid t=<jwt>, k=<public key>` whose signature holds under k, addressed to this
// push service (`aud`), not expired and not valid for more than 24 hours.
const node_crypto_1 = require('node:crypto');
const web_push_keys_1 = require('../../common/web-push-keys');
/** RFC 8292 §2: a push service MUST reject an `exp` more than 24 hours after the request. */
exports.MAX_VAPID_VALIDITY_SECONDS = 24 * 60 * 60;
function authParams(header) {
  const match = /^vapid\s+(.+)$/i.exec(header.trim());
  if (!match?.[1]) return undefined;
  const params = new Map();
  for (const part of match[1].split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0)
      params.set(
        part.slice(0, eq).trim().toLowerCase(),
        part
          .slice(eq + 1)
          .trim()
          .replace(/^"|"$/g, ''),
      );
  }
  return params;
}
function json(part) {
  try {
    const value = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null ? value : undefined;
  } catch {
    return undefined;
  }
}
function verifyVapid(header, audience, nowMs = Date.now()) {
  if (!header) return { ok: false, reason: 'no Authorization header' };
  const params = authParams(header);
  const token = params?.get('t');
  const k = params?.get('k');
  if (!token || !k) return { ok: false, reason: 'Authorization is not "vapid t=<JWT>, k=<public key>"' };
  if (!(0, web_push_keys_1.isUncompressedP256Point)(k))
    return { ok: false, reason: 'k is not an uncompressed P-256 public key' };
  const [h = '', p = '', s = '', ...rest] = token.split('.');
  const head = json(h);
  const claims = json(p);
  if (rest.length > 0 || !head || !claims || !s) return { ok: false, reason: 't is not a JWT', publicKey: k };
  if (head.alg !== 'ES256')
    return { ok: false, reason: `JWT alg must be ES256, got ${String(head.alg)}`, publicKey: k };
  const point = Buffer.from(k, 'base64url');
  let valid = false;
  try {
    const key = (0, node_crypto_1.createPublicKey)({
      key: {
        kty: 'EC',
        crv: 'P-256',
        x: point.subarray(1, 33).toString('base64url'),
        y: point.subarray(33).toString('base64url'),
      },
      format: 'jwk',
    });
    valid = (0, node_crypto_1.verify)(
      'sha256',
      Buffer.from(`${h}.${p}`),
      { key, dsaEncoding: 'ieee-p1363' },
      Buffer.from(s, 'base64url'),
    );
  } catch {
    return { ok: false, reason: 'k is not a point on P-256', publicKey: k };
  }
  if (!valid) return { ok: false, reason: 'the JWT signature does not verify with k', publicKey: k };
  const now = Math.floor(nowMs / 1000);
  if (claims.aud !== audience) {
    return { ok: false, reason: `aud must be this push service's origin ${audience}`, publicKey: k };
  }
  if (typeof claims.exp !== 'number' || claims.exp <= now)
    return { ok: false, reason: 'the JWT expired', publicKey: k };
  if (claims.exp > now + exports.MAX_VAPID_VALIDITY_SECONDS) {
    return { ok: false, reason: 'exp is more than 24 hours ahead', publicKey: k };
  }
  if (claims.sub !== undefined && (typeof claims.sub !== 'string' || !/^(mailto|https):/.test(claims.sub))) {
    return { ok: false, reason: 'sub must be a mailto: or https: URI', publicKey: k };
  }
  return { ok: true, claims: { aud: claims.aud, exp: claims.exp, sub: claims.sub }, publicKey: k };
}
//# sourceMappingURL=rfc8292.js.map
