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
exports.RecordEventsDto =
  exports.CheckoutEventDto =
  exports.REQUIRED_BY_TYPE =
  exports.PartialAddressDto =
  exports.MAX_EVENTS_PER_REQUEST =
    void 0;
const swagger_1 = require('@nestjs/swagger');
const class_transformer_1 = require('class-transformer');
const class_validator_1 = require('class-validator');
const checkout_events_1 = require('../../../../common/checkout-events');
const schema_extras_1 = require('../../http/schema-extras');
const field_rules_1 = require('../../validation/field-rules');
// One request carries a journey's worth of events; more is a runaway integration.
exports.MAX_EVENTS_PER_REQUEST = 100;
const SHORT_TEXT = 64;
class PartialAddressDto {
  country;
  postalCode;
  city;
}
exports.PartialAddressDto = PartialAddressDto;
__decorate(
  [
    (0, swagger_1.ApiPropertyOptional)({ example: 'DE' }),
    (0, field_rules_1.Optional)(),
    (0, field_rules_1.IsText)(SHORT_TEXT),
    __metadata('design:type', String),
  ],
  PartialAddressDto.prototype,
  'country',
  void 0,
);
__decorate(
  [
    (0, swagger_1.ApiPropertyOptional)({ example: '10115' }),
    (0, field_rules_1.Optional)(),
    (0, field_rules_1.IsText)(SHORT_TEXT),
    __metadata('design:type', String),
  ],
  PartialAddressDto.prototype,
  'postalCode',
  void 0,
);
__decorate(
  [
    (0, swagger_1.ApiPropertyOptional)({ example: 'Berlin' }),
    (0, field_rules_1.Optional)(),
    (0, field_rules_1.IsText)(SHORT_TEXT),
    __metadata('design:type', String),
  ],
  PartialAddressDto.prototype,
  'city',
  void 0,
);
/** The field each of these event types requires: the checks below and the document's schema both read it. */
exports.REQUIRED_BY_TYPE = {
  shipping_options_viewed: 'shippingCost',
  payment_method_selected: 'paymentMethod',
  payment_failed: 'declineReason',
  item_out_of_stock: 'sku',
  address_entered: 'address',
  custom: 'name',
};
/** Checked where the event type requires it, and wherever it is given. */
const requiredFor = (type) => (e, value) => e.type === type || value !== undefined;
/** In the schema: for each such type, either the event is of another type or it has the field. */
const requiredByType = Object.entries(exports.REQUIRED_BY_TYPE).map(([type, field]) => ({
  anyOf: [{ properties: { type: { not: { enum: [type] } } } }, { required: [field] }],
}));
let CheckoutEventDto = class CheckoutEventDto {
  type;
  at;
  shippingCost;
  paymentMethod;
  declineReason;
  couponCode;
  sku;
  address;
  name;
};
exports.CheckoutEventDto = CheckoutEventDto;
__decorate(
  [
    (0, swagger_1.ApiProperty)({ enum: checkout_events_1.CHECKOUT_EVENT_TYPES }),
    (0, class_validator_1.IsIn)(checkout_events_1.CHECKOUT_EVENT_TYPES, {
      message: `must be one of ${checkout_events_1.CHECKOUT_EVENT_TYPES.join(', ')}`,
    }),
    __metadata('design:type', String),
  ],
  CheckoutEventDto.prototype,
  'type',
  void 0,
);
__decorate(
  [
    (0, swagger_1.ApiProperty)({
      example: '2025-01-31T12:00:00Z',
      ...field_rules_1.ISO_TIME_SCHEMA,
      description: 'When the shopper did it',
    }),
    (0, field_rules_1.IsIsoTime)(),
    __metadata('design:type', String),
  ],
  CheckoutEventDto.prototype,
  'at',
  void 0,
);
__decorate(
  [
    (0, swagger_1.ApiPropertyOptional)({
      example: 6.9,
      minimum: 0,
      description: 'shipping_options_viewed: the cheapest cost shown (required)',
    }),
    (0, class_validator_1.ValidateIf)(requiredFor('shipping_options_viewed')),
    (0, field_rules_1.IsAmount)(),
    __metadata('design:type', Number),
  ],
  CheckoutEventDto.prototype,
  'shippingCost',
  void 0,
);
__decorate(
  [
    (0, swagger_1.ApiPropertyOptional)({
      example: 'card',
      description: 'payment_method_selected (required), payment_failed',
    }),
    (0, class_validator_1.ValidateIf)(requiredFor('payment_method_selected')),
    (0, field_rules_1.IsText)(SHORT_TEXT),
    __metadata('design:type', String),
  ],
  CheckoutEventDto.prototype,
  'paymentMethod',
  void 0,
);
__decorate(
  [
    (0, swagger_1.ApiPropertyOptional)({ example: 'insufficient_funds', description: 'payment_failed (required)' }),
    (0, class_validator_1.ValidateIf)(requiredFor('payment_failed')),
    (0, field_rules_1.IsText)(SHORT_TEXT),
    __metadata('design:type', String),
  ],
  CheckoutEventDto.prototype,
  'declineReason',
  void 0,
);
__decorate(
  [
    (0, swagger_1.ApiPropertyOptional)({ example: 'WELCOME10', description: 'coupon_rejected' }),
    (0, field_rules_1.Optional)(),
    (0, field_rules_1.IsText)(SHORT_TEXT),
    __metadata('design:type', String),
  ],
  CheckoutEventDto.prototype,
  'couponCode',
  void 0,
);
__decorate(
  [
    (0, swagger_1.ApiPropertyOptional)({ example: 'SKU-1', description: 'item_out_of_stock (required)' }),
    (0, class_validator_1.ValidateIf)(requiredFor('item_out_of_stock')),
    (0, field_rules_1.IsText)(SHORT_TEXT),
    __metadata('design:type', String),
  ],
  CheckoutEventDto.prototype,
  'sku',
  void 0,
);
__decorate(
  [
    (0, swagger_1.ApiPropertyOptional)({ type: PartialAddressDto, description: 'address_entered (required)' }),
    (0, class_validator_1.ValidateIf)(requiredFor('address_entered')),
    (0, field_rules_1.IsNested)(() => PartialAddressDto),
    __metadata('design:type', PartialAddressDto),
  ],
  CheckoutEventDto.prototype,
  'address',
  void 0,
);
__decorate(
  [
    (0, swagger_1.ApiPropertyOptional)({
      example: 'gift_wrap_chosen',
      pattern: checkout_events_1.STEP_SLUG_PATTERN.source,
      description: 'custom: the step name (required), a slug: it becomes the CheckoutStep search attribute',
    }),
    (0, class_validator_1.ValidateIf)(requiredFor('custom')),
    (0, field_rules_1.IsText)(SHORT_TEXT),
    (0, class_validator_1.Matches)(checkout_events_1.STEP_SLUG_PATTERN, { message: checkout_events_1.STEP_SLUG_RULE }),
    __metadata('design:type', String),
  ],
  CheckoutEventDto.prototype,
  'name',
  void 0,
);
exports.CheckoutEventDto = CheckoutEventDto = __decorate(
  [(0, schema_extras_1.ApiSchemaExtra)({ allOf: requiredByType })],
  CheckoutEventDto,
);
class RecordEventsDto {
  events;
}
exports.RecordEventsDto = RecordEventsDto;
__decorate(
  [
    (0, swagger_1.ApiProperty)({ type: [CheckoutEventDto], minItems: 1, maxItems: exports.MAX_EVENTS_PER_REQUEST }),
    (0, class_validator_1.IsArray)({ message: 'must be an array of events' }),
    (0, class_validator_1.ArrayMinSize)(1, { message: 'must hold at least one event' }),
    (0, class_validator_1.ArrayMaxSize)(exports.MAX_EVENTS_PER_REQUEST, {
      message: `must hold at most ${exports.MAX_EVENTS_PER_REQUEST} events`,
    }),
    (0, class_validator_1.ValidateNested)({ each: true }),
    (0, class_transformer_1.Type)(() => CheckoutEventDto),
    __metadata('design:type', Array),
  ],
  RecordEventsDto.prototype,
  'events',
  void 0,
);
//# sourceMappingURL=record-events.dto.js.map
