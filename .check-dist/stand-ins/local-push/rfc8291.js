Object.defineProperty(exports, '__esModule', { value: true });
exports.DecryptionError = void 0;
exports.decryptAes128gcm = decryptAes128gcm;
// The user agent's half of RFC 8291 (Message Encryption for Web Push) over RFC 8188's aes128gcm
// content coding: what a browser does with a push message before its service worker sees it.
const node_crypto_1 = require('node:crypto');
class DecryptionError extends Error {}
exports.DecryptionError = DecryptionError;
const SALT_BYTES = 16;
const TAG_BYTES = 16;
/** RFC 8188 §2.1: a record holds at least one byte of padding delimiter plus the tag. */
const MIN_RECORD_SIZE = TAG_BYTES + 2;
const info = (label) => Buffer.concat([Buffer.from(label, 'ascii'), Buffer.from([0])]);
/** The plaintext of an aes128gcm body; throws DecryptionError when it is not one for these keys. */
function decryptAes128gcm(body, keys) {
  // Header (RFC 8188 §2.1): salt(16) | rs(uint32) | idlen(1) | keyid(idlen); for web push the
  // keyid is the application server's ephemeral public key (RFC 8291 §4).
  if (body.length < SALT_BYTES + 5) throw new DecryptionError('body shorter than the aes128gcm header');
  const salt = body.subarray(0, SALT_BYTES);
  const recordSize = body.readUInt32BE(SALT_BYTES);
  const idLength = body.readUInt8(SALT_BYTES + 4);
  const headerEnd = SALT_BYTES + 5 + idLength;
  if (recordSize < MIN_RECORD_SIZE) throw new DecryptionError(`record size ${recordSize} is below ${MIN_RECORD_SIZE}`);
  if (idLength !== 65 || body.length < headerEnd) throw new DecryptionError('keyid is not a 65-byte P-256 public key');
  const senderPublicKey = body.subarray(SALT_BYTES + 5, headerEnd);
  let ecdhSecret;
  try {
    ecdhSecret = keys.ecdh.computeSecret(senderPublicKey);
  } catch {
    throw new DecryptionError('keyid is not a point on P-256');
  }
  // RFC 8291 §3.3-3.4: the auth secret and both public keys go into the input keying material.
  const keyInfo = Buffer.concat([info('WebPush: info'), keys.ecdh.getPublicKey(), senderPublicKey]);
  const ikm = Buffer.from((0, node_crypto_1.hkdfSync)('sha256', ecdhSecret, keys.authSecret, keyInfo, 32));
  const cek = Buffer.from((0, node_crypto_1.hkdfSync)('sha256', ikm, salt, info('Content-Encoding: aes128gcm'), 16));
  const baseNonce = Buffer.from((0, node_crypto_1.hkdfSync)('sha256', ikm, salt, info('Content-Encoding: nonce'), 12));
  const ciphertext = body.subarray(headerEnd);
  if (ciphertext.length === 0) throw new DecryptionError('no records');
  const records = [];
  for (let offset = 0, seq = 0; offset < ciphertext.length; offset += recordSize, seq++) {
    const record = ciphertext.subarray(offset, offset + recordSize);
    const last = offset + recordSize >= ciphertext.length;
    if (record.length < MIN_RECORD_SIZE) throw new DecryptionError(`record ${seq} is truncated`);
    // RFC 8188 §2.3: the nonce is the base nonce XOR the record's sequence number.
    const nonce = Buffer.from(baseNonce);
    nonce.writeUInt32BE((nonce.readUInt32BE(8) ^ seq) >>> 0, 8);
    const decipher = (0, node_crypto_1.createDecipheriv)('aes-128-gcm', cek, nonce);
    decipher.setAuthTag(record.subarray(record.length - TAG_BYTES));
    let padded;
    try {
      padded = Buffer.concat([decipher.update(record.subarray(0, record.length - TAG_BYTES)), decipher.final()]);
    } catch {
      throw new DecryptionError(`record ${seq} does not authenticate: wrong keys or a tampered body`);
    }
    // Content, then the delimiter (2 in the last record, 1 before), then zero padding.
    let end = padded.length - 1;
    while (end >= 0 && padded[end] === 0) end--;
    if (padded[end] !== (last ? 2 : 1)) throw new DecryptionError(`record ${seq} has no valid padding delimiter`);
    records.push(padded.subarray(0, end));
  }
  return Buffer.concat(records);
}
//# sourceMappingURL=rfc8291.js.map
