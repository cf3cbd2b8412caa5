import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, ValidateNested } from 'class-validator';
import { rule } from '../validation/field-rules';
import type { JsonPayload } from './json-payload';

// The UI sends the payloads of one event or one query at a time; a request with more is not the UI.
export const MAX_CODEC_PAYLOADS = 1_000;
// proto3 JSON reads standard and URL-safe base64, padded or not.
const BASE64 = /^[A-Za-z0-9+/_-]*={0,2}$/;
const isBase64 = (value: unknown) => typeof value === 'string' && BASE64.test(value) && value.length % 4 !== 1;
const BASE64_REASON = 'must be a base64 string';

export class JsonPayloadDto implements JsonPayload {
  @ApiPropertyOptional({
    description: 'Metadata values, base64 (e.g. `encoding`: base64 of `json/plain`)',
    type: 'object',
    additionalProperties: { type: 'string', format: 'byte' },
    example: { encoding: 'anNvbi9wbGFpbg==' },
  })
  @IsOptional()
  @rule(
    'isBase64Map',
    'must be an object whose values are base64 strings',
    (value) =>
      typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every(isBase64),
  )
  metadata?: Record<string, string> | null;

  @ApiPropertyOptional({
    description: 'The payload bytes, base64',
    type: String,
    nullable: true,
    format: 'byte',
    example: 'eyJhIjoxfQ==',
  })
  @IsOptional()
  @rule('isBase64', BASE64_REASON, isBase64)
  data?: string | null;

  // A field of the Payload message; a proto3 JSON writer that emits empty fields sends `[]`.
  @ApiPropertyOptional({
    description: 'Always empty here: this deployment stores no payload externally',
    type: [Object],
  })
  @IsOptional()
  @IsArray({ message: 'must be an array' })
  @ArrayMaxSize(0, { message: 'must be empty: this deployment stores no payloads externally' })
  externalPayloads?: unknown[] | null;
}

/** Request and response body of `POST /codec/encode` and `POST /codec/decode`. */
export class CodecPayloadsDto {
  @ApiProperty({ type: [JsonPayloadDto] })
  @ArrayMaxSize(MAX_CODEC_PAYLOADS, { message: `must have at most ${MAX_CODEC_PAYLOADS} payloads` })
  @IsArray({ message: 'must be an array' })
  @ValidateNested({ each: true })
  @Type(() => JsonPayloadDto)
  payloads: JsonPayloadDto[];
}
