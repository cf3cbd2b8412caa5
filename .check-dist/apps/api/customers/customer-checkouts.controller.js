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
exports.CustomerCheckoutsController = void 0;
const common_1 = require('@nestjs/common');
const swagger_1 = require('@nestjs/swagger');
const api_key_decorators_1 = require('../http/api-key.decorators');
const customer_checkouts_1 = require('./customer-checkouts');
const customer_checkouts_service_1 = require('./customer-checkouts.service');
let CustomerCheckoutsController = class CustomerCheckoutsController {
  customerCheckouts;
  constructor(customerCheckouts) {
    this.customerCheckouts = customerCheckouts;
  }
  list({ customerId }) {
    return this.customerCheckouts.list(customerId);
  }
};
exports.CustomerCheckoutsController = CustomerCheckoutsController;
__decorate(
  [
    (0, common_1.Get)(':customerId/checkouts'),
    (0, swagger_1.ApiOperation)({
      summary: "A customer's checkouts, newest first",
      description:
        "Read from Temporal's visibility store, which is eventually consistent: a checkout started or changed " +
        'a moment ago may be missing or show its previous state for a second or so. For the current state of ' +
        `one checkout use GET /checkouts/{id}. At most ${customer_checkouts_service_1.MAX_LISTED_CHECKOUTS} are listed.`,
    }),
    (0, swagger_1.ApiResponse)({ status: 200, type: [customer_checkouts_1.CustomerCheckoutResponse] }),
    (0, swagger_1.ApiResponse)({ status: 400, description: 'Invalid customerId' }),
    __param(0, (0, common_1.Param)()),
    __metadata('design:type', Function),
    __metadata('design:paramtypes', [customer_checkouts_1.CustomerIdParams]),
    __metadata('design:returntype', Promise),
  ],
  CustomerCheckoutsController.prototype,
  'list',
  null,
);
exports.CustomerCheckoutsController = CustomerCheckoutsController = __decorate(
  [
    (0, swagger_1.ApiTags)('customers'),
    (0, api_key_decorators_1.ApiKeyProtected)(),
    (0, common_1.Controller)('customers'),
    __metadata('design:paramtypes', [customer_checkouts_service_1.CustomerCheckoutsService]),
  ],
  CustomerCheckoutsController,
);
//# sourceMappingURL=customer-checkouts.controller.js.map
