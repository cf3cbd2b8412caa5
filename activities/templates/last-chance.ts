// The final reminder: say plainly that it is the last one, so the shopper knows we stop here.
import { greeting, moneyFor } from './format';
import { html } from './html';
import {
  button,
  emailDocument,
  itemCount,
  noteLines,
  noteParagraph,
  offerBlock,
  offerLines,
  offerSummary,
  paragraph,
  requireHttpUrl,
  unsubscribeFooter,
  unsubscribeFooterText,
} from './layout';
import type { ReminderView, RenderedEmail } from './types';

export function renderLastChance({ checkout, resumeUrl, unsubscribeUrl, note, offer }: ReminderView): RenderedEmail {
  const { cart, customer } = checkout;
  // Our own signed link, but an href is checked where it is written.
  const resume = requireHttpUrl(resumeUrl, 'resumeUrl');
  const money = moneyFor(customer, cart.currency);
  const hello = greeting(customer);
  const count = itemCount(cart);
  const summary = `${count} ${count === 1 ? 'item' : 'items'} worth ${money(cart.total)}`;
  const subject = offer
    ? `Last reminder: your cart, now with ${offerSummary(offer, moneyFor(customer, offer.currency))}`
    : 'Last reminder: your cart is still waiting';
  const body = html`${paragraph(hello)}
${noteParagraph(note)}
${paragraph(html`Your cart still holds <strong>${summary}</strong>.`)}
${paragraph('This is the last reminder we will send about it. If you still want these items, now is a good time.')}
${offerBlock(checkout, offer)}
${button(resume, 'Finish my order')}`;
  return {
    subject,
    html: emailDocument({
      title: subject,
      preheader: 'The last reminder about your cart.',
      body,
      footer: unsubscribeFooter(unsubscribeUrl),
    }),
    text: [
      hello,
      '',
      ...noteLines(note),
      `Your cart still holds ${summary}.`,
      'This is the last reminder we will send about it. If you still want these items, now is a good time.',
      '',
      ...offerLines(checkout, offer),
      `Finish my order: ${resume}`,
      '',
      unsubscribeFooterText(unsubscribeUrl),
    ].join('\n'),
  };
}
