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
exports.LegacyMessageResponse =
  exports.LegacyCheckoutResponse =
  exports.LegacyOrderDto =
  exports.LegacyCheckoutDto =
    void 0;
const swagger_1 = require('@nestjs/swagger');
const validate_checkout_1 = require('../../../common/validate-checkout');
const field_rules_1 = require('../validation/field-rules');
/** What POST /api/checkout makes (`legacy-` and a UUID). */
const LEGACY_ID_EXAMPLE = 'legacy-6f1c2a9e-8b3d-4c1f-9a2e-5d7b3c9e1f04';
class LegacyCheckoutDto {
  email_id;
}
exports.LegacyCheckoutDto = LegacyCheckoutDto;
__decorate(
  [
    (0, swagger_1.ApiProperty)({
      example: 'ada@example.com',
      format: 'email',
      maxLength: field_rules_1.MAX_EMAIL_LENGTH,
    }),
    (0, field_rules_1.IsEmailAddress)(),
    __metadata('design:type', String),
  ],
  LegacyCheckoutDto.prototype,
  'email_id',
  void 0,
);
class LegacyOrderDto {
  order_id;
  email_id;
}
exports.LegacyOrderDto = LegacyOrderDto;
__decorate(
  [
    (0, swagger_1.ApiProperty)({
      example: LEGACY_ID_EXAMPLE,
      pattern: validate_checkout_1.ID_PATTERN.source,
      description: 'The `order_id` POST /api/checkout returned',
    }),
    (0, field_rules_1.IsId)(),
    __metadata('design:type', String),
  ],
  LegacyOrderDto.prototype,
  'order_id',
  void 0,
);
__decorate(
  [
    (0, swagger_1.ApiProperty)({
      example: 'ada@example.com',
      format: 'email',
      maxLength: field_rules_1.MAX_EMAIL_LENGTH,
    }),
    (0, field_rules_1.IsEmailAddress)(),
    __metadata('design:type', String),
  ],
  LegacyOrderDto.prototype,
  'email_id',
  void 0,
);
class LegacyCheckoutResponse {
  msg;
  order_id;
}
exports.LegacyCheckoutResponse = LegacyCheckoutResponse;
__decorate(
  [(0, swagger_1.ApiProperty)({ example: 'checkout recorded' }), __metadata('design:type', String)],
  LegacyCheckoutResponse.prototype,
  'msg',
  void 0,
);
__decorate(
  [
    (0, swagger_1.ApiProperty)({ example: LEGACY_ID_EXAMPLE, description: 'The new checkout id' }),
    __metadata('design:type', String),
  ],
  LegacyCheckoutResponse.prototype,
  'order_id',
  void 0,
);
class LegacyMessageResponse {
  msg;
}
exports.LegacyMessageResponse = LegacyMessageResponse;
__decorate(
  [(0, swagger_1.ApiProperty)({ example: 'order recorded' }), __metadata('design:type', String)],
  LegacyMessageResponse.prototype,
  'msg',
  void 0,
);
//# sourceMappingURL=legacy.dto.js.map
