// A middle reminder: show what is in the cart, line by line, with the total.
import { greeting, moneyFor } from './format';
import { html } from './html';
import {
  button,
  cartTable,
  cartText,
  emailDocument,
  itemCount,
  noteLines,
  noteParagraph,
  offerBlock,
  offerLines,
  paragraph,
  requireHttpUrl,
  unsubscribeFooter,
  unsubscribeFooterText,
} from './layout';
import type { ReminderView, RenderedEmail } from './types';

export function renderCart({ checkout, resumeUrl, unsubscribeUrl, note, offer }: ReminderView): RenderedEmail {
  const { cart, customer } = checkout;
  // Our own signed link, but an href is checked where it is written.
  const resume = requireHttpUrl(resumeUrl, 'resumeUrl');
  const money = moneyFor(customer, cart.currency);
  const hello = greeting(customer);
  const count = itemCount(cart);
  const subject = `Your cart is waiting: ${count} ${count === 1 ? 'item' : 'items'}, ${money(cart.total)}`;
  const body = html`${paragraph(hello)}
${noteParagraph(note)}
${paragraph('Here is what you picked out. Everything is still in your cart.')}
${cartTable(cart, money)}
${offerBlock(checkout, offer)}
${button(resume, 'Complete my order')}`;
  return {
    subject,
    html: emailDocument({
      title: subject,
      preheader: 'Here is what you picked out.',
      body,
      footer: unsubscribeFooter(unsubscribeUrl),
    }),
    text: [
      hello,
      '',
      ...noteLines(note),
      'Here is what you picked out. Everything is still in your cart.',
      '',
      cartText(cart, money),
      '',
      ...offerLines(checkout, offer),
      `Complete my order: ${resume}`,
      '',
      unsubscribeFooterText(unsubscribeUrl),
    ].join('\n'),
  };
}
