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
exports.CodecController = void 0;
const common_1 = require('@nestjs/common');
const swagger_1 = require('@nestjs/swagger');
const api_key_decorators_1 = require('../http/api-key.decorators');
const codec_service_1 = require('./codec.service');
const codec_auth_guard_1 = require('./codec-auth.guard');
const codec_payloads_dto_1 = require('./codec-payloads.dto');
const header = (req, name) => {
  const value = req.headers[name];
  return typeof value === 'string' ? value : undefined;
};
/**
 * The Temporal UI's remote codec protocol (`--ui-codec-endpoint http://<CODEC_ADDRESS>/codec`),
 * answered on the codec listener only (codec-server.ts); the API key does not open it, its own
 * CODEC_AUTH_TOKEN does when set.
 */
// Not in the public document: these routes answer on the codec listener only (404 on the public port).
let CodecController = class CodecController {
  codec;
  constructor(codec) {
    this.codec = codec;
  }
  async encode({ payloads }) {
    return { payloads: await this.codec.encode(payloads) };
  }
  async decode({ payloads }, req) {
    const caller = {
      remoteAddress: req.socket.remoteAddress,
      origin: header(req, 'origin'),
      namespace: header(req, 'x-namespace'),
    };
    return { payloads: await this.codec.decode(payloads, caller) };
  }
};
exports.CodecController = CodecController;
__decorate(
  [
    (0, common_1.Post)('encode'),
    (0, common_1.HttpCode)(200),
    (0, swagger_1.ApiOperation)({
      summary: 'Encrypt payloads as workers and clients do (the UI uses it for signals and queries it sends)',
      description: 'On CODEC_ADDRESS, not on the public port.',
    }),
    (0, swagger_1.ApiResponse)({ status: 200, type: codec_payloads_dto_1.CodecPayloadsDto }),
    (0, swagger_1.ApiResponse)({ status: 400, description: 'Invalid body; `errors` names each field' }),
    __param(0, (0, common_1.Body)()),
    __metadata('design:type', Function),
    __metadata('design:paramtypes', [codec_payloads_dto_1.CodecPayloadsDto]),
    __metadata('design:returntype', Promise),
  ],
  CodecController.prototype,
  'encode',
  null,
);
__decorate(
  [
    (0, common_1.Post)('decode'),
    (0, common_1.HttpCode)(200),
    (0, swagger_1.ApiOperation)({
      summary: 'Decrypt payloads for the Temporal UI',
      description: 'On CODEC_ADDRESS, not on the public port. Payloads that are not encrypted come back unchanged.',
    }),
    (0, swagger_1.ApiResponse)({ status: 200, type: codec_payloads_dto_1.CodecPayloadsDto }),
    (0, swagger_1.ApiResponse)({
      status: 400,
      description: 'Invalid body, or a payload that cannot be decrypted (unknown key id, altered): `errors` says which',
    }),
    __param(0, (0, common_1.Body)()),
    __param(1, (0, common_1.Req)()),
    __metadata('design:type', Function),
    __metadata('design:paramtypes', [codec_payloads_dto_1.CodecPayloadsDto, Object]),
    __metadata('design:returntype', Promise),
  ],
  CodecController.prototype,
  'decode',
  null,
);
exports.CodecController = CodecController = __decorate(
  [
    (0, swagger_1.ApiExcludeController)(),
    (0, swagger_1.ApiTags)('codec'),
    (0, api_key_decorators_1.Public)(),
    (0, common_1.UseGuards)(codec_auth_guard_1.CodecAuthGuard),
    (0, swagger_1.ApiBearerAuth)(api_key_decorators_1.BEARER_SCHEME),
    (0, swagger_1.ApiHeader)({
      name: 'X-Namespace',
      required: false,
      description: 'Sent by the Temporal UI; the same keys serve it',
    }),
    (0, swagger_1.ApiResponse)({ status: 401, description: 'CODEC_AUTH_TOKEN is set and the request lacks it' }),
    (0, common_1.Controller)('codec'),
    __metadata('design:paramtypes', [codec_service_1.CodecService]),
  ],
  CodecController,
);
//# sourceMappingURL=codec.controller.js.map
