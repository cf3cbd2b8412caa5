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
exports.RecordOrderDto = void 0;
const swagger_1 = require('@nestjs/swagger');
const validate_checkout_1 = require('../../../common/validate-checkout');
const field_rules_1 = require('../validation/field-rules');
class RecordOrderDto {
  checkoutId;
  orderId;
  total;
  discountCode;
}
exports.RecordOrderDto = RecordOrderDto;
__decorate(
  [
    (0, swagger_1.ApiProperty)({ example: 'co-1', pattern: validate_checkout_1.ID_PATTERN.source }),
    (0, field_rules_1.IsId)(),
    __metadata('design:type', String),
  ],
  RecordOrderDto.prototype,
  'checkoutId',
  void 0,
);
__decorate(
  [
    (0, swagger_1.ApiProperty)({ example: 'o-9', pattern: validate_checkout_1.ID_PATTERN.source }),
    (0, field_rules_1.IsId)(),
    __metadata('design:type', String),
  ],
  RecordOrderDto.prototype,
  'orderId',
  void 0,
);
__decorate(
  [
    (0, swagger_1.ApiPropertyOptional)({ example: 59.9, minimum: 0 }),
    (0, field_rules_1.Optional)(),
    (0, field_rules_1.IsAmount)(),
    __metadata('design:type', Number),
  ],
  RecordOrderDto.prototype,
  'total',
  void 0,
);
__decorate(
  [
    (0, swagger_1.ApiPropertyOptional)({
      example: 'SAVE10-7KQ2',
      pattern: validate_checkout_1.ID_PATTERN.source,
      description: 'The discount code the order redeemed, if any (e.g. one a reminder offered)',
    }),
    (0, field_rules_1.Optional)(),
    (0, field_rules_1.IsId)(),
    __metadata('design:type', String),
  ],
  RecordOrderDto.prototype,
  'discountCode',
  void 0,
);
//# sourceMappingURL=record-order.dto.js.map
