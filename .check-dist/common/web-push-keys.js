// The key shapes of web push, shared by the subscription validator, the VAPID settings and the
// local push service. Browsers hand keys out as unpadded base64url (RFC 8291 §3.2, RFC 8292 §3.2).
// Pure code (no Buffer, no node:crypto): the workflow's input check may use it inside the sandbox.
Object.defineProperty(exports, '__esModule', { value: true });
exports.AUTH_SECRET_BASE64URL =
  exports.P256_POINT_BASE64URL =
  exports.P256_PRIVATE_KEY_BYTES =
  exports.AUTH_SECRET_BYTES =
  exports.P256_POINT_BYTES =
    void 0;
exports.decodeBase64Url = decodeBase64Url;
exports.isUncompressedP256Point = isUncompressedP256Point;
/** An uncompressed P-256 point: 0x04, then X and Y of 32 bytes each. */
exports.P256_POINT_BYTES = 65;
/** The subscription's authentication secret (RFC 8291 §3.2). */
exports.AUTH_SECRET_BYTES = 16;
/** A P-256 private scalar, as VAPID private keys are written. */
exports.P256_PRIVATE_KEY_BYTES = 32;
/**
 * The same shapes as patterns, for the OpenAPI document: 0x04 then 64 bytes is 87 base64url
 * characters, the first "B" and the second A-P (the top bits of 0x04); 16 bytes are 22. Padding is tolerated.
 */
exports.P256_POINT_BASE64URL = /^B[A-P][A-Za-z0-9_-]{85}(?:={1,2})?$/;
exports.AUTH_SECRET_BASE64URL = /^[A-Za-z0-9_-]{22}(?:={1,2})?$/;
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
/** The bytes of a base64url string (padding tolerated), or undefined when it is not one. */
function decodeBase64Url(value) {
  const text = value.replace(/={1,2}$/, '');
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return undefined;
  const bytes = new Uint8Array(Math.floor((text.length * 3) / 4));
  let bits = 0;
  let buffered = 0;
  let at = 0;
  for (const char of text) {
    buffered = (buffered << 6) | ALPHABET.indexOf(char);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[at++] = (buffered >> bits) & 0xff;
    }
  }
  return bytes;
}
/** Whether `value` is base64url of an uncompressed P-256 point (its length and 0x04 prefix). */
function isUncompressedP256Point(value) {
  const bytes = decodeBase64Url(value);
  return bytes !== undefined && bytes.length === exports.P256_POINT_BYTES && bytes[0] === 0x04;
}
//# sourceMappingURL=web-push-keys.js.map
