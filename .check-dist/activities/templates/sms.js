Object.defineProperty(exports, '__esModule', { value: true });
exports.SMS_OPT_OUT_HINT = void 0;
exports.renderSms = renderSms;
exports.offerLine = offerLine;
exports.shopNameFrom = shopNameFrom;
const format_1 = require('./format');
const layout_1 = require('./layout');
/** US carriers expect every marketing text to say how to stop them; SNS honours STOP itself. */
exports.SMS_OPT_OUT_HINT = 'Reply STOP to opt out';
function renderSms({ checkout, template, shopName, resumeUrl, offer }) {
  const count = (0, layout_1.itemCount)(checkout.cart);
  const total = (0, format_1.moneyFor)(checkout.customer, checkout.cart.currency)(checkout.cart.total);
  const line =
    template === 'last-chance'
      ? `Last reminder: your cart (${total}) is still saved`
      : template === 'cart'
        ? `Your ${count} item${count === 1 ? '' : 's'} (${total}) are waiting`
        : 'Your cart is saved';
  const code = offer ? ` ${offerLine(checkout, offer)}.` : '';
  return `${shopName}: ${line}.${code} ${resumeUrl} ${exports.SMS_OPT_OUT_HINT}`;
}
/** "Code BACK-7KQ2-M9XD-3FJP: 10% off": the code first, so it survives a cut-off preview. */
function offerLine(checkout, offer) {
  return `Code ${offer.code}: ${(0, layout_1.offerSummary)(offer, (0, format_1.moneyFor)(checkout.customer, offer.currency))}`;
}
/** "Your Shop <shop@example.com>" → "Your Shop"; a bare address → its domain's first label. */
function shopNameFrom(from) {
  const display = /^\s*"?([^"<]*?)"?\s*</.exec(from)?.[1]?.trim();
  if (display) return display;
  const domain = /@([^.>\s]+)/.exec(from)?.[1];
  return domain ?? 'Shop';
}
//# sourceMappingURL=sms.js.map
