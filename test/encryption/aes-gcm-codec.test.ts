import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { defaultPayloadConverter, type Payload } from '@temporalio/common';
import {
  AesGcmPayloadCodec,
  ENCRYPTED_ENCODING,
  FORMAT_METADATA,
  KEY_ID_METADATA,
  PayloadDecryptionError,
} from '../../config/encryption/aes-gcm-codec';
import { generatePayloadKeyEntry, type PayloadKey, parsePayloadKeys } from '../../config/encryption/payload-keys';
import { testCodec } from '../support/payload-keys';

const key = (id: string): PayloadKey => {
  const [parsed] = parsePayloadKeys(generatePayloadKeyEntry(id));
  assert.ok(parsed);
  return parsed;
};
const text = (bytes: Uint8Array | null | undefined) => Buffer.from(bytes ?? []).toString('utf8');
const customer = { email: 'ada.lovelace@example.com', name: 'Ada Lovelace' };
const toPayload = (value: unknown): Payload => defaultPayloadConverter.toPayload(value);
const fromPayload = (payload: Payload | undefined): unknown => {
  assert.ok(payload);
  return defaultPayloadConverter.fromPayload(payload);
};

async function encryptOne(codec: AesGcmPayloadCodec, payload: Payload): Promise<Payload> {
  const [encrypted] = await codec.encode([payload]);
  assert.ok(encrypted);
  return encrypted;
}

describe('AesGcmPayloadCodec', () => {
  test('round-trips a payload, metadata included, and stores neither value nor original encoding in the clear', async () => {
    const codec = new AesGcmPayloadCodec([key('k1')]);
    const encrypted = await encryptOne(codec, toPayload(customer));
    assert.equal(text(encrypted.metadata?.encoding), ENCRYPTED_ENCODING);
    assert.equal(text(encrypted.metadata?.[KEY_ID_METADATA]), 'k1');
    assert.deepEqual(
      Object.keys(encrypted.metadata ?? {}).sort(),
      ['encoding', KEY_ID_METADATA, FORMAT_METADATA].sort(),
    );
    const stored = Buffer.from(encrypted.data ?? []);
    for (const clear of [customer.email, customer.name, 'json/plain'])
      assert.equal(stored.includes(clear), false, `"${clear}" is readable in the encrypted payload`);
    const [decoded] = await codec.decode([encrypted]);
    assert.equal(text(decoded?.metadata?.encoding), 'json/plain');
    assert.deepEqual(fromPayload(decoded), customer);
  });

  test('uses a fresh IV per payload: the same value encrypts differently each time', async () => {
    const codec = new AesGcmPayloadCodec([key('k1')]);
    const [a, b] = await codec.encode([toPayload(customer), toPayload(customer)]);
    assert.notDeepEqual(Buffer.from(a?.data ?? []), Buffer.from(b?.data ?? []));
    assert.notDeepEqual(Buffer.from(a?.data ?? []).subarray(0, 12), Buffer.from(b?.data ?? []).subarray(0, 12));
  });

  test('after a rotation the new key encrypts and data encrypted with the old key still decodes', async () => {
    const k1 = key('k1');
    const k2 = key('k2');
    const before = new AesGcmPayloadCodec([k1]);
    const old = await encryptOne(before, toPayload(customer));
    const after = new AesGcmPayloadCodec([k2, k1]);
    const fresh = await encryptOne(after, toPayload(customer));
    assert.equal(text(fresh.metadata?.[KEY_ID_METADATA]), 'k2');
    const [oldDecoded, freshDecoded] = await after.decode([old, fresh]);
    assert.deepEqual(fromPayload(oldDecoded), customer);
    assert.deepEqual(fromPayload(freshDecoded), customer);
  });

  test('refuses a payload whose key id is not configured, naming that key id and not the configured ones', async () => {
    const old = await encryptOne(new AesGcmPayloadCodec([key('retired-2023')]), toPayload(customer));
    const codec = new AesGcmPayloadCodec([key('k2'), key('k1')]);
    await assert.rejects(codec.decode([old]), (err: unknown) => {
      assert.ok(err instanceof PayloadDecryptionError);
      assert.equal(err.keyId, 'retired-2023');
      assert.match(err.message, /key "retired-2023", which is not configured/);
      assert.doesNotMatch(err.message, /\bk[12]\b/, "the configured key ids are nobody else's business");
      return true;
    });
  });

  test('detects tampering: a flipped bit in the ciphertext, the IV or the tag fails authentication', async () => {
    const codec = new AesGcmPayloadCodec([key('k1')]);
    const encrypted = await encryptOne(codec, toPayload(customer));
    const length = Buffer.from(encrypted.data ?? []).length;
    for (const at of [0, 12, Math.floor(length / 2), length - 1]) {
      const data = Buffer.from(encrypted.data ?? []);
      data[at] = (data[at] ?? 0) ^ 0x01;
      await assert.rejects(
        codec.decode([{ ...encrypted, data }]),
        (err: unknown) =>
          err instanceof PayloadDecryptionError && /failed authentication with key "k1"/.test(err.message),
        `flipping byte ${at} went unnoticed`,
      );
    }
  });

  test('refuses a payload encrypted under the same key id with a different key', async () => {
    const encrypted = await encryptOne(new AesGcmPayloadCodec([key('k1')]), toPayload(customer));
    await assert.rejects(
      new AesGcmPayloadCodec([key('k1')]).decode([encrypted]),
      /failed authentication with key "k1"/,
    );
  });

  test('refuses an encrypted payload without a key id or too short to hold IV and tag', async () => {
    const codec = new AesGcmPayloadCodec([key('k1')]);
    const encrypted = await encryptOne(codec, toPayload(customer));
    const withoutKeyId = { metadata: { encoding: Buffer.from(ENCRYPTED_ENCODING) }, data: encrypted.data };
    await assert.rejects(codec.decode([withoutKeyId]), /has no encryption-key-id/);
    await assert.rejects(codec.decode([{ ...encrypted, data: Buffer.alloc(27) }]), /too short/);
  });

  test('passes payloads that are not encrypted through decode unchanged (histories from before encryption)', async () => {
    const codec = new AesGcmPayloadCodec([key('k1')]);
    const plain = [toPayload(customer), toPayload(null), toPayload(new Uint8Array([1, 2, 3]))];
    const decoded = await codec.decode(plain);
    assert.equal(decoded.length, plain.length);
    for (const [i, payload] of decoded.entries()) assert.equal(payload, plain[i]);
  });

  test('encrypts empty payload lists and empty values', async () => {
    const codec = new AesGcmPayloadCodec([key('k1')]);
    assert.deepEqual(await codec.encode([]), []);
    const [decoded] = await codec.decode([await encryptOne(codec, toPayload(''))]);
    assert.equal(fromPayload(decoded), '');
  });

  test('binds the key id: a payload relabelled to another id of the same key bytes fails authentication', async () => {
    const k1 = key('k1');
    const codec = new AesGcmPayloadCodec([k1, { id: 'alias', key: k1.key }]);
    const encrypted = await encryptOne(codec, toPayload(customer));
    const relabelled = { ...encrypted, metadata: { ...encrypted.metadata, [KEY_ID_METADATA]: Buffer.from('alias') } };
    await assert.rejects(codec.decode([relabelled]), /failed authentication with key "alias"/);
  });

  test('binds the format: stripping the format marker (a downgrade to the old layout) fails authentication', async () => {
    const codec = new AesGcmPayloadCodec([key('k1')]);
    const encrypted = await encryptOne(codec, toPayload(customer));
    const { [FORMAT_METADATA]: _format, ...older } = encrypted.metadata ?? {};
    await assert.rejects(codec.decode([{ ...encrypted, metadata: older }]), /failed authentication/);
    const future = { ...encrypted.metadata, [FORMAT_METADATA]: Buffer.from('3') };
    await assert.rejects(codec.decode([{ ...encrypted, metadata: future }]), /unknown encryption-format/);
  });

  test('still decrypts a payload written before format 2, without associated data', async () => {
    // Made by the codec as it was before format 2, with the test suite's key (test/support/payload-keys.ts).
    const old: Payload = {
      metadata: { encoding: Buffer.from(ENCRYPTED_ENCODING), [KEY_ID_METADATA]: Buffer.from('test-1') },
      data: Buffer.from(
        '4daeH8xmEWUuLpblojbNYD/CdGa3HSOnqO2wAvhXY1VNVAh5J2s55CQ9aHkAHt6rk5QHA0IoRp4008L2G2SHsNSxkSzgiAsY/w0hTLZgQytfklsFX7xwoEjU+GMxRWI7ztcKyXV7iza1rV3w9VttuA==',
        'base64',
      ),
    };
    const [decoded] = await testCodec().decode([old]);
    assert.deepEqual(fromPayload(decoded), customer);
  });
});
