Object.defineProperty(exports, '__esModule', { value: true });
exports.CODE_PATTERN = exports.CODE_PREFIX = exports.CODE_ALPHABET = void 0;
exports.drawDiscountCode = drawDiscountCode;
// Discount codes people can read aloud and type: no 0/O or 1/I/L, grouped in fours.
const node_crypto_1 = require('node:crypto');
/** 31 symbols without look-alikes; 12 of them carry about 59 bits, far beyond guessing at a checkout. */
exports.CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const GROUPS = 3;
const GROUP_LENGTH = 4;
exports.CODE_PREFIX = 'BACK';
exports.CODE_PATTERN = new RegExp(`^${exports.CODE_PREFIX}(-[${exports.CODE_ALPHABET}]{${GROUP_LENGTH}}){${GROUPS}}$`);
/** A fresh code from the OS's CSPRNG, e.g. BACK-7KQ2-M9XD-3FJP (uniform: rejection sampling). */
function drawDiscountCode() {
  const symbols = [];
  const limit = 256 - (256 % exports.CODE_ALPHABET.length); // bytes at or above it would bias the draw
  while (symbols.length < GROUPS * GROUP_LENGTH) {
    for (const byte of (0, node_crypto_1.randomBytes)(GROUPS * GROUP_LENGTH * 2)) {
      if (byte < limit && symbols.length < GROUPS * GROUP_LENGTH)
        symbols.push(exports.CODE_ALPHABET[byte % exports.CODE_ALPHABET.length]);
    }
  }
  const groups = Array.from({ length: GROUPS }, (_, i) =>
    symbols.slice(i * GROUP_LENGTH, (i + 1) * GROUP_LENGTH).join(''),
  );
  return [exports.CODE_PREFIX, ...groups].join('-');
}
//# sourceMappingURL=code.js.map
