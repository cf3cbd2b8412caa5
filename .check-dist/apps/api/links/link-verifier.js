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
exports.LinkVerifier = void 0;
const common_1 = require('@nestjs/common');
const link_token_1 = require('../../shared/link-token');
const app_config_token_1 = require('../app-config.token');
/** Checks the signed links of emails against every configured secret (rotation: old links keep working). */
let LinkVerifier = class LinkVerifier {
  config;
  constructor(config) {
    this.config = config;
  }
  verify(token, purpose) {
    return (0, link_token_1.verifyLink)(token, purpose, this.config.links.secrets);
  }
};
exports.LinkVerifier = LinkVerifier;
exports.LinkVerifier = LinkVerifier = __decorate(
  [
    (0, common_1.Injectable)(),
    __param(0, (0, common_1.Inject)(app_config_token_1.APP_CONFIG)),
    __metadata('design:paramtypes', [Object]),
  ],
  LinkVerifier,
);
//# sourceMappingURL=link-verifier.js.map
