import { Inject, Injectable } from '@nestjs/common';
import type { Payload, PayloadCodec } from '@temporalio/common';
import type { FieldError } from '../../../common/schedule';
import { PayloadDecryptionError } from '../../../config/encryption/aes-gcm-codec';
import { InvalidFieldsException } from '../validation/invalid-fields.exception';
import { fromJson, type JsonPayload, toJson } from './json-payload';

/** Injection token of the payload codecs the API's own Temporal client uses. */
export const PAYLOAD_CODECS = 'PayloadCodecs';

/**
 * The Temporal UI's remote codec: the same codecs as the API's client, applied to payloads in JSON.
 * Namespace-agnostic: one key set serves the namespace this deployment uses.
 */
@Injectable()
export class CodecService {
  constructor(@Inject(PAYLOAD_CODECS) private readonly codecs: PayloadCodec[]) {}

  async encode(payloads: JsonPayload[]): Promise<JsonPayload[]> {
    let encoded = payloads.map(fromJson);
    for (const codec of this.codecs) encoded = await codec.encode(encoded);
    return encoded.map(toJson);
  }

  /** One payload at a time, so a 400 can say which payload cannot be decrypted and why. */
  async decode(payloads: JsonPayload[]): Promise<JsonPayload[]> {
    const errors: FieldError[] = [];
    const decoded = await Promise.all(
      payloads.map(async (json, i) => {
        try {
          return toJson(await this.decodeOne(fromJson(json)));
        } catch (err) {
          if (!(err instanceof PayloadDecryptionError)) throw err;
          errors.push({ field: `payloads[${i}]`, reason: err.message });
          return json;
        }
      }),
    );
    if (errors.length > 0) throw new InvalidFieldsException(errors);
    return decoded;
  }

  private async decodeOne(payload: Payload): Promise<Payload> {
    let payloads = [payload];
    for (const codec of [...this.codecs].reverse()) payloads = await codec.decode(payloads);
    const [decoded] = payloads;
    if (!decoded) throw new Error('a codec returned no payload');
    return decoded;
  }
}
