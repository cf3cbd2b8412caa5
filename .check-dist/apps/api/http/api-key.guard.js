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
exports.ApiKeyGuard = void 0;
exports.bearerToken = bearerToken;
exports.sameKey = sameKey;
const node_crypto_1 = require('node:crypto');
const common_1 = require('@nestjs/common');
const core_1 = require('@nestjs/core');
const app_config_token_1 = require('../app-config.token');
const dashboard_session_1 = require('../dashboard/dashboard-session');
const api_key_decorators_1 = require('./api-key.decorators');
function bearerToken(headers) {
  return /^Bearer\s+(.+)$/i.exec(String(headers.authorization ?? ''))?.[1]?.trim();
}
function presentedKey(headers) {
  const direct = headers['x-api-key'];
  return typeof direct === 'string' ? direct : bearerToken(headers);
}
/** Compares digests so neither the key's content nor its length leaks through timing. */
function sameKey(presented, expected) {
  const digest = (s) => (0, node_crypto_1.createHash)('sha256').update(s).digest();
  return (0, node_crypto_1.timingSafeEqual)(digest(presented), digest(expected));
}
/**
 * When API_KEY is set, every route not marked @Public() needs `x-api-key` or `Authorization: Bearer`;
 * a route marked @AcceptsDashboardSession() also takes the dashboard's sign-in cookie.
 */
let ApiKeyGuard = class ApiKeyGuard {
  reflector;
  config;
  constructor(reflector, config) {
    this.reflector = reflector;
    this.config = config;
  }
  canActivate(context) {
    const expected = this.config.api.apiKey;
    if (!expected) return true;
    if (this.reflector.getAllAndOverride(api_key_decorators_1.IS_PUBLIC, [context.getHandler(), context.getClass()]))
      return true;
    const { headers } = context.switchToHttp().getRequest();
    const presented = presentedKey(headers);
    if (presented !== undefined && sameKey(presented, expected)) return true;
    // Only where a route asks for it, and only a token derived from the current key: fail closed.
    if (
      this.reflector.getAllAndOverride(api_key_decorators_1.ACCEPTS_DASHBOARD_SESSION, [
        context.getHandler(),
        context.getClass(),
      ])
    ) {
      const session = (0, dashboard_session_1.cookieValue)(headers, dashboard_session_1.SESSION_COOKIE);
      if (session !== undefined && sameKey(session, (0, dashboard_session_1.sessionToken)(expected))) return true;
    }
    throw new common_1.UnauthorizedException('missing or wrong API key: send x-api-key or Authorization: Bearer');
  }
};
exports.ApiKeyGuard = ApiKeyGuard;
exports.ApiKeyGuard = ApiKeyGuard = __decorate(
  [
    (0, common_1.Injectable)(),
    __param(1, (0, common_1.Inject)(app_config_token_1.APP_CONFIG)),
    __metadata('design:paramtypes', [core_1.Reflector, Object]),
  ],
  ApiKeyGuard,
);
//# sourceMappingURL=api-key.guard.js.map
