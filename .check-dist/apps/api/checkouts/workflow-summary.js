Object.defineProperty(exports, '__esModule', { value: true });
exports.summaryFor = summaryFor;
exports.detailsFor = detailsFor;
function money(amount, currency) {
  const digits = new Intl.NumberFormat('en-US', { style: 'currency', currency }).resolvedOptions()
    .maximumFractionDigits;
  return `${amount.toFixed(digits)} ${currency}`;
}
/** `Checkout co-1 · customer c-42 · 59.90 EUR · 3 reminders (30m, 1d, 3d)` */
function summaryFor({ checkout, schedule }) {
  const offsets = schedule.map((s) => s.after).join(', ');
  const reminders = `${schedule.length} reminder${schedule.length === 1 ? '' : 's'} (${offsets})`;
  return `Checkout ${checkout.checkoutId} · customer ${checkout.customer.id} · ${money(checkout.cart.total, checkout.cart.currency)} · ${reminders}`;
}
function detailsFor({ checkout, schedule }) {
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
//# sourceMappingURL=workflow-summary.js.map
