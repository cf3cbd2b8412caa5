// A reminder as one text message: who it is from, one line, the short resume link, the opt-out
// hint, in the shopper's language. No free text from the caller (not even the customer's name): a
// text in the shop's name with words someone else chose is a phishing kit, and carriers' filters read
// it as one. Written to fit one segment (160 GSM-7 characters) with the short /r/<id> link; a
// language whose copy needs UCS-2 gets 70 per segment, so its lines are kept short on purpose.
import type { Checkout, TemplateName } from '../../common/checkout';
import type { IssuedOffer } from '../../common/discount-offer';
import { moneyFor } from './format';
import { translatorFor } from './i18n/translator';
import { itemCount, offerSummary } from './parts';

export interface SmsView {
  checkout: Checkout;
  template: TemplateName;
  /** The sender named at the start, as carriers expect ("Your Shop:"). */
  shopName: string;
  resumeUrl: string;
  /** The discount code this reminder offers: named in the text, or the shopper never sees it. */
  offer?: IssuedOffer;
}

export function renderSms({ checkout, template, shopName, resumeUrl, offer }: SmsView): string {
  const tr = translatorFor(checkout.customer.locale);
  const count = itemCount(checkout.cart);
  const total = moneyFor(checkout.customer, checkout.cart.currency)(checkout.cart.total);
  const line = tr.t(`sms.${template}`, { shop: shopName, count, total });
  const code = offer ? ` ${offerLine(checkout, offer)}` : '';
  // Intl puts no-break spaces in money ("1.234,50\u00a0€", "1\u202f234,50\u00a0€"): not in GSM-7, and
  // one would make the whole text UCS-2 (70 characters a segment instead of 160).
  return `${line}${code} ${resumeUrl} ${tr.t('sms.optOut')}`.replace(/[\u00a0\u202f\u2009]/g, ' ');
}

/** "Code BACK-7KQ2-M9XD-3FJP: 10% off.": the code first, so it survives a cut-off preview. */
export function offerLine(checkout: Checkout, offer: IssuedOffer): string {
  const tr = translatorFor(checkout.customer.locale);
  const summary = offerSummary(offer, moneyFor(checkout.customer, offer.currency), tr);
  return tr.t('sms.offer', { code: offer.code, summary });
}

export { shopNameFrom } from '../../config/brand';
