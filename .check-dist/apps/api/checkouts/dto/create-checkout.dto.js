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
exports.CreateCheckoutDto =
  exports.CartDto =
  exports.CartLineDto =
  exports.CustomerDto =
  exports.PushSubscriptionDto =
  exports.PushSubscriptionKeysDto =
  exports.MAX_SKU_LENGTH =
  exports.MAX_NAME_LENGTH =
  exports.MAX_QUANTITY =
  exports.MAX_CART_LINES =
    void 0;
const swagger_1 = require('@nestjs/swagger');
const class_transformer_1 = require('class-transformer');
const class_validator_1 = require('class-validator');
const push_subscription_1 = require('../../../../common/push-subscription');
const schedule_1 = require('../../../../common/schedule');
const validate_checkout_1 = require('../../../../common/validate-checkout');
const validate_policy_1 = require('../../../../common/validate-policy');
const web_push_keys_1 = require('../../../../common/web-push-keys');
const field_rules_1 = require('../../validation/field-rules');
const schedule_step_dto_1 = require('./schedule-step.dto');
// Bounds that keep one workflow input small (it is stored in every history event that carries it).
exports.MAX_CART_LINES = 100;
exports.MAX_QUANTITY = 10_000;
exports.MAX_NAME_LENGTH = 200;
exports.MAX_SKU_LENGTH = 128;
class PushSubscriptionKeysDto {
  p256dh;
  auth;
}
exports.PushSubscriptionKeysDto = PushSubscriptionKeysDto;
__decorate(
  [
    (0, swagger_1.ApiProperty)({
      description: "The browser's P-256 public key, base64url (65 bytes)",
      pattern: web_push_keys_1.P256_POINT_BASE64URL.source,
      example: 'BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM',
    }),
    (0, field_rules_1.rule)(
      'isP256Key',
      'must be base64url of an uncompressed P-256 public key (65 bytes)',
      (v) => typeof v === 'string' && (0, web_push_keys_1.isUncompressedP256Point)(v),
    ),
    __metadata('design:type', String),
  ],
  PushSubscriptionKeysDto.prototype,
  'p256dh',
  void 0,
);
__decorate(
  [
    (0, swagger_1.ApiProperty)({
      description: 'The authentication secret, base64url (16 bytes)',
      pattern: web_push_keys_1.AUTH_SECRET_BASE64URL.source,
      example: 'tBHItJI5svbpez7KI4CCXg',
    }),
    (0, field_rules_1.rule)(
      'isAuthSecret',
      'must be base64url of 16 bytes',
      (v) =>
        typeof v === 'string' && (0, web_push_keys_1.decodeBase64Url)(v)?.length === web_push_keys_1.AUTH_SECRET_BYTES,
    ),
    __metadata('design:type', String),
  ],
  PushSubscriptionKeysDto.prototype,
  'auth',
  void 0,
);
class PushSubscriptionDto {
  endpoint;
  expirationTime;
  keys;
}
exports.PushSubscriptionDto = PushSubscriptionDto;
__decorate(
  [
    (0, swagger_1.ApiProperty)({
      example: 'https://fcm.googleapis.com/fcm/send/eX4mPl3',
      maxLength: field_rules_1.MAX_URL_LENGTH,
      format: 'uri',
      pattern: validate_checkout_1.HTTP_URL_PATTERN.source,
    }),
    (0, field_rules_1.IsHttpUrl)(),
    // The workflow's own endpoint check too (no credentials in the URL), so the edge never accepts less.
    (0, field_rules_1.rule)(
      'isPushEndpoint',
      'must be an http(s) URL without credentials',
      (v) =>
        !(0, push_subscription_1.pushSubscriptionErrors)({ endpoint: v, keys: {} }, 's').some(
          (e) => e.field === 's.endpoint',
        ),
    ),
    __metadata('design:type', String),
  ],
  PushSubscriptionDto.prototype,
  'endpoint',
  void 0,
);
__decorate(
  [
    (0, swagger_1.ApiPropertyOptional)({
      type: Number,
      nullable: true,
      minimum: 0,
      description: 'Epoch ms, as the browser gives it',
    }),
    (0, class_validator_1.IsOptional)(),
    (0, field_rules_1.IsAmount)(),
    __metadata('design:type', Object),
  ],
  PushSubscriptionDto.prototype,
  'expirationTime',
  void 0,
);
__decorate(
  [
    (0, swagger_1.ApiProperty)({ type: PushSubscriptionKeysDto }),
    (0, field_rules_1.IsNested)(() => PushSubscriptionKeysDto),
    __metadata('design:type', PushSubscriptionKeysDto),
  ],
  PushSubscriptionDto.prototype,
  'keys',
  void 0,
);
class CustomerDto {
  id;
  email;
  name;
  locale;
  timezone;
  phone;
  pushSubscription;
  tier;
}
exports.CustomerDto = CustomerDto;
__decorate(
  [
    (0, swagger_1.ApiProperty)({ example: 'c-42', pattern: validate_checkout_1.ID_PATTERN.source }),
    (0, field_rules_1.IsId)(),
    __metadata('design:type', String),
  ],
  CustomerDto.prototype,
  'id',
  void 0,
);
__decorate(
  [
    (0, swagger_1.ApiProperty)({
      example: 'ada@example.com',
      maxLength: field_rules_1.MAX_EMAIL_LENGTH,
      format: 'email',
    }),
    (0, field_rules_1.IsEmailAddress)(),
    __metadata('design:type', String),
  ],
  CustomerDto.prototype,
  'email',
  void 0,
);
__decorate(
  [
    (0, swagger_1.ApiPropertyOptional)({ example: 'Ada', maxLength: exports.MAX_NAME_LENGTH }),
    (0, field_rules_1.Optional)(),
    (0, field_rules_1.IsText)(exports.MAX_NAME_LENGTH),
    __metadata('design:type', String),
  ],
  CustomerDto.prototype,
  'name',
  void 0,
);
__decorate(
  [
    (0, swagger_1.ApiPropertyOptional)({
      example: 'de-DE',
      pattern: field_rules_1.LOCALE_PATTERN.source,
      description: 'BCP 47 tag: language, optional script and region (de-DE, zh-Hant-TW, es-419)',
    }),
    (0, field_rules_1.Optional)(),
    (0, field_rules_1.IsLocaleTag)(),
    __metadata('design:type', String),
  ],
  CustomerDto.prototype,
  'locale',
  void 0,
);
__decorate(
  [
    (0, swagger_1.ApiPropertyOptional)({
      enum: field_rules_1.TIME_ZONES,
      example: 'Europe/Berlin',
      description: 'IANA time zone',
    }),
    (0, field_rules_1.Optional)(),
    (0, field_rules_1.IsTimeZone)(),
    __metadata('design:type', String),
  ],
  CustomerDto.prototype,
  'timezone',
  void 0,
);
__decorate(
  [
    (0, swagger_1.ApiPropertyOptional)({
      example: '+14155550123',
      pattern: validate_checkout_1.E164_PATTERN.source,
      description: 'E.164 mobile number, for SMS reminders',
    }),
    (0, field_rules_1.Optional)(),
    (0, class_validator_1.Matches)(validate_checkout_1.E164_PATTERN, {
      message: 'must be an E.164 number like "+14155550123"',
    }),
    __metadata('design:type', String),
  ],
  CustomerDto.prototype,
  'phone',
  void 0,
);
__decorate(
  [
    (0, swagger_1.ApiPropertyOptional)({
      type: PushSubscriptionDto,
      description: "The browser's PushSubscription.toJSON(), for web push reminders",
    }),
    (0, field_rules_1.Optional)(),
    (0, field_rules_1.IsNested)(() => PushSubscriptionDto),
    __metadata('design:type', PushSubscriptionDto),
  ],
  CustomerDto.prototype,
  'pushSubscription',
  void 0,
);
__decorate(
  [
    (0, swagger_1.ApiPropertyOptional)({
      example: 'gold',
      pattern: validate_policy_1.TIER_PATTERN.source,
      description: "The shop's loyalty tier; discount rules may depend on it",
    }),
    (0, field_rules_1.Optional)(),
    (0, field_rules_1.rule)(
      'isTier',
      'must be 1-64 letters, digits, spaces, ".", "_" or "-"',
      (v) => typeof v === 'string' && validate_policy_1.TIER_PATTERN.test(v),
    ),
    __metadata('design:type', String),
  ],
  CustomerDto.prototype,
  'tier',
  void 0,
);
class CartLineDto {
  sku;
  name;
  quantity;
  unitPrice;
  imageUrl;
}
exports.CartLineDto = CartLineDto;
__decorate(
  [
    (0, swagger_1.ApiProperty)({ example: 'SKU-1', maxLength: exports.MAX_SKU_LENGTH }),
    (0, field_rules_1.IsText)(exports.MAX_SKU_LENGTH),
    __metadata('design:type', String),
  ],
  CartLineDto.prototype,
  'sku',
  void 0,
);
__decorate(
  [
    (0, swagger_1.ApiProperty)({ example: 'Blue mug', maxLength: exports.MAX_NAME_LENGTH }),
    (0, field_rules_1.IsText)(exports.MAX_NAME_LENGTH),
    __metadata('design:type', String),
  ],
  CartLineDto.prototype,
  'name',
  void 0,
);
__decorate(
  [
    (0, swagger_1.ApiProperty)({ type: 'integer', example: 2, minimum: 1, maximum: exports.MAX_QUANTITY }),
    (0, field_rules_1.IsQuantity)(exports.MAX_QUANTITY),
    __metadata('design:type', Number),
  ],
  CartLineDto.prototype,
  'quantity',
  void 0,
);
__decorate(
  [
    (0, swagger_1.ApiProperty)({ example: 19.95, minimum: 0, description: 'Price of one unit, major units' }),
    (0, field_rules_1.IsAmount)(),
    __metadata('design:type', Number),
  ],
  CartLineDto.prototype,
  'unitPrice',
  void 0,
);
__decorate(
  [
    (0, swagger_1.ApiPropertyOptional)({
      example: 'https://shop.example.com/img/mug.png',
      maxLength: field_rules_1.MAX_URL_LENGTH,
      format: 'uri',
      pattern: validate_checkout_1.HTTP_URL_PATTERN.source,
    }),
    (0, field_rules_1.Optional)(),
    (0, field_rules_1.IsHttpUrl)(),
    __metadata('design:type', String),
  ],
  CartLineDto.prototype,
  'imageUrl',
  void 0,
);
class CartDto {
  currency;
  total;
  items;
}
exports.CartDto = CartDto;
__decorate(
  [
    (0, swagger_1.ApiProperty)({ example: 'EUR', pattern: '^[A-Z]{3}$', description: 'ISO 4217 code' }),
    (0, class_validator_1.Matches)(/^[A-Z]{3}$/, {
      message: 'must be an ISO 4217 code of 3 uppercase letters like "EUR"',
    }),
    __metadata('design:type', String),
  ],
  CartDto.prototype,
  'currency',
  void 0,
);
__decorate(
  [
    (0, swagger_1.ApiProperty)({ example: 59.9, minimum: 0 }),
    (0, field_rules_1.IsAmount)(),
    __metadata('design:type', Number),
  ],
  CartDto.prototype,
  'total',
  void 0,
);
__decorate(
  [
    (0, swagger_1.ApiProperty)({ type: [CartLineDto], maxItems: exports.MAX_CART_LINES }),
    (0, class_validator_1.IsArray)({ message: 'must be an array' }),
    (0, class_validator_1.ArrayMaxSize)(exports.MAX_CART_LINES, {
      message: `must have at most ${exports.MAX_CART_LINES} lines`,
    }),
    (0, class_validator_1.ValidateNested)({ each: true }),
    (0, class_transformer_1.Type)(() => CartLineDto),
    __metadata('design:type', Array),
  ],
  CartDto.prototype,
  'items',
  void 0,
);
class CreateCheckoutDto {
  checkoutId;
  customer;
  cart;
  checkoutUrl;
  schedule;
  lastActivityAt;
}
exports.CreateCheckoutDto = CreateCheckoutDto;
__decorate(
  [
    (0, swagger_1.ApiProperty)({ example: 'co-1', pattern: validate_checkout_1.ID_PATTERN.source }),
    (0, field_rules_1.IsId)(),
    __metadata('design:type', String),
  ],
  CreateCheckoutDto.prototype,
  'checkoutId',
  void 0,
);
__decorate(
  [
    (0, swagger_1.ApiProperty)({ type: CustomerDto }),
    (0, field_rules_1.IsNested)(() => CustomerDto),
    __metadata('design:type', CustomerDto),
  ],
  CreateCheckoutDto.prototype,
  'customer',
  void 0,
);
__decorate(
  [
    (0, swagger_1.ApiProperty)({ type: CartDto }),
    (0, field_rules_1.IsNested)(() => CartDto),
    __metadata('design:type', CartDto),
  ],
  CreateCheckoutDto.prototype,
  'cart',
  void 0,
);
__decorate(
  [
    (0, swagger_1.ApiProperty)({
      example: 'https://shop.example.com/checkout/co-1',
      maxLength: field_rules_1.MAX_URL_LENGTH,
      format: 'uri',
      pattern: validate_checkout_1.HTTP_URL_PATTERN.source,
    }),
    (0, field_rules_1.IsHttpUrl)(),
    __metadata('design:type', String),
  ],
  CreateCheckoutDto.prototype,
  'checkoutUrl',
  void 0,
);
__decorate(
  [
    (0, swagger_1.ApiPropertyOptional)({
      type: [schedule_step_dto_1.ScheduleStepDto],
      minItems: 1,
      maxItems: schedule_1.MAX_STEPS,
      description: 'Overrides the configured default schedule for this checkout; offsets must increase',
    }),
    (0, field_rules_1.Optional)(),
    (0, field_rules_1.IsSchedule)(),
    (0, class_validator_1.ValidateNested)({ each: true }),
    (0, class_transformer_1.Type)(() => schedule_step_dto_1.ScheduleStepDto),
    __metadata('design:type', Array),
  ],
  CreateCheckoutDto.prototype,
  'schedule',
  void 0,
);
__decorate(
  [
    (0, swagger_1.ApiPropertyOptional)({
      example: '2025-01-31T12:00:00Z',
      ...field_rules_1.ISO_TIME_SCHEMA,
      description: "The shopper's last activity; reminders count from it. Defaults to now",
    }),
    (0, field_rules_1.Optional)(),
    (0, field_rules_1.IsIsoTime)(),
    __metadata('design:type', String),
  ],
  CreateCheckoutDto.prototype,
  'lastActivityAt',
  void 0,
);
//# sourceMappingURL=create-checkout.dto.js.map
