// The pieces several templates share, in the shopper's language: cart lines, the offer, the
// button and the unsubscribe footer, as EmailContent fields.
import type { Cart, Checkout } from '../../common/checkout';
import type { DiscountOffer, IssuedOffer } from '../../common/discount-offer';
import type { EmailContent } from './email-content';
import { formatDateTime, moneyFor } from './format';
import { httpUrl } from './html';
import type { Translator } from './i18n/translator';

/** The workflow validates checkout URLs; this guards the href against anything else. */
export function requireHttpUrl(url: string, what: string): string {
  const safe = httpUrl(url);
  if (!safe) throw new Error(`${what} must be an http(s) URL`);
  return safe;
}

export function itemCount(cart: Cart): number {
  return cart.items.reduce((n, item) => n + item.quantity, 0);
}

/** Cart lines with image, name, quantity × unit price and line total, then the total. */
export function cartContent(
  cart: Cart,
  money: (amount: number) => string,
  tr: Translator,
  total = cart.total,
): NonNullable<EmailContent['cart']> {
  return {
    heading: tr.t('common.cart.heading'),
    lines: cart.items.map((item) => {
      const imageUrl = httpUrl(item.imageUrl);
      return {
        name: item.name,
        quantity: tr.t('common.cart.quantity', { quantity: item.quantity, unitPrice: money(item.unitPrice) }),
        lineTotal: money(item.unitPrice * item.quantity),
        ...(imageUrl && { imageUrl }),
      };
    }),
    totalLabel: tr.t('common.cart.total'),
    total: money(total),
  };
}

export function button(href: string, label: string, tr: Translator): NonNullable<EmailContent['button']> {
  return { href, label, orOpen: tr.t('common.orOpenLink') };
}

export function unsubscribeFooter(unsubscribeUrl: string, tr: Translator): NonNullable<EmailContent['footer']> {
  return { why: tr.t('common.footer.why'), unsubscribeLabel: tr.t('common.footer.unsubscribe'), unsubscribeUrl };
}

/** What an offer gives, short: "10% off", "5,00 € Rabatt", "free shipping". */
export function offerSummary(offer: DiscountOffer, money: (amount: number) => string, tr: Translator): string {
  if (offer.freeShipping) return tr.t('offer.summary.freeShipping');
  if (offer.percent !== undefined) return tr.t('offer.summary.percent', { percent: offer.percent });
  return tr.t('offer.summary.amount', { amount: money(offer.amount ?? 0) });
}

/** The offer's headline, with its cap: "10% off your order (up to 50,00 €)". */
export function offerHeadline(offer: DiscountOffer, money: (amount: number) => string, tr: Translator): string {
  if (offer.freeShipping) return tr.t('offer.headline.freeShipping');
  if (offer.percent !== undefined) {
    return offer.maxAmount !== undefined
      ? tr.t('offer.headline.percentCapped', { percent: offer.percent, max: money(offer.maxAmount) })
      : tr.t('offer.headline.percent', { percent: offer.percent });
  }
  return tr.t('offer.headline.amount', { amount: money(offer.amount ?? 0) });
}

/** The discount code block, with the code's expiry in the customer's locale and zone; or nothing. */
export function offerContent(
  checkout: Checkout,
  offer: IssuedOffer | undefined,
  tr: Translator,
): EmailContent['offer'] | undefined {
  if (!offer) return undefined;
  const headline = offerHeadline(offer, moneyFor(checkout.customer, offer.currency), tr);
  return {
    headline,
    code: offer.code,
    instructions: tr.t('offer.instructions', { until: formatDateTime(offer.expiresAt, checkout.customer) }),
    textLine: tr.t('offer.codeLine', { headline, code: offer.code }),
  };
}
