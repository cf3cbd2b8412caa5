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
exports.PreferencesController = void 0;
const common_1 = require('@nestjs/common');
const swagger_1 = require('@nestjs/swagger');
const checkout_1 = require('../../../common/checkout');
const quiet_hours_1 = require('../../../common/quiet-hours');
const api_key_decorators_1 = require('../http/api-key.decorators');
const field_rules_1 = require('../validation/field-rules');
const customer_checkouts_1 = require('./customer-checkouts');
const preferences_service_1 = require('./preferences.service');
class QuietHoursSchema {
  start;
  end;
}
__decorate(
  [
    (0, swagger_1.ApiProperty)({ example: '21:00', pattern: quiet_hours_1.HH_MM.source }),
    __metadata('design:type', String),
  ],
  QuietHoursSchema.prototype,
  'start',
  void 0,
);
__decorate(
  [
    (0, swagger_1.ApiProperty)({ example: '08:00', pattern: quiet_hours_1.HH_MM.source }),
    __metadata('design:type', String),
  ],
  QuietHoursSchema.prototype,
  'end',
  void 0,
);
/** OpenAPI only: the body is checked by preferencesErrors, which also refuses unknown fields. */
class PreferencesBody {
  optedOut;
  channels;
  quietHours;
  timezone;
}
__decorate(
  [
    (0, swagger_1.ApiPropertyOptional)({ description: 'No recovery message at all (unsubscribed)', default: false }),
    __metadata('design:type', Boolean),
  ],
  PreferencesBody.prototype,
  'optedOut',
  void 0,
);
__decorate(
  [
    (0, swagger_1.ApiPropertyOptional)({
      enum: checkout_1.CHANNELS,
      isArray: true,
      uniqueItems: true,
      description: 'Channels allowed, each once; absent: every channel',
    }),
    __metadata('design:type', Array),
  ],
  PreferencesBody.prototype,
  'channels',
  void 0,
);
__decorate(
  [
    (0, swagger_1.ApiPropertyOptional)({
      type: QuietHoursSchema,
      nullable: true,
      description: "The customer's own quiet hours in their zone; null: none; absent: the shop's",
    }),
    __metadata('design:type', Object),
  ],
  PreferencesBody.prototype,
  'quietHours',
  void 0,
);
__decorate(
  [
    (0, swagger_1.ApiPropertyOptional)({
      enum: field_rules_1.TIME_ZONES,
      example: 'Europe/Berlin',
      description: "Replaces the checkout's time zone",
    }),
    __metadata('design:type', String),
  ],
  PreferencesBody.prototype,
  'timezone',
  void 0,
);
class PreferencesResponseBody extends PreferencesBody {
  customerId;
  updatedAt;
  optedOutAt;
  optOutSource;
  checkoutsUpdated;
}
__decorate(
  [(0, swagger_1.ApiProperty)({ example: 'c-42' }), __metadata('design:type', String)],
  PreferencesResponseBody.prototype,
  'customerId',
  void 0,
);
__decorate(
  [(0, swagger_1.ApiProperty)({ default: false }), __metadata('design:type', Boolean)],
  PreferencesResponseBody.prototype,
  'optedOut',
  void 0,
);
__decorate(
  [
    (0, swagger_1.ApiPropertyOptional)({
      example: '2025-01-31T12:00:00.000Z',
      description: 'Absent until preferences are set',
    }),
    __metadata('design:type', String),
  ],
  PreferencesResponseBody.prototype,
  'updatedAt',
  void 0,
);
__decorate(
  [
    (0, swagger_1.ApiPropertyOptional)({ description: 'When the customer opted out' }),
    __metadata('design:type', String),
  ],
  PreferencesResponseBody.prototype,
  'optedOutAt',
  void 0,
);
__decorate(
  [
    (0, swagger_1.ApiPropertyOptional)({ enum: ['link', 'api'], description: 'How the customer opted out' }),
    __metadata('design:type', String),
  ],
  PreferencesResponseBody.prototype,
  'optOutSource',
  void 0,
);
__decorate(
  [
    (0, swagger_1.ApiPropertyOptional)({ description: 'PUT: the running checkouts told of the change' }),
    __metadata('design:type', Number),
  ],
  PreferencesResponseBody.prototype,
  'checkoutsUpdated',
  void 0,
);
let PreferencesController = class PreferencesController {
  preferences;
  constructor(preferences) {
    this.preferences = preferences;
  }
  get({ customerId }) {
    return this.preferences.get(customerId);
  }
  put({ customerId }, body) {
    return this.preferences.put(customerId, body);
  }
};
exports.PreferencesController = PreferencesController;
__decorate(
  [
    (0, common_1.Get)(':customerId/preferences'),
    (0, swagger_1.ApiOperation)({ summary: "The customer's contact preferences (defaults when none were set)" }),
    (0, swagger_1.ApiResponse)({ status: 200, type: PreferencesResponseBody }),
    (0, swagger_1.ApiResponse)({ status: 503, description: 'The API runs without a database' }),
    __param(0, (0, common_1.Param)()),
    __metadata('design:type', Function),
    __metadata('design:paramtypes', [customer_checkouts_1.CustomerIdParams]),
    __metadata('design:returntype', Promise),
  ],
  PreferencesController.prototype,
  'get',
  null,
);
__decorate(
  [
    (0, common_1.Put)(':customerId/preferences'),
    (0, swagger_1.ApiOperation)({
      summary: "Replace the customer's contact preferences",
      description:
        'Fields left out go back to their defaults. The running checkouts of the customer are told at once: ' +
        'an opt-out stops them, new quiet hours or zone move their next reminder. `checkoutsUpdated` counts them.',
    }),
    (0, swagger_1.ApiBody)({ type: PreferencesBody }),
    (0, swagger_1.ApiResponse)({ status: 200, type: PreferencesResponseBody }),
    (0, swagger_1.ApiResponse)({ status: 400, description: 'Invalid preferences; `errors` names each field' }),
    __param(0, (0, common_1.Param)()),
    __param(1, (0, common_1.Body)()),
    __metadata('design:type', Function),
    __metadata('design:paramtypes', [customer_checkouts_1.CustomerIdParams, Object]),
    __metadata('design:returntype', Promise),
  ],
  PreferencesController.prototype,
  'put',
  null,
);
exports.PreferencesController = PreferencesController = __decorate(
  [
    (0, swagger_1.ApiTags)('customers'),
    (0, api_key_decorators_1.ApiKeyProtected)(),
    (0, common_1.Controller)('customers'),
    __metadata('design:paramtypes', [preferences_service_1.PreferencesService]),
  ],
  PreferencesController,
);
//# sourceMappingURL=preferences.controller.js.map
