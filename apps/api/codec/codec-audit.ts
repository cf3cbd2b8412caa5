import { Injectable, Logger } from '@nestjs/common';

/** What an audit line may say about a codec call: who and how much, never a payload's content. */
export interface CodecCall {
  remoteAddress: string | undefined;
  origin: string | undefined;
  namespace: string | undefined;
  payloads: number;
  encrypted: number;
  /** How many payloads could not be decrypted (the call answered 400). */
  failed: number;
}

// One line per decode: each one shows customer data to someone, so each one is on record.
@Injectable()
export class CodecAudit {
  private readonly logger = new Logger('CodecAudit');

  decoded(call: CodecCall): void {
    const who = [
      `from ${call.remoteAddress ?? 'unknown'}`,
      call.origin && `origin ${oneLine(call.origin)}`,
      call.namespace && `namespace ${oneLine(call.namespace)}`,
    ].filter(Boolean);
    const failed = call.failed > 0 ? `, ${call.failed} refused` : '';
    this.logger.log(`decode of ${call.payloads} payloads (${call.encrypted} encrypted${failed}) ${who.join(', ')}`);
  }
}

// Header values are the caller's: bounded and on one line, so they cannot forge log lines.
const oneLine = (value: string) => JSON.stringify(value.slice(0, 200));
