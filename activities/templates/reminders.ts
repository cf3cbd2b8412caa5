// The three reminders and the order confirmation, as EmailContent in the shopper's language.
// friendly: a light note, no hard sell. cart: what is in the cart, line by line. last-chance: says
// plainly it is the last one (and shows the cart too). The confirmation is transactional: no
// unsubscribe link, no List-Unsubscribe header (see mime.ts).
import type { TemplateName } from '../../common/checkout';
import type { EmailContent } from './email-content';
import { greeting, moneyFor } from './format';
import { translatorFor } from './i18n/translator';
import { button, cartContent, itemCount, offerContent, offerSummary, requireHttpUrl, unsubscribeFooter } from './parts';
import type { OrderConfirmationView, ReminderView } from './types';

export function reminderContent(template: TemplateName, view: ReminderView): EmailContent {
  const { checkout, note, offer } = view;
  const { cart, customer } = checkout;
  const tr = translatorFor(customer.locale);
  // Our own signed link, but an href is checked where it is written.
  const resume = requireHttpUrl(view.resumeUrl, 'resumeUrl');
  const money = moneyFor(customer, cart.currency);
  const count = itemCount(cart);
  const common = {
    lang: tr.locale,
    greeting: greeting(customer, tr),
    offer: offerContent(checkout, offer, tr),
    footer: unsubscribeFooter(view.unsubscribeUrl, tr),
  };
  const noted = (...paragraphs: string[]) => [...(note ? [note.text] : []), ...paragraphs];
  switch (template) {
    case 'friendly':
      return {
        ...common,
        subject: tr.t('friendly.subject'),
        preheader: tr.t('friendly.preheader'),
        intro: noted(tr.t('friendly.intro')),
        button: button(resume, tr.t('friendly.button'), tr),
        outro: [tr.t('friendly.questions')],
      };
    case 'cart':
      return {
        ...common,
        subject: tr.t('cart.subject', { count, total: money(cart.total) }),
        preheader: tr.t('cart.preheader'),
        intro: noted(tr.t('cart.intro')),
        cart: cartContent(cart, money, tr),
        button: button(resume, tr.t('cart.button'), tr),
        outro: [],
      };
    case 'last-chance':
      return {
        ...common,
        subject: offer
          ? tr.t('last-chance.subjectOffer', { offer: offerSummary(offer, moneyFor(customer, offer.currency), tr) })
          : tr.t('last-chance.subject'),
        preheader: tr.t('last-chance.preheader'),
        intro: noted(tr.t('last-chance.summary', { count, total: money(cart.total) }), tr.t('last-chance.final')),
        cart: cartContent(cart, money, tr),
        button: button(resume, tr.t('last-chance.button'), tr),
        outro: [],
      };
    default:
      throw new Error(`unknown reminder template "${String(template)}"`);
  }
}

export function orderConfirmationContent({ checkout, orderId, total }: OrderConfirmationView): EmailContent {
  const { cart, customer } = checkout;
  const tr = translatorFor(customer.locale);
  const money = moneyFor(customer, cart.currency);
  return {
    lang: tr.locale,
    subject: tr.t('order-confirmation.subject', { orderId }),
    preheader: tr.t('order-confirmation.preheader', { orderId }),
    greeting: greeting(customer, tr),
    intro: [tr.t('order-confirmation.body', { orderId })],
    cart: { ...cartContent(cart, money, tr, total ?? cart.total), heading: tr.t('order-confirmation.heading') },
    outro: [],
  };
}
