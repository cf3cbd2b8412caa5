var __importDefault = (this && this.__importDefault) || ((mod) => (mod && mod.__esModule ? mod : { default: mod }));
Object.defineProperty(exports, '__esModule', { value: true });
const strict_1 = __importDefault(require('node:assert/strict'));
const node_test_1 = require('node:test');
const common_1 = require('@temporalio/common');
const aes_gcm_codec_1 = require('../../config/encryption/aes-gcm-codec');
const payload_keys_1 = require('../../config/encryption/payload-keys');
const payload_keys_2 = require('../support/payload-keys');
const key = (id) => {
  const [parsed] = (0, payload_keys_1.parsePayloadKeys)((0, payload_keys_1.generatePayloadKeyEntry)(id));
  strict_1.default.ok(parsed);
  return parsed;
};
const text = (bytes) => Buffer.from(bytes ?? []).toString('utf8');
const customer = { email: 'ada.lovelace@example.com', name: 'Ada Lovelace' };
const toPayload = (value) => common_1.defaultPayloadConverter.toPayload(value);
const fromPayload = (payload) => {
  strict_1.default.ok(payload);
  return common_1.defaultPayloadConverter.fromPayload(payload);
};
async function encryptOne(codec, payload) {
  const [encrypted] = await codec.encode([payload]);
  strict_1.default.ok(encrypted);
  return encrypted;
}
(0, node_test_1.describe)('AesGcmPayloadCodec', () => {
  (0, node_test_1.test)(
    'round-trips a payload, metadata included, and stores neither value nor original encoding in the clear',
    async () => {
      const codec = new aes_gcm_codec_1.AesGcmPayloadCodec([key('k1')]);
      const encrypted = await encryptOne(codec, toPayload(customer));
      strict_1.default.equal(text(encrypted.metadata?.encoding), aes_gcm_codec_1.ENCRYPTED_ENCODING);
      strict_1.default.equal(text(encrypted.metadata?.[aes_gcm_codec_1.KEY_ID_METADATA]), 'k1');
      strict_1.default.deepEqual(
        Object.keys(encrypted.metadata ?? {}).sort(),
        ['encoding', aes_gcm_codec_1.KEY_ID_METADATA, aes_gcm_codec_1.FORMAT_METADATA].sort(),
      );
      const stored = Buffer.from(encrypted.data ?? []);
      for (const clear of [customer.email, customer.name, 'json/plain'])
        strict_1.default.equal(stored.includes(clear), false, `"${clear}" is readable in the encrypted payload`);
      const [decoded] = await codec.decode([encrypted]);
      strict_1.default.equal(text(decoded?.metadata?.encoding), 'json/plain');
      strict_1.default.deepEqual(fromPayload(decoded), customer);
    },
  );
  (0, node_test_1.test)('uses a fresh IV per payload: the same value encrypts differently each time', async () => {
    const codec = new aes_gcm_codec_1.AesGcmPayloadCodec([key('k1')]);
    const [a, b] = await codec.encode([toPayload(customer), toPayload(customer)]);
    strict_1.default.notDeepEqual(Buffer.from(a?.data ?? []), Buffer.from(b?.data ?? []));
    strict_1.default.notDeepEqual(
      Buffer.from(a?.data ?? []).subarray(0, 12),
      Buffer.from(b?.data ?? []).subarray(0, 12),
    );
  });
  (0, node_test_1.test)(
    'after a rotation the new key encrypts and data encrypted with the old key still decodes',
    async () => {
      const k1 = key('k1');
      const k2 = key('k2');
      const before = new aes_gcm_codec_1.AesGcmPayloadCodec([k1]);
      const old = await encryptOne(before, toPayload(customer));
      const after = new aes_gcm_codec_1.AesGcmPayloadCodec([k2, k1]);
      const fresh = await encryptOne(after, toPayload(customer));
      strict_1.default.equal(text(fresh.metadata?.[aes_gcm_codec_1.KEY_ID_METADATA]), 'k2');
      const [oldDecoded, freshDecoded] = await after.decode([old, fresh]);
      strict_1.default.deepEqual(fromPayload(oldDecoded), customer);
      strict_1.default.deepEqual(fromPayload(freshDecoded), customer);
    },
  );
  (0, node_test_1.test)(
    'refuses a payload whose key id is not configured, naming that key id and not the configured ones',
    async () => {
      const old = await encryptOne(new aes_gcm_codec_1.AesGcmPayloadCodec([key('retired-2023')]), toPayload(customer));
      const codec = new aes_gcm_codec_1.AesGcmPayloadCodec([key('k2'), key('k1')]);
      await strict_1.default.rejects(codec.decode([old]), (err) => {
        strict_1.default.ok(err instanceof aes_gcm_codec_1.PayloadDecryptionError);
        strict_1.default.equal(err.keyId, 'retired-2023');
        strict_1.default.match(err.message, /key "retired-2023", which is not configured/);
        strict_1.default.doesNotMatch(err.message, /\bk[12]\b/, "the configured key ids are nobody else's business");
        return true;
      });
    },
  );
  (0, node_test_1.test)(
    'detects tampering: a flipped bit in the ciphertext, the IV or the tag fails authentication',
    async () => {
      const codec = new aes_gcm_codec_1.AesGcmPayloadCodec([key('k1')]);
      const encrypted = await encryptOne(codec, toPayload(customer));
      const length = Buffer.from(encrypted.data ?? []).length;
      for (const at of [0, 12, Math.floor(length / 2), length - 1]) {
        const data = Buffer.from(encrypted.data ?? []);
        data[at] = (data[at] ?? 0) ^ 0x01;
        await strict_1.default.rejects(
          codec.decode([{ ...encrypted, data }]),
          (err) =>
            err instanceof aes_gcm_codec_1.PayloadDecryptionError &&
            /failed authentication with key "k1"/.test(err.message),
          `flipping byte ${at} went unnoticed`,
        );
      }
    },
  );
  (0, node_test_1.test)('refuses a payload encrypted under the same key id with a different key', async () => {
    const encrypted = await encryptOne(new aes_gcm_codec_1.AesGcmPayloadCodec([key('k1')]), toPayload(customer));
    await strict_1.default.rejects(
      new aes_gcm_codec_1.AesGcmPayloadCodec([key('k1')]).decode([encrypted]),
      /failed authentication with key "k1"/,
    );
  });
  (0, node_test_1.test)('refuses an encrypted payload without a key id or too short to hold IV and tag', async () => {
    const codec = new aes_gcm_codec_1.AesGcmPayloadCodec([key('k1')]);
    const encrypted = await encryptOne(codec, toPayload(customer));
    const withoutKeyId = {
      metadata: { encoding: Buffer.from(aes_gcm_codec_1.ENCRYPTED_ENCODING) },
      data: encrypted.data,
    };
    await strict_1.default.rejects(codec.decode([withoutKeyId]), /has no encryption-key-id/);
    await strict_1.default.rejects(codec.decode([{ ...encrypted, data: Buffer.alloc(27) }]), /too short/);
  });
  (0, node_test_1.test)(
    'passes payloads that are not encrypted through decode unchanged (histories from before encryption)',
    async () => {
      const codec = new aes_gcm_codec_1.AesGcmPayloadCodec([key('k1')]);
      const plain = [toPayload(customer), toPayload(null), toPayload(new Uint8Array([1, 2, 3]))];
      const decoded = await codec.decode(plain);
      strict_1.default.equal(decoded.length, plain.length);
      for (const [i, payload] of decoded.entries()) strict_1.default.equal(payload, plain[i]);
    },
  );
  (0, node_test_1.test)('encrypts empty payload lists and empty values', async () => {
    const codec = new aes_gcm_codec_1.AesGcmPayloadCodec([key('k1')]);
    strict_1.default.deepEqual(await codec.encode([]), []);
    const [decoded] = await codec.decode([await encryptOne(codec, toPayload(''))]);
    strict_1.default.equal(fromPayload(decoded), '');
  });
  (0, node_test_1.test)(
    'binds the key id: a payload relabelled to another id of the same key bytes fails authentication',
    async () => {
      const k1 = key('k1');
      const codec = new aes_gcm_codec_1.AesGcmPayloadCodec([k1, { id: 'alias', key: k1.key }]);
      const encrypted = await encryptOne(codec, toPayload(customer));
      const relabelled = {
        ...encrypted,
        metadata: { ...encrypted.metadata, [aes_gcm_codec_1.KEY_ID_METADATA]: Buffer.from('alias') },
      };
      await strict_1.default.rejects(codec.decode([relabelled]), /failed authentication with key "alias"/);
    },
  );
  (0, node_test_1.test)(
    'binds the format: stripping the format marker (a downgrade to the old layout) fails authentication',
    async () => {
      const codec = new aes_gcm_codec_1.AesGcmPayloadCodec([key('k1')]);
      const encrypted = await encryptOne(codec, toPayload(customer));
      const { [aes_gcm_codec_1.FORMAT_METADATA]: _format, ...older } = encrypted.metadata ?? {};
      await strict_1.default.rejects(codec.decode([{ ...encrypted, metadata: older }]), /failed authentication/);
      const future = { ...encrypted.metadata, [aes_gcm_codec_1.FORMAT_METADATA]: Buffer.from('3') };
      await strict_1.default.rejects(codec.decode([{ ...encrypted, metadata: future }]), /unknown encryption-format/);
    },
  );
  (0, node_test_1.test)('still decrypts a payload written before format 2, without associated data', async () => {
    // Made by the codec as it was before format 2, with the test suite's key (test/support/payload-keys.ts).
    const old = {
      metadata: {
        encoding: Buffer.from(aes_gcm_codec_1.ENCRYPTED_ENCODING),
        [aes_gcm_codec_1.KEY_ID_METADATA]: Buffer.from('test-1'),
      },
      data: Buffer.from(
        '4daeH8xmEWUuLpblojbNYD/CdGa3HSOnqO2wAvhXY1VNVAh5J2s55CQ9aHkAHt6rk5QHA0IoRp4008L2G2SHsNSxkSzgiAsY/w0hTLZgQytfklsFX7xwoEjU+GMxRWI7ztcKyXV7iza1rV3w9VttuA==',
        'base64',
      ),
    };
    const [decoded] = await (0, payload_keys_2.testCodec)().decode([old]);
    strict_1.default.deepEqual(fromPayload(decoded), customer);
  });
});
//# sourceMappingURL=aes-gcm-codec.test.js.map
