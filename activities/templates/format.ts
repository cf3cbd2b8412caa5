// Locale-aware bits shared by every template: money, dates and the greeting, through Intl in the
// shopper's own locale (de-AT money for a de-AT shopper, whose words come from the de catalogue).
import type { Customer } from '../../common/checkout';
import type { Translator } from './i18n/translator';

// Locales are not validated at the API edge; a malformed one must not fail the send.
const FALLBACK_LOCALE = 'en-US';

export function formatMoney(amount: number, currency: string, locale: string | undefined): string {
  const options = { style: 'currency', currency } as const;
  try {
    return new Intl.NumberFormat(locale ?? FALLBACK_LOCALE, options).format(amount);
  } catch {
    return new Intl.NumberFormat(FALLBACK_LOCALE, options).format(amount);
  }
}

/** A money formatter bound to the customer's locale and the cart's currency. */
export function moneyFor(customer: Customer, currency: string): (amount: number) => string {
  return (amount) => formatMoney(amount, currency, customer.locale);
}

// A name is free text from the caller: rendered only when it looks like a name (letters, with
// single spaces, hyphens or apostrophes between them; no dots, digits or slashes, so nothing
// URL-like), at most 3 words and 30 characters. Anything else is a sentence someone wants the shop
// to say ("your account is locked, verify at …"), and the greeting goes without it.
const NAME_PATTERN = /^[\p{L}\p{M}]+(?:[ '’-][\p{L}\p{M}]+)*$/u;
export const MAX_GREETING_NAME_LENGTH = 30;
const MAX_GREETING_NAME_WORDS = 3;

/** The customer's name as a message may show it, or undefined when it does not look like a name. */
export function displayName(customer: Pick<Customer, 'name'>): string | undefined {
  const name = customer.name?.normalize('NFC').trim().replace(/\s+/g, ' ');
  if (!name || name.length > MAX_GREETING_NAME_LENGTH || !NAME_PATTERN.test(name)) return undefined;
  return name.split(' ').length <= MAX_GREETING_NAME_WORDS ? name : undefined;
}

/** "Hallo Ada," or "Hallo,": no salutation that guesses a gender. */
export function greeting(customer: Customer, tr: Translator): string {
  const name = displayName(customer);
  return name ? tr.t('common.greeting.named', { name }) : tr.t('common.greeting.anonymous');
}

/** A date and time for the customer: their locale, their zone (else UTC), the zone named. */
export function formatDateTime(iso: string, customer: Customer): string {
  const options = {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  } as const;
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
