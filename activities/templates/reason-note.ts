// What a reminder says about why the shopper likely left: one short paragraph, and for a failed
// payment a resume link that reopens checkout with the saved method preselected. With a free-shipping
// offer (the discount policy's usual answer to shipping_cost) the note says shipping is on us.

import type { Checkout } from '../../common/checkout';
import type { AbandonReason, CheckoutProgress } from '../../common/checkout-events';
import type { DiscountOffer } from '../../common/discount-offer';
import { formatMoney } from './format';
import { translatorFor } from './i18n/translator';

export interface ReasonNote {
  text: string;
}

/** The note for this reason in the shopper's language, or none (unknown reason: the template's own copy is enough). */
export function reasonNote(
  checkout: Checkout,
  reason: AbandonReason | undefined,
  progress: CheckoutProgress | undefined,
  offer?: DiscountOffer,
): ReasonNote | undefined {
  const tr = translatorFor(checkout.customer.locale);
  const cost =
    progress?.shippingCost !== undefined
      ? formatMoney(progress.shippingCost, checkout.cart.currency, checkout.customer.locale)
      : undefined;
  switch (reason) {
    case 'payment_failed': {
      const method = progress?.paymentMethod?.toLowerCase();
      return {
        text: method
          ? tr.t('note.paymentFailed.method', { method, methodName: methodName(method) })
          : tr.t('note.paymentFailed.plain'),
      };
    }
    case 'shipping_cost':
      if (offer?.freeShipping) {
        return { text: cost ? tr.t('note.shipping.freeWithCost', { cost }) : tr.t('note.shipping.free') };
      }
      return { text: cost ? tr.t('note.shipping.withCost', { cost }) : tr.t('note.shipping.plain') };
    case 'out_of_stock':
      return { text: tr.t('note.outOfStock') };
    case 'coupon':
      return {
        text: progress?.couponRejected
          ? tr.t('note.coupon.code', { code: progress.couponRejected })
          : tr.t('note.coupon.plain'),
      };
    default:
      return undefined;
  }
}

// Brand names read the same in every language; "card" and "sepa" are worded by the catalogue (select).
const METHOD_NAMES: Record<string, string> = { paypal: 'PayPal', klarna: 'Klarna' };

function methodName(method: string): string {
  return METHOD_NAMES[method] ?? method;
}

/**
 * The checkout URL the resume link leads to: after a failed payment it asks the shop to open the
 * payment step with the saved method (`retry_payment=1&payment_method=…`).
 */
export function resumeTarget(
  checkoutUrl: string,
  reason: AbandonReason | undefined,
  progress: CheckoutProgress | undefined,
): string {
  if (reason !== 'payment_failed') return checkoutUrl;
  const url = new URL(checkoutUrl);
  url.searchParams.set('retry_payment', '1');
  if (progress?.paymentMethod) url.searchParams.set('payment_method', progress.paymentMethod);
  return url.toString();
}
