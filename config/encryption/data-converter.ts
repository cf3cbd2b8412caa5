// The one DataConverter every Temporal client, worker and workflow bundle here is built with.
import type { DataConverter, PayloadCodec } from '@temporalio/common';
import { AesGcmPayloadCodec } from './aes-gcm-codec';
import { DeflatePayloadCodec } from './deflate-codec';
import type { EncryptionConfig } from './encryption-config';

/**
 * The failure converter that encodes messages and stack traces. A path, not an object: the SDK
 * (1.24) loads it with require() for clients and activities and aliases it into the workflow bundle,
 * so bundleWorkflowCode must be given it too.
 */
export const FAILURE_CONVERTER_PATH = require.resolve('../../common/failure-converter');

/**
 * The payload codecs for this configuration, applied in order on encode and in reverse on decode:
 * compress, then encrypt (ciphertext does not compress). None when encryption is off, so payloads
 * stay readable in the Web UI without the codec endpoint.
 */
export function payloadCodecsFor(encryption: EncryptionConfig): PayloadCodec[] {
  return encryption.enabled ? [new DeflatePayloadCodec(), new AesGcmPayloadCodec(encryption.keys)] : [];
}

export function dataConverterFor(encryption: EncryptionConfig): DataConverter {
  return { payloadCodecs: payloadCodecsFor(encryption), failureConverterPath: FAILURE_CONVERTER_PATH };
}

/** One line for the logs at start-up: which key encrypts, which decrypt. */
export function describeEncryption(encryption: EncryptionConfig): string {
  if (!encryption.enabled)
    return 'payload encryption is OFF (PAYLOAD_ENCRYPTION=off): customer data reaches Temporal unencrypted';
  const [current, ...older] = encryption.keys.map((k) => k.id);
  return `payloads encrypted with key "${current}"${older.length ? `; older keys still decrypt: ${older.join(', ')}` : ''}`;
}
