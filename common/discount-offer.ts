// The discount policy: which reminder carries an offer, and what it gives, as data copied into the
// workflow input. Pure: the workflow decides the offer with it; the API and config loader validate it
// (validate-policy.ts); the activity issues the code (activities/discounts/).
import type { Checkout } from './checkout';
import type { AbandonReason } from './checkout-events';
import { parseDuration } from './duration';

/** What a rule gives: exactly one of these. */
export interface OfferSpec {
  /** Percent off the cart, 1-100 (capped by the policy's maxPercent and maxAmount). */
  percent?: number;
  /** A fixed amount off, cart currency (capped by maxAmount and the cart total). */
  amount?: number;
  freeShipping?: boolean;
}

/** A rule matches when every condition it names holds; the first that matches decides. */
export interface DiscountRule {
  /** The abandonment reason(s) it is for (common/checkout-events.ts). */
  reason?: AbandonReason | AbandonReason[];
  /** Cart total at least / below this, in the cart's currency. */
  minCartTotal?: number;
  maxCartTotal?: number;
  /** Only carts in this currency (thresholds are in the cart's currency). */
  currency?: string;
  /** Only customers of these tiers (`customer.tier`, case-insensitive). */
  tiers?: string[];
  /** null: no offer (e.g. for out_of_stock, where pressing for the order would be wrong). */
  offer: OfferSpec | null;
}

export interface DiscountPolicy {
  /** The first step (1-based) that may carry an offer, or "last" (default): earlier ones never do. */
  fromStep?: 'last' | number;
  /** How long a code works after it is issued, a duration like "72h" (default). */
  validFor?: string;
  rules: DiscountRule[];
  /** No percent offer above this. */
  maxPercent?: number;
  /** No code takes more than this off, cart currency. */
  maxAmount?: number;
}

/** The offer a reminder makes, capped, in the cart's currency. */
export interface DiscountOffer {
  percent?: number;
  amount?: number;
  freeShipping?: true;
  /** A percent offer takes at most this much off (the policy's maxAmount). */
  maxAmount?: number;
  currency: string;
}

/** An offer with its code, as the reminder carries it and the status shows it. */
export interface IssuedOffer extends DiscountOffer {
  code: string;
  /** ISO time the code stops working. */
  expiresAt: string;
}

export const DEFAULT_OFFER_VALID_FOR = '72h';

/** How long codes of this policy work, in ms. */
export function offerValidForMs(policy: DiscountPolicy): number {
  const parsed = parseDuration(policy.validFor ?? DEFAULT_OFFER_VALID_FOR);
  return parsed.ok ? parsed.ms : 0;
}

/**
 * The offer for reminder `step` (1-based) of `stepsTotal`, or null: none before `fromStep`, none
 * when no rule matches or the matching rule offers nothing; percent and amount capped.
 */
export function offerFor(
  policy: DiscountPolicy | null | undefined,
  checkout: Checkout,
  reason: AbandonReason | undefined,
  step: number,
  stepsTotal: number,
): DiscountOffer | null {
  if (!policy) return null;
  const from = policy.fromStep === undefined || policy.fromStep === 'last' ? stepsTotal : policy.fromStep;
  if (step < from) return null;
  const rule = policy.rules.find((r) => matches(r, checkout, reason ?? 'unknown'));
  if (!rule?.offer) return null;
  return capped(rule.offer, policy, checkout);
}

function matches(rule: DiscountRule, checkout: Checkout, reason: AbandonReason): boolean {
  const { cart, customer } = checkout;
  if (rule.reason !== undefined) {
    const reasons = Array.isArray(rule.reason) ? rule.reason : [rule.reason];
    if (!reasons.includes(reason)) return false;
  }
  if (rule.minCartTotal !== undefined && !(cart.total >= rule.minCartTotal)) return false;
  if (rule.maxCartTotal !== undefined && !(cart.total < rule.maxCartTotal)) return false;
  if (rule.currency !== undefined && rule.currency !== cart.currency) return false;
  if (rule.tiers !== undefined) {
    const tier = customer.tier?.toLowerCase();
    if (!tier || !rule.tiers.some((t) => t.toLowerCase() === tier)) return false;
  }
  return true;
}

/** Money rounded to cents (two decimals covers every currency the templates show amounts for). */
const cents = (n: number) => Math.round(n * 100) / 100;

function capped(spec: OfferSpec, policy: DiscountPolicy, checkout: Checkout): DiscountOffer | null {
  const currency = checkout.cart.currency;
  if (spec.freeShipping) return { freeShipping: true, currency };
  if (spec.percent !== undefined) {
    const percent = Math.min(spec.percent, policy.maxPercent ?? 100);
    if (!(percent > 0)) return null;
    return { percent, ...(policy.maxAmount !== undefined && { maxAmount: policy.maxAmount }), currency };
  }
  if (spec.amount !== undefined) {
    const amount = cents(Math.min(spec.amount, policy.maxAmount ?? Number.POSITIVE_INFINITY, checkout.cart.total));
    return amount > 0 ? { amount, currency } : null;
  }
  return null;
}

/** The money a percent offer takes off this cart, after the amount cap. */
export function percentOffValue(offer: DiscountOffer, cartTotal: number): number | undefined {
  if (offer.percent === undefined) return undefined;
  const value = cents((cartTotal * offer.percent) / 100);
  return offer.maxAmount !== undefined ? Math.min(value, offer.maxAmount) : value;
}
