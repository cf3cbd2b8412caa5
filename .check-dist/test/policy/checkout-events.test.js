var __importDefault = (this && this.__importDefault) || ((mod) => (mod && mod.__esModule ? mod : { default: mod }));
Object.defineProperty(exports, '__esModule', { value: true });
const strict_1 = __importDefault(require('node:assert/strict'));
const node_test_1 = require('node:test');
const checkout_events_1 = require('../../common/checkout-events');
const fold = (events) =>
  (0, checkout_events_1.inTimeOrder)(events).reduce(checkout_events_1.applyEvent, checkout_events_1.NO_PROGRESS);
const at = (minute) => `2026-11-23T12:${String(minute).padStart(2, '0')}:00.000Z`;
(0, node_test_1.describe)('abandonment reason from the checkout journey', () => {
  (0, node_test_1.test)('leaving on the shipping options with a shipping cost reads as shipping_cost', () => {
    const p = fold([
      { type: 'contact_entered', at: at(1) },
      { type: 'address_entered', at: at(2), address: { country: 'DE', postalCode: '10115' } },
      { type: 'shipping_options_viewed', at: at(3), shippingCost: 6.9 },
    ]);
    strict_1.default.equal((0, checkout_events_1.abandonReason)(p), 'shipping_cost');
    strict_1.default.equal(p.lastStep, 'shipping_options_viewed');
    strict_1.default.deepEqual(p.address, { country: 'DE', postalCode: '10115' });
  });
  (0, node_test_1.test)('free shipping is no reason to leave', () => {
    strict_1.default.equal(
      (0, checkout_events_1.abandonReason)(fold([{ type: 'shipping_options_viewed', at: at(1), shippingCost: 0 }])),
      'unknown',
    );
  });
  (0, node_test_1.test)('a failed payment keeps the chosen method for the retry link', () => {
    const p = fold([
      { type: 'payment_method_selected', at: at(1), paymentMethod: 'card' },
      { type: 'payment_failed', at: at(2), declineReason: 'insufficient_funds' },
    ]);
    strict_1.default.equal((0, checkout_events_1.abandonReason)(p), 'payment_failed');
    strict_1.default.equal(p.paymentMethod, 'card');
    strict_1.default.equal(p.declineReason, 'insufficient_funds');
  });
  (0, node_test_1.test)('choosing a payment method again after a failure clears it', () => {
    const p = fold([
      { type: 'payment_failed', at: at(1), paymentMethod: 'card', declineReason: 'expired_card' },
      { type: 'payment_method_selected', at: at(2), paymentMethod: 'paypal' },
    ]);
    strict_1.default.equal((0, checkout_events_1.abandonReason)(p), 'unknown');
    strict_1.default.equal(p.paymentMethod, 'paypal');
  });
  (0, node_test_1.test)('an item out of stock outweighs every other reason', () => {
    const p = fold([
      { type: 'item_out_of_stock', at: at(1), sku: 'SKU-1' },
      { type: 'payment_failed', at: at(2), declineReason: 'do_not_honor' },
    ]);
    strict_1.default.equal((0, checkout_events_1.abandonReason)(p), 'out_of_stock');
    strict_1.default.deepEqual(p.outOfStock, ['SKU-1']);
  });
  (0, node_test_1.test)('a rejected coupon as the last blocker reads as coupon', () => {
    strict_1.default.equal(
      (0, checkout_events_1.abandonReason)(fold([{ type: 'coupon_rejected', at: at(1), couponCode: 'WELCOME10' }])),
      'coupon',
    );
  });
  (0, node_test_1.test)('a batch is applied in time order, whatever order it arrived in', () => {
    const p = fold([
      { type: 'payment_method_selected', at: at(5), paymentMethod: 'paypal' },
      { type: 'payment_failed', at: at(4), paymentMethod: 'card', declineReason: 'expired_card' },
    ]);
    strict_1.default.equal(
      (0, checkout_events_1.abandonReason)(p),
      'unknown',
      'the later selection clears the earlier failure',
    );
    strict_1.default.equal(p.lastStep, 'payment_method_selected');
  });
  (0, node_test_1.test)('a custom event names its own step', () => {
    strict_1.default.equal(
      fold([{ type: 'custom', at: at(1), name: 'gift_wrap_chosen' }]).lastStep,
      'gift_wrap_chosen',
    );
  });
});
//# sourceMappingURL=checkout-events.test.js.map
