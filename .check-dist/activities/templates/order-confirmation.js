Object.defineProperty(exports, '__esModule', { value: true });
exports.renderOrderConfirmation = renderOrderConfirmation;
// Transactional: no unsubscribe link, no List-Unsubscribe header (see mime.ts).
const format_1 = require('./format');
const html_1 = require('./html');
const layout_1 = require('./layout');
function renderOrderConfirmation({ checkout, orderId, total }) {
  const { cart, customer } = checkout;
  const money = (0, format_1.moneyFor)(customer, cart.currency);
  const hello = (0, format_1.greeting)(customer);
  const orderTotal = total ?? cart.total;
  const subject = `Thanks for your order ${orderId}`;
  const body = (0, html_1.html)`${(0, layout_1.paragraph)(hello)}
${(0, layout_1.paragraph)((0, html_1.html)`Thank you for your order <strong>${orderId}</strong>. We have received it and will let you know when it ships.`)}
${(0, layout_1.cartTable)(cart, money, orderTotal)}`;
  return {
    subject,
    html: (0, layout_1.emailDocument)({ title: subject, preheader: `Order ${orderId} received.`, body }),
    text: [
      hello,
      '',
      `Thank you for your order ${orderId}. We have received it and will let you know when it ships.`,
      '',
      (0, layout_1.cartText)(cart, money, orderTotal),
    ].join('\n'),
  };
}
//# sourceMappingURL=order-confirmation.js.map
