Object.defineProperty(exports, '__esModule', { value: true });
exports.holdoutPosition = holdoutPosition;
exports.inHoldout = inHoldout;
// Which customers are held out of recovery messages: a salted hash of the customer id, so a customer
// stays in their group across checkouts, and the shop cannot pick who is held out.
const node_crypto_1 = require('node:crypto');
/** The customer's position in [0, 100): stable for one salt, uniform over customers. */
function holdoutPosition(customerId, salt) {
  const digest = (0, node_crypto_1.createHash)('sha256').update(salt).update('\0').update(customerId).digest();
  return (digest.readUInt32BE(0) / 2 ** 32) * 100;
}
/** In the holdout group when the position falls under the share; 0 % holds nobody out. */
function inHoldout(customerId, { percent, salt }) {
  return percent > 0 && holdoutPosition(customerId, salt) < percent;
}
//# sourceMappingURL=holdout-group.js.map
