Object.defineProperty(exports, '__esModule', { value: true });
exports.CHECKOUT_STOPS = void 0;
/**
 * Injection token of the checkout stop records (storage/checkout-stops.ts), or null when the API runs
 * without a database: the order update's answer is then the only guard against a send in flight.
 */
exports.CHECKOUT_STOPS = 'CheckoutStops';
//# sourceMappingURL=checkout-stops.token.js.map
