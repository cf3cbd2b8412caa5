Object.defineProperty(exports, '__esModule', { value: true });
exports.renderCart = renderCart;
// A middle reminder: show what is in the cart, line by line, with the total.
const format_1 = require('./format');
const html_1 = require('./html');
const layout_1 = require('./layout');
function renderCart({ checkout, resumeUrl, unsubscribeUrl, note, offer }) {
  const { cart, customer } = checkout;
  // Our own signed link, but an href is checked where it is written.
  const resume = (0, layout_1.requireHttpUrl)(resumeUrl, 'resumeUrl');
  const money = (0, format_1.moneyFor)(customer, cart.currency);
  const hello = (0, format_1.greeting)(customer);
  const count = (0, layout_1.itemCount)(cart);
  const subject = `Your cart is waiting: ${count} ${count === 1 ? 'item' : 'items'}, ${money(cart.total)}`;
  const body = (0, html_1.html)`${(0, layout_1.paragraph)(hello)}
${(0, layout_1.noteParagraph)(note)}
${(0, layout_1.paragraph)('Here is what you picked out. Everything is still in your cart.')}
${(0, layout_1.cartTable)(cart, money)}
${(0, layout_1.offerBlock)(checkout, offer)}
${(0, layout_1.button)(resume, 'Complete my order')}`;
  return {
    subject,
    html: (0, layout_1.emailDocument)({
      title: subject,
      preheader: 'Here is what you picked out.',
      body,
      footer: (0, layout_1.unsubscribeFooter)(unsubscribeUrl),
    }),
    text: [
      hello,
      '',
      ...(0, layout_1.noteLines)(note),
      'Here is what you picked out. Everything is still in your cart.',
      '',
      (0, layout_1.cartText)(cart, money),
      '',
      ...(0, layout_1.offerLines)(checkout, offer),
      `Complete my order: ${resume}`,
      '',
      (0, layout_1.unsubscribeFooterText)(unsubscribeUrl),
    ].join('\n'),
  };
}
//# sourceMappingURL=cart.js.map
