import { Inject, Injectable } from '@nestjs/common';
import type { Payload, PayloadCodec } from '@temporalio/common';
import type { FieldError } from '../../../common/schedule';
import { isEncrypted, PayloadDecryptionError } from '../../../config/encryption/aes-gcm-codec';
import { InvalidFieldsException } from '../validation/invalid-fields.exception';
import { CodecAudit, type CodecCall } from './codec-audit';
import { fromJson, type JsonPayload, toJson } from './json-payload';

/** Injection token of the payload codecs the API's own Temporal client uses. */
export const PAYLOAD_CODECS = 'PayloadCodecs';

/**
 * The Temporal UI's remote codec: the same codecs as the API's client, applied to payloads in JSON.
 * Namespace-agnostic: one key set serves the namespace this deployment uses.
 */
@Injectable()
export class CodecService {
  constructor(
    @Inject(PAYLOAD_CODECS) private readonly codecs: PayloadCodec[],
    private readonly audit: CodecAudit,
  ) {}

  async encode(payloads: JsonPayload[]): Promise<JsonPayload[]> {
    let encoded = payloads.map(fromJson);
    for (const codec of this.codecs) encoded = await codec.encode(encoded);
    return encoded.map(toJson);
  }

  /** One payload at a time, so a 400 can say which payload cannot be decrypted and why; audited. */
  async decode(
    payloads: JsonPayload[],
    caller: Pick<CodecCall, 'remoteAddress' | 'origin' | 'namespace'>,
  ): Promise<JsonPayload[]> {
    const errors: FieldError[] = [];
    const payloadsIn = payloads.map(fromJson);
    const encrypted = payloadsIn.filter(isEncrypted).length;
    try {
      const decoded = await Promise.all(
        payloadsIn.map(async (payload, i) => {
          try {
            return toJson(await this.decodeOne(payload));
          } catch (err) {
            if (!(err instanceof PayloadDecryptionError)) throw err;
            errors.push({ field: `payloads[${i}]`, reason: err.message });
            return payloads[i] as JsonPayload;
          }
        }),
      );
      if (errors.length > 0) throw new InvalidFieldsException(errors);
      return decoded;
    } finally {
      this.audit.decoded({ ...caller, payloads: payloads.length, encrypted, failed: errors.length });
    }
  }

  private async decodeOne(payload: Payload): Promise<Payload> {
    let payloads = [payload];
    for (const codec of [...this.codecs].reverse()) payloads = await codec.decode(payloads);
    const [decoded] = payloads;
    if (!decoded) throw new Error('a codec returned no payload');
    return decoded;
  }
}
