// Compresses a payload before it is encrypted: ciphertext does not compress, and a checkout's input
// (cart lines, names, URLs in JSON) is most of what a sleeping checkout keeps in Temporal's database.
// The whole Payload message is deflated, metadata included, under `encoding: binary/zlib`; payloads
// too small to gain, or that would not shrink, pass through unchanged, and so do payloads written
// before this codec existed.
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { METADATA_ENCODING_KEY, type Payload, type PayloadCodec } from '@temporalio/common';
import { temporal } from '@temporalio/proto';

export const COMPRESSED_ENCODING = 'binary/zlib';
/** Below this many serialised bytes deflate's header and dictionary-less start win nothing. */
const MIN_BYTES = 256;
// A 4 KB window and an 8 KB hash instead of zlib's 32 KB and 64 KB: our payloads (0.3-9 KB of JSON
// whose repeats lie close together) compress to the same size, and every call no longer clears a
// 64 KB table first (six calls a reminder; 5-25% less CPU a call). Inflate's default window is the
// largest, so every build reads what any build wrote.
const DEFLATE_OPTIONS = { windowBits: 12, memLevel: 5 } as const;

const { Payload: PayloadMessage } = temporal.api.common.v1;

export function isCompressed(payload: Payload): boolean {
  const encoding = payload.metadata?.[METADATA_ENCODING_KEY];
  return encoding !== undefined && encoding !== null && Buffer.from(encoding).toString('utf8') === COMPRESSED_ENCODING;
}

export class DeflatePayloadCodec implements PayloadCodec {
  async encode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => this.compress(payload));
  }

  async decode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => (isCompressed(payload) ? this.decompress(payload) : payload));
  }

  compress(payload: Payload): Payload {
    const serialised = PayloadMessage.encode(payload).finish();
    if (serialised.length < MIN_BYTES) return payload;
    const data = deflateRawSync(serialised, DEFLATE_OPTIONS);
    if (data.length >= serialised.length) return payload;
    return { metadata: { [METADATA_ENCODING_KEY]: Buffer.from(COMPRESSED_ENCODING) }, data };
  }

  decompress(payload: Payload): Payload {
    const { metadata, data } = PayloadMessage.decode(inflateRawSync(Buffer.from(payload.data ?? [])));
    return { metadata, data };
  }
}
