Object.defineProperty(exports, '__esModule', { value: true });
exports.DiscountCodeRefused = void 0;
/** The issuer or the shop's platform refused this offer for good: the reminder goes without it. */
class DiscountCodeRefused extends Error {
  name = 'DiscountCodeRefused';
}
exports.DiscountCodeRefused = DiscountCodeRefused;
//# sourceMappingURL=issuer.js.map
