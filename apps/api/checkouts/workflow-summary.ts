// What an operator sees for a checkout in the Temporal UI. Ids, amounts and the schedule only:
// summaries are encrypted like every payload, but they are what anyone with UI access reads in
// lists, and plain text when PAYLOAD_ENCRYPTION=off, so no email address or name goes here.
import type { CheckoutRecoveryInput } from '../../../common/checkout';

// A currency's minor digits, once per currency: a NumberFormat per start cost more than the rest of
// the summary. Intl takes only three-letter codes, so the map stays small.
const minorDigits = new Map<string, number | undefined>();

function money(amount: number, currency: string): string {
  if (!minorDigits.has(currency)) {
    const format = new Intl.NumberFormat('en-US', { style: 'currency', currency });
    minorDigits.set(currency, format.resolvedOptions().maximumFractionDigits);
  }
  return `${amount.toFixed(minorDigits.get(currency))} ${currency}`;
}

/** `Checkout co-1 · customer c-42 · 59.90 EUR · 3 reminders (30m, 1d, 3d)` */
export function summaryFor({ checkout, schedule }: CheckoutRecoveryInput): string {
  const offsets = schedule.map((s) => s.after).join(', ');
  const reminders = `${schedule.length} reminder${schedule.length === 1 ? '' : 's'} (${offsets})`;
  return `Checkout ${checkout.checkoutId} · customer ${checkout.customer.id} · ${money(checkout.cart.total, checkout.cart.currency)} · ${reminders}`;
}

export function detailsFor({ checkout, schedule }: CheckoutRecoveryInput): string {
  const lines = [
    `**Reminder schedule** (offsets from the shopper's last activity)`,
    ...schedule.map(
      (s, i) => `${i + 1}. after ${s.after}: ${s.template} by ${(s.channels ?? [s.channel]).join(' or ')}`,
    ),
    '',
    `**Cart**: ${checkout.cart.items.length} line(s), ${money(checkout.cart.total, checkout.cart.currency)}`,
  ];
  return lines.join('\n');
}
