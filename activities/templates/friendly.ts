// Reminder 1 by default: a light note, no hard sell.
import { greeting } from './format';
import { html } from './html';
import {
  button,
  emailDocument,
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

export function renderFriendly({ checkout, resumeUrl, unsubscribeUrl, note, offer }: ReminderView): RenderedEmail {
  // Our own signed link, but an href is checked where it is written.
  const resume = requireHttpUrl(resumeUrl, 'resumeUrl');
  const hello = greeting(checkout.customer);
  const subject = 'You left something in your cart';
  const body = html`${paragraph(hello)}
${noteParagraph(note)}
${paragraph('Looks like you got interrupted. Your cart is saved, so you can pick up right where you left off.')}
${offerBlock(checkout, offer)}
${button(resume, 'Return to my cart')}
${paragraph('Questions about anything in it? Just reply to this email.')}`;
  return {
    subject,
    html: emailDocument({
      title: subject,
      preheader: 'Your cart is saved for you.',
      body,
      footer: unsubscribeFooter(unsubscribeUrl),
    }),
    text: [
      hello,
      '',
      ...noteLines(note),
      'Looks like you got interrupted. Your cart is saved, so you can pick up right where you left off.',
      '',
      ...offerLines(checkout, offer),
      `Return to my cart: ${resume}`,
      '',
      'Questions about anything in it? Just reply to this email.',
      '',
      unsubscribeFooterText(unsubscribeUrl),
    ].join('\n'),
  };
}
