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
exports.LegacyController = void 0;
const common_1 = require('@nestjs/common');
const swagger_1 = require('@nestjs/swagger');
const api_key_decorators_1 = require('../http/api-key.decorators');
const legacy_dto_1 = require('./legacy.dto');
const legacy_service_1 = require('./legacy.service');
let LegacyController = class LegacyController {
  legacy;
  constructor(legacy) {
    this.legacy = legacy;
  }
  checkout(body) {
    return this.legacy.checkout(body.email_id);
  }
  order(body) {
    return this.legacy.order(body.order_id);
  }
};
exports.LegacyController = LegacyController;
__decorate(
  [
    (0, common_1.Post)('checkout'),
    (0, common_1.HttpCode)(200),
    (0, swagger_1.ApiOperation)({
      deprecated: true,
      summary: 'Old system: a checkout known only by email; use POST /checkouts',
      description: 'Starts a checkout with an empty USD cart and the default schedule; `order_id` is its checkout id.',
    }),
    (0, swagger_1.ApiResponse)({ status: 200, type: legacy_dto_1.LegacyCheckoutResponse }),
    __param(0, (0, common_1.Body)()),
    __metadata('design:type', Function),
    __metadata('design:paramtypes', [legacy_dto_1.LegacyCheckoutDto]),
    __metadata('design:returntype', Promise),
  ],
  LegacyController.prototype,
  'checkout',
  null,
);
__decorate(
  [
    (0, common_1.Post)('order'),
    (0, common_1.HttpCode)(200),
    (0, swagger_1.ApiOperation)({
      deprecated: true,
      summary: 'Old system: the checkout `order_id` was ordered; use POST /orders',
    }),
    (0, swagger_1.ApiResponse)({ status: 200, type: legacy_dto_1.LegacyMessageResponse }),
    __param(0, (0, common_1.Body)()),
    __metadata('design:type', Function),
    __metadata('design:paramtypes', [legacy_dto_1.LegacyOrderDto]),
    __metadata('design:returntype', Promise),
  ],
  LegacyController.prototype,
  'order',
  null,
);
exports.LegacyController = LegacyController = __decorate(
  [
    (0, swagger_1.ApiTags)('legacy'),
    (0, api_key_decorators_1.ApiKeyProtected)(),
    (0, swagger_1.ApiResponse)({ status: 400, description: 'Invalid input; `errors` names each field' }),
    (0, common_1.Controller)('api'),
    __metadata('design:paramtypes', [legacy_service_1.LegacyService]),
  ],
  LegacyController,
);
//# sourceMappingURL=legacy.controller.js.map
