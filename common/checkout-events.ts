// The shopper's journey through checkout as typed events, the progress they add up to, and the
// abandonment reason derived from it. Pure: the workflow folds events in, the API validates them.

export const CHECKOUT_EVENT_TYPES = [
  'contact_entered',
  'address_entered',
  'shipping_options_viewed',
  'payment_method_selected',
  'payment_failed',
  'coupon_rejected',
  'item_out_of_stock',
  'custom',
] as const;
export type CheckoutEventType = (typeof CHECKOUT_EVENT_TYPES)[number];

/** A partially entered address: what the shopper typed so far (no street line: not needed to resume). */
export interface PartialAddress {
  country?: string;
  postalCode?: string;
  city?: string;
}

export interface CheckoutEvent {
  type: CheckoutEventType;
  /** ISO time of the shopper's action. */
  at: string;
  /** shipping_options_viewed: the cheapest shipping cost shown, cart currency. */
  shippingCost?: number;
  /** payment_method_selected / payment_failed: e.g. "card", "paypal". */
  paymentMethod?: string;
  /** payment_failed: the provider's decline reason, e.g. "insufficient_funds". */
  declineReason?: string;
  /** coupon_rejected */
  couponCode?: string;
  /** item_out_of_stock */
  sku?: string;
  /** address_entered */
  address?: PartialAddress;
  /** custom: the shop's own step name. */
  name?: string;
}

/**
 * A custom step's name becomes the CheckoutStep search attribute, which is never encrypted: a slug
 * only ("gift_wrap_chosen"), so no customer's words or data end up in Temporal's visibility store.
 */
export const STEP_SLUG_PATTERN = /^[a-z0-9][a-z0-9_-]{0,63}$/;
export const STEP_SLUG_RULE = 'must be a slug: 1-64 lowercase letters, digits, "_" or "-"';

/** The step as the CheckoutStep attribute may show it: a slug as given, anything else just "custom". */
export const publishableStep = (step: string): string =>
  step === '' || STEP_SLUG_PATTERN.test(step) ? step : 'custom';

export const ABANDON_REASONS = ['shipping_cost', 'payment_failed', 'out_of_stock', 'coupon', 'unknown'] as const;
export type AbandonReason = (typeof ABANDON_REASONS)[number];

export interface CheckoutProgress {
  /** The last step the shopper reached (a custom event names its own step). */
  lastStep: string | null;
  paymentMethod?: string;
  address?: PartialAddress;
  shippingCost?: number;
  declineReason?: string;
  couponRejected?: string;
  outOfStock: string[];
  /** The last event that can explain leaving: later ones replace it (a new payment try clears a failure). */
  blocker?: 'shipping_cost' | 'payment_failed' | 'coupon';
  events: number;
}

export const NO_PROGRESS: CheckoutProgress = { lastStep: null, outOfStock: [], events: 0 };

/** Folds one event into the progress (events are applied in their own time order by the caller). */
export function applyEvent(progress: CheckoutProgress, event: CheckoutEvent): CheckoutProgress {
  const next: CheckoutProgress = { ...progress, events: progress.events + 1 };
  next.lastStep = event.type === 'custom' ? (event.name ?? 'custom') : event.type;
  switch (event.type) {
    case 'address_entered':
      next.address = { ...progress.address, ...event.address };
      break;
    case 'shipping_options_viewed':
      next.shippingCost = event.shippingCost;
      next.blocker = (event.shippingCost ?? 0) > 0 ? 'shipping_cost' : undefined;
      break;
    case 'payment_method_selected':
      next.paymentMethod = event.paymentMethod ?? progress.paymentMethod;
      if (progress.blocker === 'payment_failed') next.blocker = undefined;
      break;
    case 'payment_failed':
      next.paymentMethod = event.paymentMethod ?? progress.paymentMethod;
      next.declineReason = event.declineReason;
      next.blocker = 'payment_failed';
      break;
    case 'coupon_rejected':
      next.couponRejected = event.couponCode;
      next.blocker = 'coupon';
      break;
    case 'item_out_of_stock':
      if (event.sku && !progress.outOfStock.includes(event.sku)) next.outOfStock = [...progress.outOfStock, event.sku];
      break;
  }
  return next;
}

/**
 * Why the shopper most likely left. An item out of stock outweighs everything (pressing for the
 * order would be wrong); otherwise the last blocker they hit; `unknown` without one.
 */
export function abandonReason(progress: CheckoutProgress): AbandonReason {
  if (progress.outOfStock.length > 0) return 'out_of_stock';
  return progress.blocker ?? 'unknown';
}

/** Events in time order (a batch may arrive unsorted; equal times keep their order). */
export function inTimeOrder(events: readonly CheckoutEvent[]): CheckoutEvent[] {
  return events
    .map((e, i) => ({ e, i, t: Date.parse(e.at) }))
    .sort((a, b) => a.t - b.t || a.i - b.i)
    .map(({ e }) => e);
}
