Object.defineProperty(exports, '__esModule', { value: true });
exports.DISCOUNT_CODE_REFUSED = exports.TRANSIENT_SEND_FAILURE = exports.PERMANENT_SEND_FAILURE = void 0;
/** Failure types the activities raise; the workflow records them as the reminder's reason. */
exports.PERMANENT_SEND_FAILURE = 'PermanentSendFailure';
exports.TRANSIENT_SEND_FAILURE = 'TransientSendFailure';
/** The issuer (or the shop's platform) refused the offer: retrying cannot help, send without it. */
exports.DISCOUNT_CODE_REFUSED = 'DiscountCodeRefused';
//# sourceMappingURL=contract.js.map
