Object.defineProperty(exports, '__esModule', { value: true });
exports.LINKS = exports.FROM = exports.PUBLIC_URL = void 0;
exports.sampleCheckout = sampleCheckout;
const links_1 = require('../support/links');
exports.PUBLIC_URL = 'https://recovery.example.test';
exports.FROM = 'Your Shop <shop@example.com>';
exports.LINKS = (0, links_1.testLinkSettings)(exports.PUBLIC_URL);
function sampleCheckout(overrides = {}) {
  const checkoutId = overrides.checkoutId ?? `co-${Math.random().toString(36).slice(2, 10)}`;
  return {
    checkoutId,
    customer: { id: 'c-42', email: `${checkoutId}@shoppers.example.com`, name: 'Ada', locale: 'de-DE' },
    cart: {
      currency: 'EUR',
      total: 1234.5,
      items: [
        {
          sku: 'SKU-1',
          name: 'Espresso machine',
          quantity: 1,
          unitPrice: 1199.5,
          imageUrl: 'https://cdn.example.com/espresso.png',
        },
        { sku: 'SKU-2', name: 'Descaler', quantity: 2, unitPrice: 17.5 },
      ],
    },
    checkoutUrl: `https://shop.example.com/checkout/${checkoutId}?resume=1&src=email`,
    ...overrides,
  };
}
//# sourceMappingURL=fixtures.js.map
