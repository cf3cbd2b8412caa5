Object.defineProperty(exports, '__esModule', { value: true });
exports.PAYLOAD_KEY_BYTES = void 0;
exports.parsePayloadKeys = parsePayloadKeys;
exports.generatePayloadKeyEntry = generatePayloadKeyEntry;
// Payload encryption keys as PAYLOAD_ENCRYPTION_KEYS spells them: `id:base64,id:base64`. The first
// key encrypts everything new; every key decrypts, so a rotation puts the new key first and keeps
// the old ones for as long as histories written with them may be read.
const node_crypto_1 = require('node:crypto');
const config_error_1 = require('../config-error');
/** AES-256: 32 bytes. */
exports.PAYLOAD_KEY_BYTES = 32;
// The id is stored in plain text next to every payload: short, printable, no separators.
const KEY_ID_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;
const BASE64_PATTERN = /^[A-Za-z0-9+/]*={0,2}$/;
function parseKey(entry, index, name) {
  const colon = entry.indexOf(':');
  const where = `${name} entry ${index + 1}`;
  if (colon === -1) throw new config_error_1.ConfigError(`${where} must be "<key id>:<base64 key>", got no ":"`);
  const id = entry.slice(0, colon).trim();
  const encoded = entry.slice(colon + 1).trim();
  if (!KEY_ID_PATTERN.test(id)) {
    throw new config_error_1.ConfigError(`${where}: key id "${id}" must be 1-64 letters, digits, ".", "_" or "-"`);
  }
  // Buffer.from(…, 'base64') skips characters it does not know; a typo must not become a different key.
  const key = Buffer.from(encoded, 'base64');
  if (!BASE64_PATTERN.test(encoded) || encoded.length % 4 !== 0 || key.toString('base64') !== encoded) {
    throw new config_error_1.ConfigError(`${where}: the key of "${id}" is not valid base64`);
  }
  if (key.length !== exports.PAYLOAD_KEY_BYTES) {
    throw new config_error_1.ConfigError(
      `${where}: the key of "${id}" is ${key.length} bytes, AES-256 needs ${exports.PAYLOAD_KEY_BYTES} (openssl rand -base64 32)`,
    );
  }
  return { id, key };
}
/** Parses and checks the key list; throws a ConfigError naming the entry at fault. */
function parsePayloadKeys(spec, name = 'PAYLOAD_ENCRYPTION_KEYS') {
  const entries = spec
    .split(',')
    .map((e) => e.trim())
    .filter((e) => e !== '');
  if (entries.length === 0) throw new config_error_1.ConfigError(`${name} names no key`);
  const keys = entries.map((entry, i) => parseKey(entry, i, name));
  const seen = new Set();
  for (const { id } of keys) {
    if (seen.has(id))
      throw new config_error_1.ConfigError(`${name} names key id "${id}" twice: each id must be unique`);
    seen.add(id);
  }
  return keys;
}
/** A fresh `id:base64` entry with a random key. */
function generatePayloadKeyEntry(id) {
  return `${id}:${(0, node_crypto_1.randomBytes)(exports.PAYLOAD_KEY_BYTES).toString('base64')}`;
}
//# sourceMappingURL=payload-keys.js.map
