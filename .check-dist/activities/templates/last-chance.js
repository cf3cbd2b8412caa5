Object.defineProperty(exports, '__esModule', { value: true });
exports.renderLastChance = renderLastChance;
// The final reminder: say plainly that it is the last one, so the shopper knows we stop here.
const format_1 = require('./format');
const html_1 = require('./html');
const layout_1 = require('./layout');
function renderLastChance({ checkout, resumeUrl, unsubscribeUrl, note, offer }) {
  const { cart, customer } = checkout;
  // Our own signed link, but an href is checked where it is written.
  const resume = (0, layout_1.requireHttpUrl)(resumeUrl, 'resumeUrl');
  const money = (0, format_1.moneyFor)(customer, cart.currency);
  const hello = (0, format_1.greeting)(customer);
  const count = (0, layout_1.itemCount)(cart);
  const summary = `${count} ${count === 1 ? 'item' : 'items'} worth ${money(cart.total)}`;
  const subject = offer
    ? `Last reminder: your cart, now with ${(0, layout_1.offerSummary)(offer, (0, format_1.moneyFor)(customer, offer.currency))}`
    : 'Last reminder: your cart is still waiting';
  const body = (0, html_1.html)`${(0, layout_1.paragraph)(hello)}
${(0, layout_1.noteParagraph)(note)}
${(0, layout_1.paragraph)((0, html_1.html)`Your cart still holds <strong>${summary}</strong>.`)}
${(0, layout_1.paragraph)('This is the last reminder we will send about it. If you still want these items, now is a good time.')}
${(0, layout_1.offerBlock)(checkout, offer)}
${(0, layout_1.button)(resume, 'Finish my order')}`;
  return {
    subject,
    html: (0, layout_1.emailDocument)({
      title: subject,
      preheader: 'The last reminder about your cart.',
      body,
      footer: (0, layout_1.unsubscribeFooter)(unsubscribeUrl),
    }),
    text: [
      hello,
      '',
      ...(0, layout_1.noteLines)(note),
      `Your cart still holds ${summary}.`,
      'This is the last reminder we will send about it. If you still want these items, now is a good time.',
      '',
      ...(0, layout_1.offerLines)(checkout, offer),
      `Finish my order: ${resume}`,
      '',
      (0, layout_1.unsubscribeFooterText)(unsubscribeUrl),
    ].join('\n'),
  };
}
//# sourceMappingURL=last-chance.js.map
