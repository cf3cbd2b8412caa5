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
exports.CodecAuthGuard = void 0;
const common_1 = require('@nestjs/common');
const app_config_token_1 = require('../app-config.token');
const api_key_guard_1 = require('../http/api-key.guard');
/**
 * The codec's own credential, CODEC_AUTH_TOKEN, as `Authorization: Bearer` (what the CLI's
 * --codec-auth and a UI that passes a token send). Never the API key: a browser would need it.
 * Unset: the codec listener's address is its only guard, like the metrics listener's.
 */
let CodecAuthGuard = class CodecAuthGuard {
  config;
  constructor(config) {
    this.config = config;
  }
  canActivate(context) {
    const expected = this.config.codec.authToken;
    if (!expected) return true;
    const presented = (0, api_key_guard_1.bearerToken)(context.switchToHttp().getRequest().headers);
    if (presented !== undefined && (0, api_key_guard_1.sameKey)(presented, expected)) return true;
    throw new common_1.UnauthorizedException(
      'missing or wrong codec token: send Authorization: Bearer <CODEC_AUTH_TOKEN>',
    );
  }
};
exports.CodecAuthGuard = CodecAuthGuard;
exports.CodecAuthGuard = CodecAuthGuard = __decorate(
  [
    (0, common_1.Injectable)(),
    __param(0, (0, common_1.Inject)(app_config_token_1.APP_CONFIG)),
    __metadata('design:paramtypes', [Object]),
  ],
  CodecAuthGuard,
);
//# sourceMappingURL=codec-auth.guard.js.map
