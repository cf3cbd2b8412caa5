import type { CheckoutRecoveryInput } from './checkout';
import { preferencesErrors } from './customer-preferences';
import { isTimeZone } from './quiet-hours';
import { type FieldError, resolveSchedule } from './schedule';
import { validatePolicy } from './validate-policy';

// Ids end up in workflow ids, URLs and dedupe keys: keep them to a safe, bounded alphabet.
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
/** The API checks these too (on top of its own rules), so it never accepts an input the workflow rejects. */
export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const HTTP_URL_PATTERN = /^https?:\/\//;
const CURRENCY_PATTERN = /^[A-Z]{3}$/;
/** E.164: "+", a country code that does not start with 0, at most 15 digits in all. */
export const E164_PATTERN = /^\+[1-9]\d{6,14}$/;
/** base64url without padding; a P-256 public key (65 bytes) is 87 characters, a 16-byte secret 22. */
export const PUSH_P256DH_PATTERN = /^[A-Za-z0-9_-]{87}={0,1}$/;
export const PUSH_AUTH_PATTERN = /^[A-Za-z0-9_-]{22}(==)?$/;

const isText = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';
const isAmount = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;

/**
 * Checks a workflow input. The API validates the same rules at the edge with field-level
 * messages; the workflow runs this too so a bad start from any other client fails fast and clearly.
 */
export function validateRecoveryInput(input: CheckoutRecoveryInput | undefined): FieldError[] {
  const errors: FieldError[] = [];
  const checkout = input?.checkout;
  if (!checkout) return [{ field: 'checkout', reason: 'is required' }];
  if (!isText(checkout.checkoutId) || !ID_PATTERN.test(checkout.checkoutId)) {
    errors.push({ field: 'checkoutId', reason: 'must be 1-128 letters, digits, ".", "_", ":" or "-"' });
  }
  const customer = checkout.customer;
  if (!customer) errors.push({ field: 'customer', reason: 'is required' });
  else {
    if (!isText(customer.id) || !ID_PATTERN.test(customer.id)) {
      errors.push({ field: 'customer.id', reason: 'must be 1-128 letters, digits, ".", "_", ":" or "-"' });
    }
    if (!isText(customer.email) || !EMAIL_PATTERN.test(customer.email)) {
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
  if (!isText(checkout.checkoutUrl) || !HTTP_URL_PATTERN.test(checkout.checkoutUrl)) {
    errors.push({ field: 'checkoutUrl', reason: 'must be an http(s) URL' });
  }
  if (customer?.phone !== undefined && (typeof customer.phone !== 'string' || !E164_PATTERN.test(customer.phone))) {
    errors.push({ field: 'customer.phone', reason: 'must be an E.164 number like "+14155550123"' });
  }
  if (customer?.pushSubscription !== undefined) {
    errors.push(...pushSubscriptionErrors(customer.pushSubscription, 'customer.pushSubscription'));
  }
  if (customer?.timezone !== undefined && !isTimeZone(customer.timezone)) {
    errors.push({ field: 'customer.timezone', reason: 'must be an IANA time zone like "Europe/Berlin"' });
  }
  if (input.policy !== undefined) errors.push(...validatePolicy(input.policy));
  if (input.preferences !== undefined) errors.push(...preferencesErrors(input.preferences, 'preferences'));
  if (input.sendOrderConfirmation !== undefined && typeof input.sendOrderConfirmation !== 'boolean') {
    errors.push({ field: 'sendOrderConfirmation', reason: 'must be true or false' });
  }
  const schedule = resolveSchedule(input?.schedule);
  if (!schedule.ok) errors.push(...schedule.errors);
  return errors;
}

/** A browser's PushSubscriptionJSON: an http(s) endpoint and the two base64url keys web push encrypts with. */
export function pushSubscriptionErrors(value: unknown, field: string): FieldError[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return [{ field, reason: "must be the browser's PushSubscription JSON: { endpoint, keys: { p256dh, auth } }" }];
  }
  const sub = value as Record<string, unknown>;
  const errors: FieldError[] = [];
  if (!isText(sub.endpoint) || !HTTP_URL_PATTERN.test(sub.endpoint) || sub.endpoint.length > 2048) {
    errors.push({ field: `${field}.endpoint`, reason: "must be the push service's http(s) URL" });
  }
  if (sub.expirationTime != null && !isAmount(sub.expirationTime)) {
    errors.push({ field: `${field}.expirationTime`, reason: 'must be epoch milliseconds or null' });
  }
  const keys = sub.keys as Record<string, unknown> | undefined;
  if (typeof keys !== 'object' || keys === null) {
    errors.push({ field: `${field}.keys`, reason: 'must be { p256dh, auth }' });
  } else {
    if (typeof keys.p256dh !== 'string' || !PUSH_P256DH_PATTERN.test(keys.p256dh)) {
      errors.push({ field: `${field}.keys.p256dh`, reason: 'must be a base64url P-256 public key (65 bytes)' });
    }
    if (typeof keys.auth !== 'string' || !PUSH_AUTH_PATTERN.test(keys.auth)) {
      errors.push({ field: `${field}.keys.auth`, reason: 'must be a base64url 16-byte secret' });
    }
  }
  return errors;
}

export function describeErrors(errors: FieldError[]): string {
  return errors.map((e) => `${e.field} ${e.reason}`).join('; ');
}
