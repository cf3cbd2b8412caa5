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
exports.UnsubscribeController = void 0;
const common_1 = require('@nestjs/common');
const swagger_1 = require('@nestjs/swagger');
const api_key_decorators_1 = require('../http/api-key.decorators');
const html_page_1 = require('../http/html-page');
const unsubscribe_service_1 = require('./unsubscribe.service');
/** Linked from emails (List-Unsubscribe), so public and HTML; the signed token is the credential. */
let UnsubscribeController = class UnsubscribeController {
  unsubscribe;
  constructor(unsubscribe) {
    this.unsubscribe = unsubscribe;
  }
  confirm(token, res) {
    (0, html_page_1.sendPage)(res, this.unsubscribe.confirmation(token));
  }
  /** Also the RFC 8058 one-click target: mail clients POST `List-Unsubscribe=One-Click` here. */
  async confirmed(token, res) {
    (0, html_page_1.sendPage)(res, await this.unsubscribe.unsubscribe(token));
  }
};
exports.UnsubscribeController = UnsubscribeController;
__decorate(
  [
    (0, common_1.Get)(),
    __param(0, (0, common_1.Query)('token')),
    __param(1, (0, common_1.Res)()),
    __metadata('design:type', Function),
    __metadata('design:paramtypes', [Object, Object]),
    __metadata('design:returntype', void 0),
  ],
  UnsubscribeController.prototype,
  'confirm',
  null,
);
__decorate(
  [
    (0, common_1.Post)(),
    (0, common_1.HttpCode)(200),
    __param(0, (0, common_1.Query)('token')),
    __param(1, (0, common_1.Res)()),
    __metadata('design:type', Function),
    __metadata('design:paramtypes', [Object, Object]),
    __metadata('design:returntype', Promise),
  ],
  UnsubscribeController.prototype,
  'confirmed',
  null,
);
exports.UnsubscribeController = UnsubscribeController = __decorate(
  [
    (0, swagger_1.ApiExcludeController)(),
    (0, api_key_decorators_1.Public)(),
    (0, common_1.Controller)('unsubscribe'),
    __metadata('design:paramtypes', [unsubscribe_service_1.UnsubscribeService]),
  ],
  UnsubscribeController,
);
//# sourceMappingURL=unsubscribe.controller.js.map
