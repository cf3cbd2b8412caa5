Object.defineProperty(exports, '__esModule', { value: true });
exports.renderFriendly = renderFriendly;
// Reminder 1 by default: a light note, no hard sell.
const format_1 = require('./format');
const html_1 = require('./html');
const layout_1 = require('./layout');
function renderFriendly({ checkout, resumeUrl, unsubscribeUrl, note, offer }) {
  // Our own signed link, but an href is checked where it is written.
  const resume = (0, layout_1.requireHttpUrl)(resumeUrl, 'resumeUrl');
  const hello = (0, format_1.greeting)(checkout.customer);
  const subject = 'You left something in your cart';
  const body = (0, html_1.html)`${(0, layout_1.paragraph)(hello)}
${(0, layout_1.noteParagraph)(note)}
${(0, layout_1.paragraph)('Looks like you got interrupted. Your cart is saved, so you can pick up right where you left off.')}
${(0, layout_1.offerBlock)(checkout, offer)}
${(0, layout_1.button)(resume, 'Return to my cart')}
${(0, layout_1.paragraph)('Questions about anything in it? Just reply to this email.')}`;
  return {
    subject,
    html: (0, layout_1.emailDocument)({
      title: subject,
      preheader: 'Your cart is saved for you.',
      body,
      footer: (0, layout_1.unsubscribeFooter)(unsubscribeUrl),
    }),
    text: [
      hello,
      '',
      ...(0, layout_1.noteLines)(note),
      'Looks like you got interrupted. Your cart is saved, so you can pick up right where you left off.',
      '',
      ...(0, layout_1.offerLines)(checkout, offer),
      `Return to my cart: ${resume}`,
      '',
      'Questions about anything in it? Just reply to this email.',
      '',
      (0, layout_1.unsubscribeFooterText)(unsubscribeUrl),
    ].join('\n'),
  };
}
//# sourceMappingURL=friendly.js.map
