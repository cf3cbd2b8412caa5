// What a reminder says about why the shopper likely left: one short paragraph, and for a failed
// payment a resume link that reopens checkout with the saved method preselected. With a free-shipping
// offer (the discount policy's usual answer to shipping_cost) the note says shipping is on us.
Object.defineProperty(exports, '__esModule', { value: true });
exports.reasonNote = reasonNote;
exports.resumeTarget = resumeTarget;
const format_1 = require('./format');
/** The note for this reason, or none (unknown reason: the template's own copy is enough). */
function reasonNote(checkout, reason, progress, offer) {
  const shippingCost =
    progress?.shippingCost !== undefined
      ? (0, format_1.formatMoney)(progress.shippingCost, checkout.cart.currency, checkout.customer.locale)
      : undefined;
  switch (reason) {
    case 'payment_failed':
      return {
        text: progress?.paymentMethod
          ? `Your payment didn't go through last time. Your ${methodName(progress.paymentMethod)} is still selected, so trying again takes one click.`
          : "Your payment didn't go through last time. Your cart is saved, so trying again takes one click.",
      };
    case 'shipping_cost':
      if (offer?.freeShipping) {
        return {
          text: shippingCost
            ? `We noticed shipping added ${shippingCost} to your order. This time it's on us: the code below makes shipping free.`
            : 'Shipping is on us this time: the code below makes it free.',
        };
      }
      return {
        text: shippingCost
          ? `We noticed shipping added ${shippingCost} to your order. Have a look at the delivery options again: a slower one may cost less.`
          : 'Have a look at the delivery options again: a slower one may cost less.',
      };
    case 'out_of_stock':
      return {
        text: "Something you chose ran out of stock. No rush: we'll keep the rest of your cart, and you can check back once it's available again.",
      };
    case 'coupon':
      return {
        text: progress?.couponRejected
          ? `The code ${progress.couponRejected} didn't apply to your order. Your cart is saved whenever you're ready.`
          : "Your discount code didn't apply to your order. Your cart is saved whenever you're ready.",
      };
    default:
      return undefined;
  }
}
const METHOD_NAMES = { card: 'card', paypal: 'PayPal', klarna: 'Klarna', sepa: 'bank account' };
function methodName(method) {
  return METHOD_NAMES[method.toLowerCase()] ?? method;
}
/**
 * The checkout URL the resume link leads to: after a failed payment it asks the shop to open the
 * payment step with the saved method (`retry_payment=1&payment_method=…`).
 */
function resumeTarget(checkoutUrl, reason, progress) {
  if (reason !== 'payment_failed') return checkoutUrl;
  const url = new URL(checkoutUrl);
  url.searchParams.set('retry_payment', '1');
  if (progress?.paymentMethod) url.searchParams.set('payment_method', progress.paymentMethod);
  return url.toString();
}
//# sourceMappingURL=reason-note.js.map
