Object.defineProperty(exports, '__esModule', { value: true });
exports.AesGcmPayloadCodec =
  exports.PayloadDecryptionError =
  exports.FORMAT_METADATA =
  exports.KEY_ID_METADATA =
  exports.ENCRYPTED_ENCODING =
    void 0;
exports.isEncrypted = isEncrypted;
// AES-256-GCM for every payload Temporal stores: inputs, results, signals, queries, summaries and
// (with the encoding failure converter) failure messages and stack traces. The whole payload,
// metadata included, is encrypted, so not even its original encoding is visible. The layout is the
// one Temporal's samples use in Go and Python: metadata `encoding: binary/encrypted` plus the key
// id, data = 12-byte IV ‖ ciphertext ‖ 16-byte tag of the serialised Payload message. Format 2 (the
// `encryption-format` metadata) also authenticates the format and key id as associated data, so
// neither can be swapped or stripped unnoticed; payloads without it (format 1) still decrypt.
const node_crypto_1 = require('node:crypto');
const common_1 = require('@temporalio/common');
const proto_1 = require('@temporalio/proto');
exports.ENCRYPTED_ENCODING = 'binary/encrypted';
exports.KEY_ID_METADATA = 'encryption-key-id';
exports.FORMAT_METADATA = 'encryption-format';
const FORMAT = '2';
const CIPHER = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const { Payload: PayloadMessage } = proto_1.temporal.api.common.v1;
const text = (bytes) => (bytes ? Buffer.from(bytes).toString('utf8') : undefined);
/** What format 2 authenticates besides the ciphertext: relabelling or stripping either fails the tag. */
const associatedData = (keyId) => Buffer.from(`checkout-recovery/payload/v${FORMAT}\0${keyId}`);
/** A payload this codec cannot decrypt; the message says why without revealing any content. */
class PayloadDecryptionError extends Error {
  keyId;
  name = 'PayloadDecryptionError';
  constructor(message, keyId) {
    super(message);
    this.keyId = keyId;
  }
}
exports.PayloadDecryptionError = PayloadDecryptionError;
function isEncrypted(payload) {
  return text(payload.metadata?.[common_1.METADATA_ENCODING_KEY]) === exports.ENCRYPTED_ENCODING;
}
class AesGcmPayloadCodec {
  keys;
  current;
  /** `keys[0]` encrypts; all of them decrypt. */
  constructor(keys) {
    const [first] = keys;
    if (!first) throw new Error('AesGcmPayloadCodec needs at least one key');
    this.current = first;
    this.keys = new Map(keys.map(({ id, key }) => [id, key]));
  }
  get keyIds() {
    return [...this.keys.keys()];
  }
  async encode(payloads) {
    return payloads.map((payload) => this.encrypt(payload));
  }
  /** Payloads that are not encrypted (histories from before encryption) pass through unchanged. */
  async decode(payloads) {
    return payloads.map((payload) => (isEncrypted(payload) ? this.decrypt(payload) : payload));
  }
  encrypt(payload) {
    const iv = (0, node_crypto_1.randomBytes)(IV_BYTES);
    const cipher = (0, node_crypto_1.createCipheriv)(CIPHER, this.current.key, iv);
    cipher.setAAD(associatedData(this.current.id));
    const plaintext = PayloadMessage.encode(payload).finish();
    const data = Buffer.concat([iv, cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
    return {
      metadata: {
        [common_1.METADATA_ENCODING_KEY]: Buffer.from(exports.ENCRYPTED_ENCODING),
        [exports.KEY_ID_METADATA]: Buffer.from(this.current.id),
        [exports.FORMAT_METADATA]: Buffer.from(FORMAT),
      },
      data,
    };
  }
  decrypt(payload) {
    const keyId = text(payload.metadata?.[exports.KEY_ID_METADATA]);
    if (keyId === undefined)
      throw new PayloadDecryptionError(`encrypted payload has no ${exports.KEY_ID_METADATA}`, undefined);
    const key = this.keys.get(keyId);
    if (!key) {
      throw new PayloadDecryptionError(
        // Not the configured ids: this message reaches codec callers, who need not learn them.
        `payload was encrypted with key "${keyId}", which is not configured; ` +
          'add it back to PAYLOAD_ENCRYPTION_KEYS after the current key',
        keyId,
      );
    }
    const data = Buffer.from(payload.data ?? []);
    if (data.length < IV_BYTES + TAG_BYTES) {
      throw new PayloadDecryptionError(`encrypted payload (key "${keyId}") is too short to hold IV and tag`, keyId);
    }
    const format = text(payload.metadata?.[exports.FORMAT_METADATA]);
    if (format !== undefined && format !== FORMAT)
      throw new PayloadDecryptionError(`encrypted payload has an unknown ${exports.FORMAT_METADATA}`, keyId);
    const decipher = (0, node_crypto_1.createDecipheriv)(CIPHER, key, data.subarray(0, IV_BYTES));
    // Format 1 (written before format 2 existed) has no associated data; a format 2 payload with
    // its marker stripped is read as format 1 and fails authentication, so there is no downgrade.
    if (format === FORMAT) decipher.setAAD(associatedData(keyId));
    decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
    let plaintext;
    try {
      plaintext = Buffer.concat([decipher.update(data.subarray(IV_BYTES, data.length - TAG_BYTES)), decipher.final()]);
    } catch {
      throw new PayloadDecryptionError(
        `encrypted payload failed authentication with key "${keyId}": it was altered, or the key under that id changed`,
        keyId,
      );
    }
    const { metadata, data: inner } = PayloadMessage.decode(plaintext);
    return { metadata, data: inner };
  }
}
exports.AesGcmPayloadCodec = AesGcmPayloadCodec;
//# sourceMappingURL=aes-gcm-codec.js.map
