// The one payload key of the test suite: every test client, worker, API and worker process
// encrypts with it, so tests run the codec just as production does. Not a secret.
import { type DataConverter, defaultPayloadConverter, type Payload } from '@temporalio/common';
import { AesGcmPayloadCodec } from '../../config/encryption/aes-gcm-codec';
import { dataConverterFor, payloadCodecsFor } from '../../config/encryption/data-converter';
import { type EncryptionConfig, loadEncryption } from '../../config/env';

export const TEST_PAYLOAD_KEYS = 'test-1:uo3uomqG3lfOCsW3bA+tS8HM2IJmgbr7n3TWj0MjTr4=';

/** For processes and loadConfig: `{ PAYLOAD_ENCRYPTION_KEYS }`. */
export const TEST_ENCRYPTION_ENV = { PAYLOAD_ENCRYPTION_KEYS: TEST_PAYLOAD_KEYS } as const;

export const TEST_ENCRYPTION: EncryptionConfig = loadEncryption(TEST_ENCRYPTION_ENV);

export const testDataConverter = (): DataConverter => dataConverterFor(TEST_ENCRYPTION);

export function testCodec(): AesGcmPayloadCodec {
  if (!TEST_ENCRYPTION.enabled) throw new Error('the test key is always on');
  return new AesGcmPayloadCodec(TEST_ENCRYPTION.keys);
}

/** A payload from a raw history (`fetchHistory()` does not decode), decrypted, decompressed and converted. */
export async function decodeRaw<T>(payload: Payload): Promise<T> {
  let payloads = [payload];
  for (const codec of payloadCodecsFor(TEST_ENCRYPTION).reverse()) payloads = await codec.decode(payloads);
  const [decoded] = payloads;
  if (!decoded) throw new Error('no payload');
  return defaultPayloadConverter.fromPayload<T>(decoded);
}
