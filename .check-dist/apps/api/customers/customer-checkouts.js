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
exports.CustomerCheckoutResponse = exports.CustomerIdParams = void 0;
const swagger_1 = require('@nestjs/swagger');
const checkout_1 = require('../../../common/checkout');
const validate_checkout_1 = require('../../../common/validate-checkout');
const checkout_responses_1 = require('../checkouts/dto/checkout-responses');
const field_rules_1 = require('../validation/field-rules');
class CustomerIdParams {
  customerId;
}
exports.CustomerIdParams = CustomerIdParams;
__decorate(
  [
    (0, swagger_1.ApiProperty)({ example: 'c-42', pattern: validate_checkout_1.ID_PATTERN.source }),
    (0, field_rules_1.IsId)(),
    __metadata('design:type', String),
  ],
  CustomerIdParams.prototype,
  'customerId',
  void 0,
);
class CustomerCheckoutResponse {
  checkoutId;
  workflowId;
  status;
  cartTotal;
  remindersSent;
  startedAt;
  closedAt;
}
exports.CustomerCheckoutResponse = CustomerCheckoutResponse;
__decorate(
  [(0, swagger_1.ApiProperty)({ example: 'co-1' }), __metadata('design:type', String)],
  CustomerCheckoutResponse.prototype,
  'checkoutId',
  void 0,
);
__decorate(
  [(0, swagger_1.ApiProperty)({ example: 'checkout-co-1' }), __metadata('design:type', String)],
  CustomerCheckoutResponse.prototype,
  'workflowId',
  void 0,
);
__decorate(
  [
    (0, swagger_1.ApiProperty)({ enum: [...checkout_1.CHECKOUT_STATES, ...checkout_responses_1.EXECUTION_END_STATES] }),
    __metadata('design:type', String),
  ],
  CustomerCheckoutResponse.prototype,
  'status',
  void 0,
);
__decorate(
  [(0, swagger_1.ApiProperty)({ type: Number, nullable: true, example: 59.9 }), __metadata('design:type', Object)],
  CustomerCheckoutResponse.prototype,
  'cartTotal',
  void 0,
);
__decorate(
  [(0, swagger_1.ApiProperty)({ example: 1 }), __metadata('design:type', Number)],
  CustomerCheckoutResponse.prototype,
  'remindersSent',
  void 0,
);
__decorate(
  [(0, swagger_1.ApiProperty)({ example: '2025-01-31T12:00:00.000Z' }), __metadata('design:type', String)],
  CustomerCheckoutResponse.prototype,
  'startedAt',
  void 0,
);
__decorate(
  [(0, swagger_1.ApiProperty)({ type: String, nullable: true }), __metadata('design:type', Object)],
  CustomerCheckoutResponse.prototype,
  'closedAt',
  void 0,
);
//# sourceMappingURL=customer-checkouts.js.map
