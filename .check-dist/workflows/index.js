Object.defineProperty(exports, '__esModule', { value: true });
exports.earlyOrder = exports.checkoutRecovery = void 0;
// The worker's workflow bundle entry point: every workflow type the worker serves.
var checkout_recovery_1 = require('./checkout-recovery');
Object.defineProperty(exports, 'checkoutRecovery', {
  enumerable: true,
  get: () => checkout_recovery_1.checkoutRecovery,
});
var early_order_1 = require('./early-order');
Object.defineProperty(exports, 'earlyOrder', { enumerable: true, get: () => early_order_1.earlyOrder });
//# sourceMappingURL=index.js.map
