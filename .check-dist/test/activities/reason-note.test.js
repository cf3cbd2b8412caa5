var __importDefault = (this && this.__importDefault) || ((mod) => (mod && mod.__esModule ? mod : { default: mod }));
Object.defineProperty(exports, '__esModule', { value: true });
const strict_1 = __importDefault(require('node:assert/strict'));
const node_test_1 = require('node:test');
const reason_note_1 = require('../../activities/templates/reason-note');
const checkout_events_1 = require('../../common/checkout-events');
const fixtures_1 = require('./fixtures');
(0, node_test_1.describe)('what a reminder says about the abandonment reason', () => {
  const checkout = (0, fixtures_1.sampleCheckout)();
  (0, node_test_1.test)('shipping cost: names the cost in the customer’s format and points at cheaper delivery', () => {
    const note = (0, reason_note_1.reasonNote)(checkout, 'shipping_cost', {
      ...checkout_events_1.NO_PROGRESS,
      shippingCost: 6.9,
    });
    strict_1.default.match(note?.text ?? '', /shipping added .*6[.,]90.* to your order/);
    strict_1.default.match(note?.text ?? '', /slower one may cost less/);
  });
  (0, node_test_1.test)('a rejected coupon is named', () => {
    strict_1.default.match(
      (0, reason_note_1.reasonNote)(checkout, 'coupon', {
        ...checkout_events_1.NO_PROGRESS,
        couponRejected: 'WELCOME10',
      })?.text ?? '',
      /WELCOME10/,
    );
  });
  (0, node_test_1.test)('unknown or no reason: no note, and the resume link is the checkout URL as given', () => {
    strict_1.default.equal(
      (0, reason_note_1.reasonNote)(checkout, 'unknown', checkout_events_1.NO_PROGRESS),
      undefined,
    );
    strict_1.default.equal((0, reason_note_1.reasonNote)(checkout, undefined, undefined), undefined);
    strict_1.default.equal(
      (0, reason_note_1.resumeTarget)(
        'https://shop.example.com/c/1?x=1',
        'shipping_cost',
        checkout_events_1.NO_PROGRESS,
      ),
      'https://shop.example.com/c/1?x=1',
    );
  });
  (0, node_test_1.test)('a failed payment resumes at payment, keeping the shop’s own query', () => {
    const target = new URL(
      (0, reason_note_1.resumeTarget)('https://shop.example.com/c/1?x=1', 'payment_failed', {
        ...checkout_events_1.NO_PROGRESS,
        paymentMethod: 'card',
      }),
    );
    strict_1.default.equal(target.searchParams.get('x'), '1');
    strict_1.default.equal(target.searchParams.get('retry_payment'), '1');
    strict_1.default.equal(target.searchParams.get('payment_method'), 'card');
  });
});
//# sourceMappingURL=reason-note.test.js.map
