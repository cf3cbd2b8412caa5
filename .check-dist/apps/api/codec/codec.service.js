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
var __param =
  (this && this.__param) ||
  ((paramIndex, decorator) => (target, key) => {
    decorator(target, key, paramIndex);
  });
Object.defineProperty(exports, '__esModule', { value: true });
exports.CodecService = exports.PAYLOAD_CODECS = void 0;
const common_1 = require('@nestjs/common');
const aes_gcm_codec_1 = require('../../../config/encryption/aes-gcm-codec');
const invalid_fields_exception_1 = require('../validation/invalid-fields.exception');
const codec_audit_1 = require('./codec-audit');
const json_payload_1 = require('./json-payload');
/** Injection token of the payload codecs the API's own Temporal client uses. */
exports.PAYLOAD_CODECS = 'PayloadCodecs';
/**
 * The Temporal UI's remote codec: the same codecs as the API's client, applied to payloads in JSON.
 * Namespace-agnostic: one key set serves the namespace this deployment uses.
 */
let CodecService = class CodecService {
  codecs;
  audit;
  constructor(codecs, audit) {
    this.codecs = codecs;
    this.audit = audit;
  }
  async encode(payloads) {
    let encoded = payloads.map(json_payload_1.fromJson);
    for (const codec of this.codecs) encoded = await codec.encode(encoded);
    return encoded.map(json_payload_1.toJson);
  }
  /** One payload at a time, so a 400 can say which payload cannot be decrypted and why; audited. */
  async decode(payloads, caller) {
    const errors = [];
    const payloadsIn = payloads.map(json_payload_1.fromJson);
    const encrypted = payloadsIn.filter(aes_gcm_codec_1.isEncrypted).length;
    try {
      const decoded = await Promise.all(
        payloadsIn.map(async (payload, i) => {
          try {
            return (0, json_payload_1.toJson)(await this.decodeOne(payload));
          } catch (err) {
            if (!(err instanceof aes_gcm_codec_1.PayloadDecryptionError)) throw err;
            errors.push({ field: `payloads[${i}]`, reason: err.message });
            return payloads[i];
          }
        }),
      );
      if (errors.length > 0) throw new invalid_fields_exception_1.InvalidFieldsException(errors);
      return decoded;
    } finally {
      this.audit.decoded({ ...caller, payloads: payloads.length, encrypted, failed: errors.length });
    }
  }
  async decodeOne(payload) {
    let payloads = [payload];
    for (const codec of [...this.codecs].reverse()) payloads = await codec.decode(payloads);
    const [decoded] = payloads;
    if (!decoded) throw new Error('a codec returned no payload');
    return decoded;
  }
};
exports.CodecService = CodecService;
exports.CodecService = CodecService = __decorate(
  [
    (0, common_1.Injectable)(),
    __param(0, (0, common_1.Inject)(exports.PAYLOAD_CODECS)),
    __metadata('design:paramtypes', [Array, codec_audit_1.CodecAudit]),
  ],
  CodecService,
);
//# sourceMappingURL=codec.service.js.map
