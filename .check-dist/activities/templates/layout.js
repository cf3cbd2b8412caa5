Object.defineProperty(exports, '__esModule', { value: true });
exports.emailDocument = emailDocument;
exports.paragraph = paragraph;
exports.requireHttpUrl = requireHttpUrl;
exports.button = button;
exports.unsubscribeFooter = unsubscribeFooter;
exports.unsubscribeFooterText = unsubscribeFooterText;
exports.cartTable = cartTable;
exports.cartText = cartText;
exports.itemCount = itemCount;
exports.noteParagraph = noteParagraph;
exports.noteLines = noteLines;
exports.offerSummary = offerSummary;
exports.offerBlock = offerBlock;
exports.offerLines = offerLines;
const format_1 = require('./format');
const html_1 = require('./html');
const FONT = 'font-family:Arial,Helvetica,sans-serif;color:#18181b;font-size:16px;line-height:1.5;';
const MUTED = 'font-size:13px;color:#71717a;';
function emailDocument(parts) {
  return (0, html_1.html)`<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${parts.title}</title></head>
<body style="margin:0;padding:0;background:#f4f4f5;">
<span style="display:none;max-height:0;overflow:hidden;">${parts.preheader}</span>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f4f4f5;"><tr><td align="center" style="padding:24px 12px;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:600px;background:#ffffff;border-radius:8px;${FONT}">
<tr><td style="padding:32px;">
${parts.body}
</td></tr>
</table>
${parts.footer}
</td></tr></table>
</body>
</html>
`.value;
}
function paragraph(text) {
  return (0, html_1.html)`<p style="margin:0 0 16px 0;">${text}</p>`;
}
/** The workflow validates checkout URLs; this guards the href against anything else. */
function requireHttpUrl(url, what) {
  const safe = (0, html_1.httpUrl)(url);
  if (!safe) throw new Error(`${what} must be an http(s) URL`);
  return safe;
}
function button(href, label) {
  return (0, html_1.html)`<table role="presentation" cellpadding="0" cellspacing="0" style="margin:24px 0;"><tr>
<td style="border-radius:6px;background:#18181b;"><a href="${href}" style="display:inline-block;padding:12px 24px;color:#ffffff;text-decoration:none;font-weight:bold;">${label}</a></td>
</tr></table>
<p style="margin:0 0 16px 0;${MUTED}">Or open this link: <a href="${href}" style="color:#71717a;">${href}</a></p>`;
}
function unsubscribeFooter(unsubscribeUrl) {
  return (0,
  html_1.html)`<p style="max-width:600px;margin:16px auto 0 auto;${MUTED}font-family:Arial,Helvetica,sans-serif;">
You get this email because you started a checkout with us.
<a href="${unsubscribeUrl}" style="color:#71717a;">Unsubscribe from cart reminders</a></p>`;
}
function unsubscribeFooterText(unsubscribeUrl) {
  return `You get this email because you started a checkout with us.\nUnsubscribe from cart reminders: ${unsubscribeUrl}`;
}
/** Cart lines with image, name, quantity, unit price and line total, then the total. */
function cartTable(cart, money, total = cart.total) {
  const rows = cart.items.map((item) => {
    const image = (0, html_1.httpUrl)(item.imageUrl);
    const imageCell = image
      ? (0,
        html_1.html)`<img src="${image}" alt="${item.name}" width="64" height="64" style="display:block;border-radius:4px;object-fit:cover;">`
      : undefined;
    return (0, html_1.html)`<tr>
<td style="padding:8px 8px 8px 0;width:64px;">${imageCell}</td>
<td style="padding:8px;">${item.name}<br><span style="${MUTED}">${item.quantity} × ${money(item.unitPrice)}</span></td>
<td align="right" style="padding:8px 0 8px 8px;white-space:nowrap;">${money(item.unitPrice * item.quantity)}</td>
</tr>`;
  });
  return (0,
  html_1.html)`<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="margin:16px 0;border-collapse:collapse;">
${rows}
<tr><td colspan="2" style="padding:12px 8px 0 0;border-top:1px solid #e4e4e7;font-weight:bold;">Total</td>
<td align="right" style="padding:12px 0 0 8px;border-top:1px solid #e4e4e7;font-weight:bold;white-space:nowrap;">${money(total)}</td></tr>
</table>`;
}
function cartText(cart, money, total = cart.total) {
  const lines = cart.items.map(
    (item) => `- ${item.name}: ${item.quantity} × ${money(item.unitPrice)} = ${money(item.unitPrice * item.quantity)}`,
  );
  return [...lines, `Total: ${money(total)}`].join('\n');
}
function itemCount(cart) {
  return cart.items.reduce((n, item) => n + item.quantity, 0);
}
/** The reason note (reason-note.ts) as a paragraph, or nothing. */
function noteParagraph(note) {
  return note ? paragraph(note.text) : undefined;
}
/** The reason note as plain-text lines (with the blank line after it), or none. */
function noteLines(note) {
  return note ? [note.text, ''] : [];
}
/** What an offer gives, short: "10% off", "€5.00 off", "free shipping". */
function offerSummary(offer, money) {
  if (offer.freeShipping) return 'free shipping';
  if (offer.percent !== undefined) return `${offer.percent}% off`;
  return `${money(offer.amount ?? 0)} off`;
}
/** The offer in one sentence, with its cap and the code's expiry in the customer's locale and zone. */
function offerSentence(checkout, offer) {
  const money = (0, format_1.moneyFor)(checkout.customer, offer.currency);
  const cap = offer.percent !== undefined && offer.maxAmount !== undefined ? ` (up to ${money(offer.maxAmount)})` : '';
  const what = offer.freeShipping ? 'Free shipping on your order' : `${offerSummary(offer, money)} your order${cap}`;
  return {
    what: what.charAt(0).toUpperCase() + what.slice(1),
    until: (0, format_1.formatDateTime)(offer.expiresAt, checkout.customer),
  };
}
/** The discount code as a boxed block, or nothing. */
function offerBlock(checkout, offer) {
  if (!offer) return undefined;
  const { what, until } = offerSentence(checkout, offer);
  return (0,
  html_1.html)`<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="margin:16px 0;border:2px dashed #18181b;border-radius:8px;"><tr><td align="center" style="padding:16px;">
<p style="margin:0 0 8px 0;font-weight:bold;">${what}</p>
<p style="margin:0 0 8px 0;font-family:'Courier New',Courier,monospace;font-size:22px;letter-spacing:2px;font-weight:bold;">${offer.code}</p>
<p style="margin:0;${MUTED}">Enter the code at checkout. It works until ${until}.</p>
</td></tr></table>`;
}
/** The discount code as plain-text lines (with the blank line after them), or none. */
function offerLines(checkout, offer) {
  if (!offer) return [];
  const { what, until } = offerSentence(checkout, offer);
  return [`${what} with the code ${offer.code}.`, `Enter the code at checkout. It works until ${until}.`, ''];
}
//# sourceMappingURL=layout.js.map
