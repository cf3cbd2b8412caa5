Object.defineProperty(exports, '__esModule', { value: true });
exports.CHECKOUT_STATES = exports.TEMPLATES = exports.CHANNELS = void 0;
exports.CHANNELS = ['email', 'sms', 'push'];
exports.TEMPLATES = ['friendly', 'cart', 'last-chance'];
exports.CHECKOUT_STATES = ['waiting', 'reminding', 'ordered', 'expired', 'cancelled', 'superseded', 'unsubscribed'];
//# sourceMappingURL=checkout.js.map
