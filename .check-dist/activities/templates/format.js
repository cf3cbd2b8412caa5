Object.defineProperty(exports, '__esModule', { value: true });
exports.MAX_GREETING_NAME_LENGTH = void 0;
exports.formatMoney = formatMoney;
exports.moneyFor = moneyFor;
exports.displayName = displayName;
exports.greeting = greeting;
exports.formatDateTime = formatDateTime;
// Locales are not validated at the API edge; a malformed one must not fail the send.
const FALLBACK_LOCALE = 'en-US';
function formatMoney(amount, currency, locale) {
  const options = { style: 'currency', currency };
  try {
    return new Intl.NumberFormat(locale ?? FALLBACK_LOCALE, options).format(amount);
  } catch {
    return new Intl.NumberFormat(FALLBACK_LOCALE, options).format(amount);
  }
}
/** A money formatter bound to the customer's locale and the cart's currency. */
function moneyFor(customer, currency) {
  return (amount) => formatMoney(amount, currency, customer.locale);
}
// A name is free text from the caller: rendered only when it looks like a name (letters, with
// single spaces, hyphens or apostrophes between them; no dots, digits or slashes, so nothing
// URL-like), at most 3 words and 30 characters. Anything else is a sentence someone wants the shop
// to say ("your account is locked, verify at …"), and the greeting goes without it.
const NAME_PATTERN = /^[\p{L}\p{M}]+(?:[ '’-][\p{L}\p{M}]+)*$/u;
exports.MAX_GREETING_NAME_LENGTH = 30;
const MAX_GREETING_NAME_WORDS = 3;
/** The customer's name as a message may show it, or undefined when it does not look like a name. */
function displayName(customer) {
  const name = customer.name?.normalize('NFC').trim().replace(/\s+/g, ' ');
  if (!name || name.length > exports.MAX_GREETING_NAME_LENGTH || !NAME_PATTERN.test(name)) return undefined;
  return name.split(' ').length <= MAX_GREETING_NAME_WORDS ? name : undefined;
}
function greeting(customer) {
  const name = displayName(customer);
  return name ? `Hi ${name},` : 'Hi there,';
}
/** A date and time for the customer: their locale, their zone (else UTC), the zone named. */
function formatDateTime(iso, customer) {
  const options = {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  };
  const date = new Date(iso);
  try {
    return new Intl.DateTimeFormat(customer.locale ?? FALLBACK_LOCALE, {
      ...options,
      timeZone: customer.timezone ?? 'UTC',
    }).format(date);
  } catch {
    return new Intl.DateTimeFormat(FALLBACK_LOCALE, { ...options, timeZone: 'UTC' }).format(date);
  }
}
//# sourceMappingURL=format.js.map
