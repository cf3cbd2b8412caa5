Object.defineProperty(exports, '__esModule', { value: true });
exports.E164_PATTERN = exports.HTTP_URL_PATTERN = exports.EMAIL_PATTERN = exports.ID_PATTERN = void 0;
exports.validateRecoveryInput = validateRecoveryInput;
exports.describeErrors = describeErrors;
const customer_preferences_1 = require('./customer-preferences');
const push_subscription_1 = require('./push-subscription');
const quiet_hours_1 = require('./quiet-hours');
const schedule_1 = require('./schedule');
const validate_policy_1 = require('./validate-policy');
// Ids end up in workflow ids, URLs and dedupe keys: keep them to a safe, bounded alphabet.
exports.ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
/**
 * The API checks these too (on top of its own rules), so it never accepts an input the workflow rejects.
 * EMAIL_PATTERN accepts exactly what `^[^\s@]+@[^\s@]+\.[^\s@]+$` did (one "@", a dot inside the domain),
 * but anchors the domain's first interior dot (`[^\s@.]*\.`), so a failing match backtracks in linear
 * time: the old form tried every dot against every split, quadratic in the length (seconds for 100 KB).
 */
exports.EMAIL_PATTERN = /^[^\s@]+@[^\s@][^\s@.]*\.[^\s@]+$/;
exports.HTTP_URL_PATTERN = /^https?:\/\//;
const CURRENCY_PATTERN = /^[A-Z]{3}$/;
/** E.164: "+", a country code that does not start with 0, at most 15 digits in all. */
exports.E164_PATTERN = /^\+[1-9]\d{6,14}$/;
const isText = (v) => typeof v === 'string' && v.trim() !== '';
const isAmount = (v) => typeof v === 'number' && Number.isFinite(v) && v >= 0;
/**
 * Checks a workflow input. The API validates the same rules at the edge with field-level
 * messages; the workflow runs this too so a bad start from any other client fails fast and clearly.
 */
function validateRecoveryInput(input) {
  const errors = [];
  const checkout = input?.checkout;
  if (!checkout) return [{ field: 'checkout', reason: 'is required' }];
  if (!isText(checkout.checkoutId) || !exports.ID_PATTERN.test(checkout.checkoutId)) {
    errors.push({ field: 'checkoutId', reason: 'must be 1-128 letters, digits, ".", "_", ":" or "-"' });
  }
  const customer = checkout.customer;
  if (!customer) errors.push({ field: 'customer', reason: 'is required' });
  else {
    if (!isText(customer.id) || !exports.ID_PATTERN.test(customer.id)) {
      errors.push({ field: 'customer.id', reason: 'must be 1-128 letters, digits, ".", "_", ":" or "-"' });
    }
    if (!isText(customer.email) || !exports.EMAIL_PATTERN.test(customer.email)) {
      errors.push({ field: 'customer.email', reason: 'must be an email address' });
    }
  }
  const cart = checkout.cart;
  if (!cart) errors.push({ field: 'cart', reason: 'is required' });
  else {
    if (!isText(cart.currency) || !CURRENCY_PATTERN.test(cart.currency)) {
      errors.push({ field: 'cart.currency', reason: 'must be an ISO 4217 code like "EUR"' });
    }
    if (!isAmount(cart.total)) errors.push({ field: 'cart.total', reason: 'must be a number >= 0' });
    if (!Array.isArray(cart.items)) errors.push({ field: 'cart.items', reason: 'must be an array' });
  }
  if (!isText(checkout.checkoutUrl) || !exports.HTTP_URL_PATTERN.test(checkout.checkoutUrl)) {
    errors.push({ field: 'checkoutUrl', reason: 'must be an http(s) URL' });
  }
  if (
    customer?.phone !== undefined &&
    (typeof customer.phone !== 'string' || !exports.E164_PATTERN.test(customer.phone))
  ) {
    errors.push({ field: 'customer.phone', reason: 'must be an E.164 number like "+14155550123"' });
  }
  if (customer?.pushSubscription !== undefined) {
    errors.push(
      ...(0, push_subscription_1.pushSubscriptionErrors)(customer.pushSubscription, 'customer.pushSubscription'),
    );
  }
  if (customer?.timezone !== undefined && !(0, quiet_hours_1.isTimeZone)(customer.timezone)) {
    errors.push({ field: 'customer.timezone', reason: 'must be an IANA time zone like "Europe/Berlin"' });
  }
  if (
    customer?.tier !== undefined &&
    !(typeof customer.tier === 'string' && validate_policy_1.TIER_PATTERN.test(customer.tier))
  ) {
    errors.push({ field: 'customer.tier', reason: 'must be 1-64 letters, digits, spaces, ".", "_" or "-"' });
  }
  if (input.policy !== undefined) errors.push(...(0, validate_policy_1.validatePolicy)(input.policy));
  if (input.preferences !== undefined)
    errors.push(...(0, customer_preferences_1.preferencesErrors)(input.preferences, 'preferences'));
  if (input.sendOrderConfirmation !== undefined && typeof input.sendOrderConfirmation !== 'boolean') {
    errors.push({ field: 'sendOrderConfirmation', reason: 'must be true or false' });
  }
  const schedule = (0, schedule_1.resolveSchedule)(input?.schedule);
  if (!schedule.ok) errors.push(...schedule.errors);
  return errors;
}
function describeErrors(errors) {
  return errors.map((e) => `${e.field} ${e.reason}`).join('; ');
}
//# sourceMappingURL=validate-checkout.js.map
