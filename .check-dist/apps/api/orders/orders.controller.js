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
exports.OrdersController = void 0;
const common_1 = require('@nestjs/common');
const swagger_1 = require('@nestjs/swagger');
const api_key_decorators_1 = require('../http/api-key.decorators');
const order_responses_1 = require('./order-responses');
const orders_service_1 = require('./orders.service');
const record_order_dto_1 = require('./record-order.dto');
let OrdersController = class OrdersController {
  orders;
  constructor(orders) {
    this.orders = orders;
  }
  record({ checkoutId, orderId, total, discountCode }) {
    return this.orders.record(checkoutId, orderId, total, discountCode);
  }
};
exports.OrdersController = OrdersController;
__decorate(
  [
    (0, common_1.Post)(),
    (0, common_1.HttpCode)(202),
    (0, swagger_1.ApiOperation)({
      summary: 'An order was placed: stop the reminders of its checkout',
      description:
        'An order may arrive before its checkout; it is remembered and the checkout, when posted, sends nothing. ' +
        'An order for a checkout that has already closed is accepted and answered with `note`.',
    }),
    (0, swagger_1.ApiResponse)({ status: 202, type: order_responses_1.OrderAcceptedResponse }),
    (0, swagger_1.ApiResponse)({ status: 400, description: 'Invalid input; `errors` names each field' }),
    (0, swagger_1.ApiResponse)({
      status: 503,
      description: 'The order could not be recorded for the analytics: retry',
    }),
    __param(0, (0, common_1.Body)()),
    __metadata('design:type', Function),
    __metadata('design:paramtypes', [record_order_dto_1.RecordOrderDto]),
    __metadata('design:returntype', Promise),
  ],
  OrdersController.prototype,
  'record',
  null,
);
exports.OrdersController = OrdersController = __decorate(
  [
    (0, swagger_1.ApiTags)('orders'),
    (0, api_key_decorators_1.ApiKeyProtected)(),
    (0, common_1.Controller)('orders'),
    __metadata('design:paramtypes', [orders_service_1.OrdersService]),
  ],
  OrdersController,
);
//# sourceMappingURL=orders.controller.js.map
