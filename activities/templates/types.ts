import type { Checkout } from '../../common/checkout';
import type { IssuedOffer } from '../../common/discount-offer';
import type { BrandConfig } from '../../config/brand';
import type { ReasonNote } from './reason-note';

/** What every template returns: the pieces the MIME builder puts together. */
export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

export interface ReminderView {
  checkout: Checkout;
  step: number;
  stepsTotal: number;
  /** The signed resume link (the API redirects it to the checkout URL). */
  resumeUrl: string;
  /** The signed, visible unsubscribe link (the API's confirm page). */
  unsubscribeUrl: string;
  /** What to say about why the shopper likely left (reason-note.ts). */
  note?: ReasonNote;
  /** The discount code this reminder offers (parts.ts words it). */
  offer?: IssuedOffer;
  /** The shop's logo, colours and name (config/brand.ts); default: DEFAULT_BRAND. */
  brand?: BrandConfig;
}

export interface OrderConfirmationView {
  checkout: Checkout;
  orderId: string;
  /** The order's total when the order event carried one; else the cart's. */
  total?: number;
  brand?: BrandConfig;
}
