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
exports.OrderAcceptedResponse = void 0;
const swagger_1 = require('@nestjs/swagger');
const checkout_1 = require('../../../common/checkout');
const checkout_responses_1 = require('../checkouts/dto/checkout-responses');
class OrderAcceptedResponse {
  checkoutId;
  orderId;
  accepted;
  confirmed;
  status;
  note;
}
exports.OrderAcceptedResponse = OrderAcceptedResponse;
__decorate(
  [(0, swagger_1.ApiProperty)({ example: 'co-1' }), __metadata('design:type', String)],
  OrderAcceptedResponse.prototype,
  'checkoutId',
  void 0,
);
__decorate(
  [(0, swagger_1.ApiProperty)({ example: 'o-9' }), __metadata('design:type', String)],
  OrderAcceptedResponse.prototype,
  'orderId',
  void 0,
);
__decorate(
  [(0, swagger_1.ApiProperty)({ example: true }), __metadata('design:type', Boolean)],
  OrderAcceptedResponse.prototype,
  'accepted',
  void 0,
);
__decorate(
  [
    (0, swagger_1.ApiProperty)({
      example: true,
      description:
        'true: the checkout recorded the order and no reminder send is in flight: nothing is sent after this answer. ' +
        'false: no worker answered within ORDER_ACK_TIMEOUT; the order is recorded durably and stops the reminders ' +
        'when a worker runs (each send re-checks for it)',
    }),
    __metadata('design:type', Boolean),
  ],
  OrderAcceptedResponse.prototype,
  'confirmed',
  void 0,
);
__decorate(
  [
    (0, swagger_1.ApiProperty)({
      enum: [...checkout_1.CHECKOUT_STATES, ...checkout_responses_1.EXECUTION_END_STATES],
      description:
        "The checkout's state: `ordered` when confirmed; unconfirmed, its state when the order was taken (the workflow turns it to `ordered` when it runs)",
    }),
    __metadata('design:type', String),
  ],
  OrderAcceptedResponse.prototype,
  'status',
  void 0,
);
__decorate(
  [
    (0, swagger_1.ApiPropertyOptional)({ description: 'Set when the order arrived after the checkout had closed' }),
    __metadata('design:type', String),
  ],
  OrderAcceptedResponse.prototype,
  'note',
  void 0,
);
//# sourceMappingURL=order-responses.js.map
