Object.defineProperty(exports, '__esModule', { value: true });
exports.TIER_PATTERN = void 0;
exports.validatePolicy = validatePolicy;
exports.discountErrors = discountErrors;
// Validation of the recovery policy, shared by the config loader, the API and the workflow input.
const checkout_1 = require('./checkout');
const checkout_events_1 = require('./checkout-events');
const duration_1 = require('./duration');
const quiet_hours_1 = require('./quiet-hours');
const MAX_FREQUENCY_CAP_MS = 30 * 86_400_000;
// Held reminders must still go out in the morning they were held for, not hours into the day.
const MAX_QUIET_HOURS_SPREAD_MS = 2 * 3_600_000;
// A code that works for less than an hour is gone before most shoppers read the email; one that
// works for more than 90 days is not an "expiring" offer any more.
const MIN_OFFER_VALIDITY_MS = 3_600_000;
const MAX_OFFER_VALIDITY_MS = 90 * 86_400_000;
const MAX_DISCOUNT_RULES = 50;
/** Customer tiers: short names, the same alphabet the API accepts for `customer.tier`. */
exports.TIER_PATTERN = /^[A-Za-z0-9][A-Za-z0-9 ._-]{0,63}$/;
function quietHoursErrors(value, field) {
  if (value === null) return [];
  const q = value;
  if (typeof q !== 'object' || q === undefined) {
    return [{ field, reason: 'must be {"start":"HH:MM","end":"HH:MM"} or null' }];
  }
  const errors = [];
  if (!(0, quiet_hours_1.isHhMm)(q.start))
    errors.push({ field: `${field}.start`, reason: 'must be a time "HH:MM" (00:00-23:59)' });
  if (!(0, quiet_hours_1.isHhMm)(q.end))
    errors.push({ field: `${field}.end`, reason: 'must be a time "HH:MM" (00:00-23:59)' });
  return errors;
}
const MAX_SMS_WINDOW_MS = 30 * 86_400_000;
function smsRulesErrors(value, field) {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return [{ field, reason: 'must be {"maxTexts": 1, "within": "48h"} or null' }];
  }
  const rules = value;
  const errors = [];
  const max = rules.maxTexts;
  if (typeof max !== 'number' || !Number.isInteger(max) || max < 0 || max > 10) {
    errors.push({ field: `${field}.maxTexts`, reason: 'must be a whole number from 0 to 10' });
  }
  const within = typeof rules.within === 'string' ? (0, duration_1.parseDuration)(rules.within) : undefined;
  if (!within?.ok || within.ms > MAX_SMS_WINDOW_MS) {
    errors.push({ field: `${field}.within`, reason: 'must be a duration like "48h" (at most 30d)' });
  }
  return errors;
}
function validatePolicy(policy, field = 'policy') {
  if (typeof policy !== 'object' || policy === null) return [{ field, reason: 'must be an object' }];
  const p = policy;
  const errors = quietHoursErrors(p.quietHours, `${field}.quietHours`);
  if (p.channelQuietHours !== undefined) {
    if (typeof p.channelQuietHours !== 'object' || p.channelQuietHours === null) {
      errors.push({ field: `${field}.channelQuietHours`, reason: 'must be an object keyed by channel' });
    } else {
      for (const [channel, rule] of Object.entries(p.channelQuietHours)) {
        const at = `${field}.channelQuietHours.${channel}`;
        if (!checkout_1.CHANNELS.includes(channel)) {
          errors.push({ field: at, reason: `is not a channel (${checkout_1.CHANNELS.join(', ')})` });
        } else errors.push(...quietHoursErrors(rule, at));
      }
    }
  }
  if (p.frequencyCap !== undefined && p.frequencyCap !== null) {
    const cap = typeof p.frequencyCap === 'string' ? (0, duration_1.parseDuration)(p.frequencyCap) : undefined;
    if (!cap?.ok || cap.ms > MAX_FREQUENCY_CAP_MS) {
      errors.push({ field: `${field}.frequencyCap`, reason: 'must be a duration like "16h" (at most 30d), or null' });
    }
  }
  if (p.quietHoursSpread !== undefined && p.quietHoursSpread !== null) {
    const spread =
      typeof p.quietHoursSpread === 'string' ? (0, duration_1.parseDuration)(p.quietHoursSpread) : undefined;
    if (!spread?.ok || spread.ms > MAX_QUIET_HOURS_SPREAD_MS) {
      errors.push({
        field: `${field}.quietHoursSpread`,
        reason: 'must be a duration like "10m" (at most 2h), or null',
      });
    }
  }
  if (p.smsRules !== undefined && p.smsRules !== null) errors.push(...smsRulesErrors(p.smsRules, `${field}.smsRules`));
  if (p.discount !== undefined && p.discount !== null) errors.push(...discountErrors(p.discount, `${field}.discount`));
  if (!(0, quiet_hours_1.isTimeZone)(p.defaultTimezone)) {
    errors.push({ field: `${field}.defaultTimezone`, reason: 'must be an IANA time zone like "Europe/Berlin"' });
  }
  return errors;
}
const isNumber = (v) => typeof v === 'number' && Number.isFinite(v);
const isPercent = (v) => isNumber(v) && v > 0 && v <= 100;
const isPositive = (v) => isNumber(v) && v > 0;
function discountErrors(value, field) {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return [{ field, reason: 'must be an object {"rules":[...]} or null' }];
  }
  const d = value;
  const errors = [];
  if (d.fromStep !== undefined && d.fromStep !== 'last' && !(Number.isInteger(d.fromStep) && Number(d.fromStep) >= 1)) {
    errors.push({ field: `${field}.fromStep`, reason: 'must be "last" or a step number >= 1' });
  }
  if (d.validFor !== undefined) {
    const parsed = typeof d.validFor === 'string' ? (0, duration_1.parseDuration)(d.validFor) : undefined;
    if (!parsed?.ok || parsed.ms < MIN_OFFER_VALIDITY_MS || parsed.ms > MAX_OFFER_VALIDITY_MS) {
      errors.push({ field: `${field}.validFor`, reason: 'must be a duration like "72h" (1h to 90d)' });
    }
  }
  if (d.maxPercent !== undefined && !isPercent(d.maxPercent)) {
    errors.push({ field: `${field}.maxPercent`, reason: 'must be a number above 0 and at most 100' });
  }
  if (d.maxAmount !== undefined && !isPositive(d.maxAmount)) {
    errors.push({ field: `${field}.maxAmount`, reason: 'must be a number above 0' });
  }
  if (!Array.isArray(d.rules)) {
    errors.push({ field: `${field}.rules`, reason: 'must be an array of rules' });
  } else if (d.rules.length > MAX_DISCOUNT_RULES) {
    errors.push({ field: `${field}.rules`, reason: `must have at most ${MAX_DISCOUNT_RULES} rules` });
  } else {
    d.rules.forEach((rule, i) => {
      errors.push(...ruleErrors(rule, `${field}.rules[${i}]`));
    });
  }
  return errors;
}
function ruleErrors(value, field) {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return [{ field, reason: 'must be an object with an "offer"' }];
  }
  const r = value;
  const errors = [];
  if (r.reason !== undefined) {
    const reasons = Array.isArray(r.reason) ? r.reason : [r.reason];
    if (reasons.length === 0 || !reasons.every((x) => checkout_events_1.ABANDON_REASONS.includes(x))) {
      errors.push({
        field: `${field}.reason`,
        reason: `must be one or a list of ${checkout_events_1.ABANDON_REASONS.join(', ')}`,
      });
    }
  }
  for (const bound of ['minCartTotal', 'maxCartTotal']) {
    const v = r[bound];
    if (v !== undefined && !(isNumber(v) && v >= 0)) {
      errors.push({ field: `${field}.${bound}`, reason: 'must be a number >= 0 (cart currency)' });
    }
  }
  if (isNumber(r.minCartTotal) && isNumber(r.maxCartTotal) && r.maxCartTotal <= r.minCartTotal) {
    errors.push({ field: `${field}.maxCartTotal`, reason: 'must be above minCartTotal' });
  }
  if (r.currency !== undefined && !(typeof r.currency === 'string' && /^[A-Z]{3}$/.test(r.currency))) {
    errors.push({ field: `${field}.currency`, reason: 'must be an ISO 4217 code like "EUR"' });
  }
  if (r.tiers !== undefined) {
    const ok =
      Array.isArray(r.tiers) &&
      r.tiers.length > 0 &&
      r.tiers.every((t) => typeof t === 'string' && exports.TIER_PATTERN.test(t));
    if (!ok) errors.push({ field: `${field}.tiers`, reason: 'must be a non-empty list of tier names like "gold"' });
  }
  if (!('offer' in r)) {
    errors.push({
      field: `${field}.offer`,
      reason: 'is required: {"percent":10}, {"amount":5}, {"freeShipping":true} or null',
    });
  } else if (r.offer !== null) errors.push(...offerErrors(r.offer, `${field}.offer`));
  return errors;
}
function offerErrors(value, field) {
  const shape = 'must be exactly one of {"percent":10}, {"amount":5}, {"freeShipping":true}, or null';
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [{ field, reason: shape }];
  const o = value;
  const keys = Object.keys(o);
  if (keys.length !== 1) return [{ field, reason: shape }];
  if ('percent' in o)
    return isPercent(o.percent) ? [] : [{ field: `${field}.percent`, reason: 'must be above 0 and at most 100' }];
  if ('amount' in o)
    return isPositive(o.amount) ? [] : [{ field: `${field}.amount`, reason: 'must be a number above 0' }];
  if ('freeShipping' in o)
    return o.freeShipping === true ? [] : [{ field: `${field}.freeShipping`, reason: 'must be true' }];
  return [{ field, reason: shape }];
}
//# sourceMappingURL=validate-policy.js.map
