// A reminder as one text message: who it is from, one line, the signed resume link, the opt-out
// hint. No free text from the caller (not even the customer's name): a text in the shop's name with
// words someone else chose is a phishing kit, and carriers' filters read it as one. Written to stay within one 160-character segment where the link allows (the signed resume
// link carries the checkout URL, so a long shop URL makes it longer).
import type { Checkout, TemplateName } from '../../common/checkout';
import type { IssuedOffer } from '../../common/discount-offer';
import { moneyFor } from './format';
import { itemCount, offerSummary } from './layout';

export interface SmsView {
  checkout: Checkout;
  template: TemplateName;
  /** The sender named at the start, as carriers expect ("Your Shop:"). */
  shopName: string;
  resumeUrl: string;
  /** The discount code this reminder offers: named in the text, or the shopper never sees it. */
  offer?: IssuedOffer;
}

/** US carriers expect every marketing text to say how to stop them; SNS honours STOP itself. */
export const SMS_OPT_OUT_HINT = 'Reply STOP to opt out';

export function renderSms({ checkout, template, shopName, resumeUrl, offer }: SmsView): string {
  const count = itemCount(checkout.cart);
  const total = moneyFor(checkout.customer, checkout.cart.currency)(checkout.cart.total);
  const line =
    template === 'last-chance'
      ? `Last reminder: your cart (${total}) is still saved`
      : template === 'cart'
        ? `Your ${count} item${count === 1 ? '' : 's'} (${total}) are waiting`
        : 'Your cart is saved';
  const code = offer ? ` ${offerLine(checkout, offer)}.` : '';
  return `${shopName}: ${line}.${code} ${resumeUrl} ${SMS_OPT_OUT_HINT}`;
}

/** "Code BACK-7KQ2-M9XD-3FJP: 10% off": the code first, so it survives a cut-off preview. */
export function offerLine(checkout: Checkout, offer: IssuedOffer): string {
  return `Code ${offer.code}: ${offerSummary(offer, moneyFor(checkout.customer, offer.currency))}`;
}

/** "Your Shop <shop@example.com>" → "Your Shop"; a bare address → its domain's first label. */
export function shopNameFrom(from: string): string {
  const display = /^\s*"?([^"<]*?)"?\s*</.exec(from)?.[1]?.trim();
  if (display) return display;
  const domain = /@([^.>\s]+)/.exec(from)?.[1];
  return domain ?? 'Shop';
}
