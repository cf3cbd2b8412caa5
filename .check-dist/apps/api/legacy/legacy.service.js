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
exports.LegacyService = exports.LEGACY_CHECKOUT_URL = void 0;
const node_crypto_1 = require('node:crypto');
const common_1 = require('@nestjs/common');
const app_config_token_1 = require('../app-config.token');
const checkouts_service_1 = require('../checkouts/checkouts.service');
const orders_service_1 = require('../orders/orders.service');
const legacy_checkout_1 = require('./legacy-checkout');
exports.LEGACY_CHECKOUT_URL = 'LegacyCheckoutUrl';
/** The old system's two calls, mapped onto checkouts and orders so migrating clients keep working. */
let LegacyService = class LegacyService {
  checkouts;
  orders;
  config;
  checkoutUrlTemplate;
  constructor(checkouts, orders, config, checkoutUrlTemplate) {
    this.checkouts = checkouts;
    this.orders = orders;
    this.config = config;
    this.checkoutUrlTemplate = checkoutUrlTemplate;
  }
  async checkout(email) {
    const secret = this.config.api.customerIdSecret;
    if (!secret)
      throw new common_1.ServiceUnavailableException(
        'the legacy route needs CUSTOMER_ID_SECRET to derive customer ids',
      );
    const checkoutId = `legacy-${(0, node_crypto_1.randomUUID)()}`;
    await this.checkouts.startRecovery(
      (0, legacy_checkout_1.legacyRecoveryInput)(
        checkoutId,
        email,
        secret,
        this.checkoutUrlTemplate,
        this.config.schedule,
        this.config.policy,
      ),
    );
    return { msg: 'checkout recorded', order_id: checkoutId };
  }
  async order(checkoutId) {
    const { note } = await this.orders.record(checkoutId, checkoutId);
    return { msg: note ? `order recorded; ${note}` : 'order recorded' };
  }
};
exports.LegacyService = LegacyService;
exports.LegacyService = LegacyService = __decorate(
  [
    (0, common_1.Injectable)(),
    __param(2, (0, common_1.Inject)(app_config_token_1.APP_CONFIG)),
    __param(3, (0, common_1.Inject)(exports.LEGACY_CHECKOUT_URL)),
    __metadata('design:paramtypes', [
      checkouts_service_1.CheckoutsService,
      orders_service_1.OrdersService,
      Object,
      String,
    ]),
  ],
  LegacyService,
);
//# sourceMappingURL=legacy.service.js.map
