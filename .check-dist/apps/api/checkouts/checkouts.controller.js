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
exports.CheckoutsController = void 0;
const common_1 = require('@nestjs/common');
const swagger_1 = require('@nestjs/swagger');
const api_key_decorators_1 = require('../http/api-key.decorators');
const checkouts_service_1 = require('./checkouts.service');
const checkout_id_params_1 = require('./dto/checkout-id.params');
const checkout_responses_1 = require('./dto/checkout-responses');
const create_checkout_dto_1 = require('./dto/create-checkout.dto');
const record_activity_dto_1 = require('./dto/record-activity.dto');
const record_events_dto_1 = require('./dto/record-events.dto');
const reschedule_dto_1 = require('./dto/reschedule.dto');
let CheckoutsController = class CheckoutsController {
  checkouts;
  constructor(checkouts) {
    this.checkouts = checkouts;
  }
  start(body) {
    return this.checkouts.start(body);
  }
  status({ id }) {
    return this.checkouts.status(id);
  }
  recordActivity({ id }, body) {
    return this.checkouts.recordActivity(id, body.at);
  }
  recordEvents({ id }, body) {
    return this.checkouts.recordEvents(id, body.events);
  }
  reschedule({ id }, body) {
    return this.checkouts.reschedule(id, body);
  }
  cancel({ id }) {
    return this.checkouts.cancel(id);
  }
};
exports.CheckoutsController = CheckoutsController;
__decorate(
  [
    (0, common_1.Post)(),
    (0, common_1.HttpCode)(202),
    (0, swagger_1.ApiOperation)({
      summary: 'Start recovering an abandoned checkout',
      description:
        'Idempotent per checkoutId: a second call starts nothing and answers with the existing checkout ' +
        '(`created: false`), also when it has already closed, e.g. because its order arrived first.',
    }),
    (0, swagger_1.ApiResponse)({ status: 202, type: checkout_responses_1.CheckoutAcceptedResponse }),
    __param(0, (0, common_1.Body)()),
    __metadata('design:type', Function),
    __metadata('design:paramtypes', [create_checkout_dto_1.CreateCheckoutDto]),
    __metadata('design:returntype', Promise),
  ],
  CheckoutsController.prototype,
  'start',
  null,
);
__decorate(
  [
    (0, common_1.Get)(':id'),
    (0, swagger_1.ApiOperation)({
      summary: "The checkout's state, reminders sent and upcoming, asked of the workflow",
    }),
    (0, swagger_1.ApiResponse)({ status: 200, type: checkout_responses_1.CheckoutStatusResponse }),
    (0, swagger_1.ApiResponse)({ status: 404, description: 'Unknown checkout' }),
    (0, swagger_1.ApiResponse)({ status: 503, description: 'No worker answered in time' }),
    __param(0, (0, common_1.Param)()),
    __metadata('design:type', Function),
    __metadata('design:paramtypes', [checkout_id_params_1.CheckoutIdParams]),
    __metadata('design:returntype', Promise),
  ],
  CheckoutsController.prototype,
  'status',
  null,
);
__decorate(
  [
    (0, common_1.Post)(':id/activity'),
    (0, common_1.HttpCode)(202),
    (0, swagger_1.ApiOperation)({
      summary: 'The shopper was active again',
      description: 'Before the first reminder this pushes the schedule back; after it the sequence keeps its pace.',
    }),
    (0, swagger_1.ApiBody)({
      type: record_activity_dto_1.RecordActivityDto,
      required: false,
      description: 'Optional: no body means now',
    }),
    (0, swagger_1.ApiResponse)({ status: 202, type: checkout_responses_1.ActivityAcceptedResponse }),
    (0, swagger_1.ApiResponse)({ status: 404, description: 'Unknown checkout' }),
    (0, swagger_1.ApiResponse)({ status: 409, description: 'The checkout has already closed' }),
    __param(0, (0, common_1.Param)()),
    __param(1, (0, common_1.Body)()),
    __metadata('design:type', Function),
    __metadata('design:paramtypes', [checkout_id_params_1.CheckoutIdParams, record_activity_dto_1.RecordActivityDto]),
    __metadata('design:returntype', Promise),
  ],
  CheckoutsController.prototype,
  'recordActivity',
  null,
);
__decorate(
  [
    (0, common_1.Post)(':id/events'),
    (0, common_1.HttpCode)(202),
    (0, swagger_1.ApiOperation)({
      summary: "The shopper's checkout steps (contact, address, shipping, payment, …)",
      description:
        'Each event counts as activity (before the first reminder it pushes the schedule back) and feeds the ' +
        'checkout progress and its abandonment reason (shipping_cost, payment_failed, out_of_stock, coupon, unknown).',
    }),
    (0, swagger_1.ApiResponse)({ status: 202, type: checkout_responses_1.ActivityAcceptedResponse }),
    (0, swagger_1.ApiResponse)({ status: 404, description: 'Unknown checkout' }),
    (0, swagger_1.ApiResponse)({ status: 409, description: 'The checkout has already closed' }),
    __param(0, (0, common_1.Param)()),
    __param(1, (0, common_1.Body)()),
    __metadata('design:type', Function),
    __metadata('design:paramtypes', [checkout_id_params_1.CheckoutIdParams, record_events_dto_1.RecordEventsDto]),
    __metadata('design:returntype', Promise),
  ],
  CheckoutsController.prototype,
  'recordEvents',
  null,
);
__decorate(
  [
    (0, common_1.Put)(':id/schedule'),
    (0, swagger_1.ApiOperation)({ summary: 'Replace the reminders not yet sent' }),
    (0, swagger_1.ApiResponse)({ status: 200, type: checkout_responses_1.CheckoutStatusResponse }),
    (0, swagger_1.ApiResponse)({ status: 404, description: 'Unknown checkout' }),
    (0, swagger_1.ApiResponse)({ status: 409, description: 'The checkout has already closed' }),
    (0, swagger_1.ApiResponse)({ status: 503, description: 'No worker answered in time; the change may still apply' }),
    __param(0, (0, common_1.Param)()),
    __param(1, (0, common_1.Body)()),
    __metadata('design:type', Function),
    __metadata('design:paramtypes', [checkout_id_params_1.CheckoutIdParams, reschedule_dto_1.RescheduleDto]),
    __metadata('design:returntype', Promise),
  ],
  CheckoutsController.prototype,
  'reschedule',
  null,
);
__decorate(
  [
    (0, common_1.Delete)(':id'),
    (0, common_1.HttpCode)(202),
    (0, swagger_1.ApiOperation)({ summary: 'Stop recovering this checkout; it ends as cancelled' }),
    (0, swagger_1.ApiResponse)({ status: 202, type: checkout_responses_1.CancelAcceptedResponse }),
    (0, swagger_1.ApiResponse)({ status: 404, description: 'Unknown checkout' }),
    (0, swagger_1.ApiResponse)({ status: 409, description: 'The checkout has already closed' }),
    __param(0, (0, common_1.Param)()),
    __metadata('design:type', Function),
    __metadata('design:paramtypes', [checkout_id_params_1.CheckoutIdParams]),
    __metadata('design:returntype', Promise),
  ],
  CheckoutsController.prototype,
  'cancel',
  null,
);
exports.CheckoutsController = CheckoutsController = __decorate(
  [
    (0, swagger_1.ApiTags)('checkouts'),
    (0, api_key_decorators_1.ApiKeyProtected)(),
    (0, swagger_1.ApiResponse)({ status: 400, description: 'Invalid input; `errors` names each field' }),
    (0, common_1.Controller)('checkouts'),
    __metadata('design:paramtypes', [checkouts_service_1.CheckoutsService]),
  ],
  CheckoutsController,
);
//# sourceMappingURL=checkouts.controller.js.map
