import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { defaultPayloadConverter, type Payload } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import { payloadCodecsFor } from '../../config/encryption/data-converter';
import { COMPRESSED_ENCODING, DeflatePayloadCodec, isCompressed } from '../../config/encryption/deflate-codec';
import { TEST_ENCRYPTION, testCodec } from '../support/payload-keys';

const { Payload: PayloadMessage } = temporal.api.common.v1;
const size = (payload: Payload | undefined) => PayloadMessage.encode(payload ?? {}).finish().length;
const toPayload = (value: unknown): Payload => defaultPayloadConverter.toPayload(value);

/** A checkout's input as the API starts it: repetitive JSON, as real carts are. */
const checkoutInput = {
  checkoutId: 'co-1001',
  checkoutUrl: 'https://shop.example.com/checkout/co-1001',
  customer: { id: 'c-42', email: 'ada@example.com', name: 'Ada Lovelace', timezone: 'Europe/Berlin', locale: 'de-DE' },
  cart: {
    currency: 'EUR',
    total: 159.7,
    items: Array.from({ length: 6 }, (_, i) => ({
      sku: `MUG-${i}`,
      name: `Blue enamel mug, size ${i}`,
      quantity: 1,
      unitPrice: 26.95,
      imageUrl: `https://cdn.shop.example.com/products/mug-${i}.jpg`,
    })),
  },
  schedule: [{ after: '30m' }, { after: '1d' }, { after: '3d' }],
};

async function encodeChain(payload: Payload): Promise<Payload> {
  let payloads = [payload];
  for (const codec of payloadCodecsFor(TEST_ENCRYPTION)) payloads = await codec.encode(payloads);
  assert.ok(payloads[0]);
  return payloads[0];
}

async function decodeChain(payload: Payload): Promise<Payload> {
  let payloads = [payload];
  for (const codec of payloadCodecsFor(TEST_ENCRYPTION).reverse()) payloads = await codec.decode(payloads);
  assert.ok(payloads[0]);
  return payloads[0];
}

describe('payload compression before encryption', () => {
  test('a checkout input is stored at well under its plain size and decodes to the same value', async () => {
    const plain = toPayload(checkoutInput);
    const aesOnly = (await testCodec().encode([plain]))[0];
    const stored = await encodeChain(plain);
    assert.ok(
      size(stored) < size(aesOnly) * 0.6,
      `compressed+encrypted ${size(stored)} B vs encrypted ${size(aesOnly)} B`,
    );
    assert.deepEqual(defaultPayloadConverter.fromPayload(await decodeChain(stored)), checkoutInput);
  });

  test('payloads encrypted before compression existed still decode', async () => {
    const [old] = await testCodec().encode([toPayload(checkoutInput)]);
    assert.ok(old);
    assert.deepEqual(defaultPayloadConverter.fromPayload(await decodeChain(old)), checkoutInput);
  });

  test('what an earlier build compressed with zlib’s default window decodes, and what this one writes, zlib’s defaults read', async () => {
    const codec = new DeflatePayloadCodec();
    const plain = toPayload(checkoutInput);
    const serialised = PayloadMessage.encode(plain).finish();
    const earlier: Payload = {
      metadata: { encoding: Buffer.from(COMPRESSED_ENCODING) },
      data: deflateRawSync(serialised),
    };
    const [fromEarlier] = await codec.decode([earlier]);
    assert.deepEqual(defaultPayloadConverter.fromPayload(fromEarlier as Payload), checkoutInput);
    const [written] = await codec.encode([plain]);
    assert.ok(isCompressed(written as Payload));
    const readByDefaults = PayloadMessage.decode(inflateRawSync(Buffer.from(written?.data ?? [])));
    assert.deepEqual(defaultPayloadConverter.fromPayload(readByDefaults as Payload), checkoutInput);
    assert.ok(
      (written?.data?.length ?? Infinity) <= deflateRawSync(serialised).length,
      'no larger than with zlib’s defaults',
    );
  });

  test('a small payload passes through uncompressed; a large one is marked binary/zlib', async () => {
    const codec = new DeflatePayloadCodec();
    const [small, large] = await codec.encode([toPayload({ ordered: true }), toPayload(checkoutInput)]);
    assert.equal(isCompressed(small as Payload), false);
    assert.equal(Buffer.from(large?.metadata?.encoding ?? []).toString(), COMPRESSED_ENCODING);
    const [back] = await codec.decode([large as Payload]);
    assert.equal(Buffer.from(back?.metadata?.encoding ?? []).toString(), 'json/plain');
  });
});
