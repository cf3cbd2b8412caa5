var __decorate =
  (this && this.__decorate) ||
  function (decorators, target, key, desc) {
    var c = arguments.length,
      r = c < 3 ? target : desc === null ? (desc = Object.getOwnPropertyDescriptor(target, key)) : desc,
      d;
    if (typeof Reflect === 'object' && typeof Reflect.decorate === 'function')
      r = Reflect.decorate(decorators, target, key, desc);
    else
      for (var i = decorators.length - 1; i >= 0; i--)
        if ((d = decorators[i])) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return (c > 3 && r && Object.defineProperty(target, key, r), r);
  };
var __metadata =
  (this && this.__metadata) ||
  ((k, v) => {
    if (typeof Reflect === 'object' && typeof Reflect.metadata === 'function') return Reflect.metadata(k, v);
  });
Object.defineProperty(exports, '__esModule', { value: true });
exports.CodecPayloadsDto = exports.JsonPayloadDto = exports.MAX_CODEC_PAYLOADS = void 0;
const swagger_1 = require('@nestjs/swagger');
const class_transformer_1 = require('class-transformer');
const class_validator_1 = require('class-validator');
const field_rules_1 = require('../validation/field-rules');
// The UI sends the payloads of one event or one query at a time; a request with more is not the UI.
exports.MAX_CODEC_PAYLOADS = 1_000;
// proto3 JSON reads standard and URL-safe base64, padded or not.
const BASE64 = /^[A-Za-z0-9+/_-]*={0,2}$/;
const isBase64 = (value) => typeof value === 'string' && BASE64.test(value) && value.length % 4 !== 1;
const BASE64_REASON = 'must be a base64 string';
class JsonPayloadDto {
  metadata;
  data;
  // A field of the Payload message; a proto3 JSON writer that emits empty fields sends `[]`.
  externalPayloads;
}
exports.JsonPayloadDto = JsonPayloadDto;
__decorate(
  [
    (0, swagger_1.ApiPropertyOptional)({
      description: 'Metadata values, base64 (e.g. `encoding`: base64 of `json/plain`)',
      type: 'object',
      additionalProperties: { type: 'string', format: 'byte' },
      example: { encoding: 'anNvbi9wbGFpbg==' },
    }),
    (0, class_validator_1.IsOptional)(),
    (0, field_rules_1.rule)(
      'isBase64Map',
      'must be an object whose values are base64 strings',
      (value) =>
        typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every(isBase64),
    ),
    __metadata('design:type', Object),
  ],
  JsonPayloadDto.prototype,
  'metadata',
  void 0,
);
__decorate(
  [
    (0, swagger_1.ApiPropertyOptional)({
      description: 'The payload bytes, base64',
      type: String,
      nullable: true,
      format: 'byte',
      example: 'eyJhIjoxfQ==',
    }),
    (0, class_validator_1.IsOptional)(),
    (0, field_rules_1.rule)('isBase64', BASE64_REASON, isBase64),
    __metadata('design:type', Object),
  ],
  JsonPayloadDto.prototype,
  'data',
  void 0,
);
__decorate(
  [
    (0, swagger_1.ApiPropertyOptional)({
      description: 'Always empty here: this deployment stores no payload externally',
      type: [Object],
    }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsArray)({ message: 'must be an array' }),
    (0, class_validator_1.ArrayMaxSize)(0, { message: 'must be empty: this deployment stores no payloads externally' }),
    __metadata('design:type', Object),
  ],
  JsonPayloadDto.prototype,
  'externalPayloads',
  void 0,
);
/** Request and response body of `POST /codec/encode` and `POST /codec/decode`. */
class CodecPayloadsDto {
  payloads;
}
exports.CodecPayloadsDto = CodecPayloadsDto;
__decorate(
  [
    (0, swagger_1.ApiProperty)({ type: [JsonPayloadDto] }),
    (0, class_validator_1.ArrayMaxSize)(exports.MAX_CODEC_PAYLOADS, {
      message: `must have at most ${exports.MAX_CODEC_PAYLOADS} payloads`,
    }),
    (0, class_validator_1.IsArray)({ message: 'must be an array' }),
    (0, class_validator_1.ValidateNested)({ each: true }),
    (0, class_transformer_1.Type)(() => JsonPayloadDto),
    __metadata('design:type', Array),
  ],
  CodecPayloadsDto.prototype,
  'payloads',
  void 0,
);
//# sourceMappingURL=codec-payloads.dto.js.map
