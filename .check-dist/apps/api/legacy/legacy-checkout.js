Object.defineProperty(exports, '__esModule', { value: true });
exports.DEFAULT_LEGACY_CHECKOUT_URL = void 0;
exports.customerIdForEmail = customerIdForEmail;
exports.legacyRecoveryInput = legacyRecoveryInput;
const node_crypto_1 = require('node:crypto');
// LEGACY_CHECKOUT_URL is read and checked with the other settings (config/legacy-route.ts).
var legacy_route_1 = require('../../../config/legacy-route');
Object.defineProperty(exports, 'DEFAULT_LEGACY_CHECKOUT_URL', {
  enumerable: true,
  get: () => legacy_route_1.DEFAULT_LEGACY_CHECKOUT_URL,
});
/**
 * The old system knew only an email. The customer id is derived from it so repeat checkouts of one
 * shopper group together, without the address reaching search attributes or summaries. An HMAC with
 * a server secret: a plain hash of an email is found again by hashing a list of addresses.
 */
function customerIdForEmail(email, secret) {
  return `email-${(0, node_crypto_1.createHmac)('sha256', secret).update(email.trim().toLowerCase()).digest('hex').slice(0, 32)}`;
}
function legacyRecoveryInput(checkoutId, email, customerIdSecret, urlTemplate, schedule, policy) {
  return {
    checkout: {
      checkoutId,
      customer: { id: customerIdForEmail(email, customerIdSecret), email },
      cart: { currency: 'USD', total: 0, items: [] },
      checkoutUrl: urlTemplate.replaceAll('{id}', encodeURIComponent(checkoutId)),
    },
    schedule,
    ...(policy && { policy }),
  };
}
//# sourceMappingURL=legacy-checkout.js.map
