Object.defineProperty(exports, '__esModule', { value: true });
exports.DEFAULT_OFFER_VALID_FOR = void 0;
exports.offerValidForMs = offerValidForMs;
exports.offerFor = offerFor;
exports.percentOffValue = percentOffValue;
const duration_1 = require('./duration');
exports.DEFAULT_OFFER_VALID_FOR = '72h';
/** How long codes of this policy work, in ms. */
function offerValidForMs(policy) {
  const parsed = (0, duration_1.parseDuration)(policy.validFor ?? exports.DEFAULT_OFFER_VALID_FOR);
  return parsed.ok ? parsed.ms : 0;
}
/**
 * The offer for reminder `step` (1-based) of `stepsTotal`, or null: none before `fromStep`, none
 * when no rule matches or the matching rule offers nothing; percent and amount capped.
 */
function offerFor(policy, checkout, reason, step, stepsTotal) {
  if (!policy) return null;
  const from = policy.fromStep === undefined || policy.fromStep === 'last' ? stepsTotal : policy.fromStep;
  if (step < from) return null;
  const rule = policy.rules.find((r) => matches(r, checkout, reason ?? 'unknown'));
  if (!rule?.offer) return null;
  return capped(rule.offer, policy, checkout);
}
function matches(rule, checkout, reason) {
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
const cents = (n) => Math.round(n * 100) / 100;
function capped(spec, policy, checkout) {
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
function percentOffValue(offer, cartTotal) {
  if (offer.percent === undefined) return undefined;
  const value = cents((cartTotal * offer.percent) / 100);
  return offer.maxAmount !== undefined ? Math.min(value, offer.maxAmount) : value;
}
//# sourceMappingURL=discount-offer.js.map
