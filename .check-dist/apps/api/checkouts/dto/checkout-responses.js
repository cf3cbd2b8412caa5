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
exports.CheckoutStatusResponse =
  exports.CancelAcceptedResponse =
  exports.ActivityAcceptedResponse =
  exports.CheckoutAcceptedResponse =
  exports.EXECUTION_END_STATES =
    void 0;
// Response shapes, for the OpenAPI document; the service returns plain objects of these shapes.
const swagger_1 = require('@nestjs/swagger');
const checkout_1 = require('../../../../common/checkout');
/** A workflow that ended without reaching one of the checkout's own states (terminated by an operator, failed). */
exports.EXECUTION_END_STATES = ['terminated', 'failed', 'timed_out'];
const STATES = [...checkout_1.CHECKOUT_STATES, ...exports.EXECUTION_END_STATES];
class CheckoutAcceptedResponse {
  checkoutId;
  workflowId;
  status;
  created;
}
exports.CheckoutAcceptedResponse = CheckoutAcceptedResponse;
__decorate(
  [(0, swagger_1.ApiProperty)({ example: 'co-1' }), __metadata('design:type', String)],
  CheckoutAcceptedResponse.prototype,
  'checkoutId',
  void 0,
);
__decorate(
  [(0, swagger_1.ApiProperty)({ example: 'checkout-co-1' }), __metadata('design:type', String)],
  CheckoutAcceptedResponse.prototype,
  'workflowId',
  void 0,
);
__decorate(
  [(0, swagger_1.ApiProperty)({ enum: STATES, example: 'waiting' }), __metadata('design:type', String)],
  CheckoutAcceptedResponse.prototype,
  'status',
  void 0,
);
__decorate(
  [
    (0, swagger_1.ApiProperty)({
      description: 'false when a workflow for this checkout already existed (running or closed)',
    }),
    __metadata('design:type', Boolean),
  ],
  CheckoutAcceptedResponse.prototype,
  'created',
  void 0,
);
class ActivityAcceptedResponse {
  checkoutId;
  accepted;
}
exports.ActivityAcceptedResponse = ActivityAcceptedResponse;
__decorate(
  [(0, swagger_1.ApiProperty)({ example: 'co-1' }), __metadata('design:type', String)],
  ActivityAcceptedResponse.prototype,
  'checkoutId',
  void 0,
);
__decorate(
  [(0, swagger_1.ApiProperty)({ example: true }), __metadata('design:type', Boolean)],
  ActivityAcceptedResponse.prototype,
  'accepted',
  void 0,
);
class CancelAcceptedResponse {
  checkoutId;
  workflowId;
  cancelRequested;
}
exports.CancelAcceptedResponse = CancelAcceptedResponse;
__decorate(
  [(0, swagger_1.ApiProperty)({ example: 'co-1' }), __metadata('design:type', String)],
  CancelAcceptedResponse.prototype,
  'checkoutId',
  void 0,
);
__decorate(
  [(0, swagger_1.ApiProperty)({ example: 'checkout-co-1' }), __metadata('design:type', String)],
  CancelAcceptedResponse.prototype,
  'workflowId',
  void 0,
);
__decorate(
  [
    (0, swagger_1.ApiProperty)({ example: true, description: 'The workflow stops and ends as `cancelled`' }),
    __metadata('design:type', Boolean),
  ],
  CancelAcceptedResponse.prototype,
  'cancelRequested',
  void 0,
);
class ScheduledStepResponse {
  step;
  after;
  afterMs;
  channel;
  channels;
  template;
  dueAt;
}
__decorate(
  [(0, swagger_1.ApiProperty)({ example: 2 }), __metadata('design:type', Number)],
  ScheduledStepResponse.prototype,
  'step',
  void 0,
);
__decorate(
  [(0, swagger_1.ApiProperty)({ example: '1d' }), __metadata('design:type', String)],
  ScheduledStepResponse.prototype,
  'after',
  void 0,
);
__decorate(
  [(0, swagger_1.ApiProperty)({ example: 86_400_000 }), __metadata('design:type', Number)],
  ScheduledStepResponse.prototype,
  'afterMs',
  void 0,
);
__decorate(
  [(0, swagger_1.ApiProperty)({ enum: checkout_1.CHANNELS }), __metadata('design:type', String)],
  ScheduledStepResponse.prototype,
  'channel',
  void 0,
);
__decorate(
  [
    (0, swagger_1.ApiPropertyOptional)({
      enum: checkout_1.CHANNELS,
      isArray: true,
      description: 'The channels to try, in order',
    }),
    __metadata('design:type', Array),
  ],
  ScheduledStepResponse.prototype,
  'channels',
  void 0,
);
__decorate(
  [(0, swagger_1.ApiProperty)({ enum: checkout_1.TEMPLATES }), __metadata('design:type', String)],
  ScheduledStepResponse.prototype,
  'template',
  void 0,
);
__decorate(
  [(0, swagger_1.ApiProperty)({ example: '2025-02-01T12:00:00.000Z' }), __metadata('design:type', String)],
  ScheduledStepResponse.prototype,
  'dueAt',
  void 0,
);
class ChannelSkipResponse {
  channel;
  reason;
}
__decorate(
  [(0, swagger_1.ApiProperty)({ enum: checkout_1.CHANNELS }), __metadata('design:type', String)],
  ChannelSkipResponse.prototype,
  'channel',
  void 0,
);
__decorate(
  [(0, swagger_1.ApiProperty)({ example: 'the customer has no phone number' }), __metadata('design:type', String)],
  ChannelSkipResponse.prototype,
  'reason',
  void 0,
);
class ReminderResponse {
  step;
  channel;
  skipped;
  template;
  outcome;
  at;
  dueAt;
  messageId;
  reason;
}
__decorate(
  [(0, swagger_1.ApiProperty)({ example: 1 }), __metadata('design:type', Number)],
  ReminderResponse.prototype,
  'step',
  void 0,
);
__decorate(
  [
    (0, swagger_1.ApiProperty)({
      enum: checkout_1.CHANNELS,
      description: "The channel that delivered it; else the step's first",
    }),
    __metadata('design:type', String),
  ],
  ReminderResponse.prototype,
  'channel',
  void 0,
);
__decorate(
  [
    (0, swagger_1.ApiPropertyOptional)({
      type: [ChannelSkipResponse],
      description: "The step's channels passed over, and why",
    }),
    __metadata('design:type', Array),
  ],
  ReminderResponse.prototype,
  'skipped',
  void 0,
);
__decorate(
  [(0, swagger_1.ApiProperty)({ enum: checkout_1.TEMPLATES }), __metadata('design:type', String)],
  ReminderResponse.prototype,
  'template',
  void 0,
);
__decorate(
  [(0, swagger_1.ApiProperty)({ enum: ['sent', 'failed', 'suppressed'] }), __metadata('design:type', String)],
  ReminderResponse.prototype,
  'outcome',
  void 0,
);
__decorate([(0, swagger_1.ApiProperty)(), __metadata('design:type', String)], ReminderResponse.prototype, 'at', void 0);
__decorate(
  [(0, swagger_1.ApiProperty)(), __metadata('design:type', String)],
  ReminderResponse.prototype,
  'dueAt',
  void 0,
);
__decorate(
  [(0, swagger_1.ApiPropertyOptional)(), __metadata('design:type', String)],
  ReminderResponse.prototype,
  'messageId',
  void 0,
);
__decorate(
  [(0, swagger_1.ApiPropertyOptional)(), __metadata('design:type', String)],
  ReminderResponse.prototype,
  'reason',
  void 0,
);
class OrderResponse {
  orderId;
  total;
  receivedAt;
  afterStep;
  beforeCheckout;
  confirmation;
}
__decorate(
  [(0, swagger_1.ApiProperty)({ example: 'o-9' }), __metadata('design:type', String)],
  OrderResponse.prototype,
  'orderId',
  void 0,
);
__decorate(
  [(0, swagger_1.ApiPropertyOptional)({ example: 59.9 }), __metadata('design:type', Number)],
  OrderResponse.prototype,
  'total',
  void 0,
);
__decorate(
  [(0, swagger_1.ApiProperty)(), __metadata('design:type', String)],
  OrderResponse.prototype,
  'receivedAt',
  void 0,
);
__decorate(
  [(0, swagger_1.ApiProperty)({ description: 'Reminders sent before the order' }), __metadata('design:type', Number)],
  OrderResponse.prototype,
  'afterStep',
  void 0,
);
__decorate(
  [
    (0, swagger_1.ApiPropertyOptional)({ description: 'The order arrived before the checkout' }),
    __metadata('design:type', Boolean),
  ],
  OrderResponse.prototype,
  'beforeCheckout',
  void 0,
);
__decorate(
  [
    (0, swagger_1.ApiPropertyOptional)({ type: 'object', additionalProperties: true }),
    __metadata('design:type', Object),
  ],
  OrderResponse.prototype,
  'confirmation',
  void 0,
);
class CheckoutStatusResponse {
  checkoutId;
  customerId;
  state;
  startedAt;
  lastActivityAt;
  nextDueAt;
  remindersSent;
  reminders;
  upcoming;
  order;
}
exports.CheckoutStatusResponse = CheckoutStatusResponse;
__decorate(
  [(0, swagger_1.ApiProperty)({ example: 'co-1' }), __metadata('design:type', String)],
  CheckoutStatusResponse.prototype,
  'checkoutId',
  void 0,
);
__decorate(
  [
    (0, swagger_1.ApiProperty)({ example: 'c-42', description: 'Empty when only an early order is known' }),
    __metadata('design:type', String),
  ],
  CheckoutStatusResponse.prototype,
  'customerId',
  void 0,
);
__decorate(
  [(0, swagger_1.ApiProperty)({ enum: checkout_1.CHECKOUT_STATES }), __metadata('design:type', String)],
  CheckoutStatusResponse.prototype,
  'state',
  void 0,
);
__decorate(
  [(0, swagger_1.ApiProperty)(), __metadata('design:type', String)],
  CheckoutStatusResponse.prototype,
  'startedAt',
  void 0,
);
__decorate(
  [(0, swagger_1.ApiProperty)(), __metadata('design:type', String)],
  CheckoutStatusResponse.prototype,
  'lastActivityAt',
  void 0,
);
__decorate(
  [(0, swagger_1.ApiProperty)({ type: String, nullable: true }), __metadata('design:type', Object)],
  CheckoutStatusResponse.prototype,
  'nextDueAt',
  void 0,
);
__decorate(
  [(0, swagger_1.ApiProperty)(), __metadata('design:type', Number)],
  CheckoutStatusResponse.prototype,
  'remindersSent',
  void 0,
);
__decorate(
  [(0, swagger_1.ApiProperty)({ type: [ReminderResponse] }), __metadata('design:type', Array)],
  CheckoutStatusResponse.prototype,
  'reminders',
  void 0,
);
__decorate(
  [(0, swagger_1.ApiProperty)({ type: [ScheduledStepResponse] }), __metadata('design:type', Array)],
  CheckoutStatusResponse.prototype,
  'upcoming',
  void 0,
);
__decorate(
  [(0, swagger_1.ApiProperty)({ type: OrderResponse, nullable: true }), __metadata('design:type', Object)],
  CheckoutStatusResponse.prototype,
  'order',
  void 0,
);
//# sourceMappingURL=checkout-responses.js.map
