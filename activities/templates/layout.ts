// The shared frame of every email: simple table layout with inline styles, because mail
// clients ignore <style> blocks and most of CSS.
import type { EmailContent } from './email-content';
import { html, type SafeHtml } from './html';

const FONT = 'font-family:Arial,Helvetica,sans-serif;color:#18181b;font-size:16px;line-height:1.5;';
const MUTED = 'font-size:13px;color:#71717a;';

const paragraph = (text: string | SafeHtml) => html`<p style="margin:0 0 16px 0;">${text}</p>`;

export function emailHtml(c: EmailContent): string {
  const cart = c.cart
    ? html`<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="margin:16px 0;border-collapse:collapse;">
${c.cart.lines.map(
  (line) => html`<tr>
<td style="padding:8px 8px 8px 0;width:64px;">${line.imageUrl ? html`<img src="${line.imageUrl}" alt="${line.name}" width="64" height="64" style="display:block;border-radius:4px;object-fit:cover;">` : undefined}</td>
<td style="padding:8px;">${line.name}<br><span style="${MUTED}">${line.quantity}</span></td>
<td align="right" style="padding:8px 0 8px 8px;white-space:nowrap;">${line.lineTotal}</td>
</tr>`,
)}
<tr><td colspan="2" style="padding:12px 8px 0 0;border-top:1px solid #e4e4e7;font-weight:bold;">${c.cart.totalLabel}</td>
<td align="right" style="padding:12px 0 0 8px;border-top:1px solid #e4e4e7;font-weight:bold;white-space:nowrap;">${c.cart.total}</td></tr>
</table>`
    : undefined;
  const offer = c.offer
    ? html`<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="margin:16px 0;border:2px dashed #18181b;border-radius:8px;"><tr><td align="center" style="padding:16px;">
<p style="margin:0 0 8px 0;font-weight:bold;">${c.offer.headline}</p>
<p style="margin:0 0 8px 0;font-family:'Courier New',Courier,monospace;font-size:22px;letter-spacing:2px;font-weight:bold;">${c.offer.code}</p>
<p style="margin:0;${MUTED}">${c.offer.instructions}</p>
</td></tr></table>`
    : undefined;
  const button = c.button
    ? html`<table role="presentation" cellpadding="0" cellspacing="0" style="margin:24px 0;"><tr>
<td style="border-radius:6px;background:#18181b;"><a href="${c.button.href}" style="display:inline-block;padding:12px 24px;color:#ffffff;text-decoration:none;font-weight:bold;">${c.button.label}</a></td>
</tr></table>
<p style="margin:0 0 16px 0;${MUTED}">${c.button.orOpen} <a href="${c.button.href}" style="color:#71717a;">${c.button.href}</a></p>`
    : undefined;
  const footer = c.footer
    ? html`<p style="max-width:600px;margin:16px auto 0 auto;${MUTED}font-family:Arial,Helvetica,sans-serif;">
${c.footer.why}
<a href="${c.footer.unsubscribeUrl}" style="color:#71717a;">${c.footer.unsubscribeLabel}</a></p>`
    : undefined;
  return html`<!doctype html>
<html lang="${c.lang}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${c.subject}</title></head>
<body style="margin:0;padding:0;background:#f4f4f5;">
<span style="display:none;max-height:0;overflow:hidden;">${c.preheader}</span>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f4f4f5;"><tr><td align="center" style="padding:24px 12px;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:600px;background:#ffffff;border-radius:8px;${FONT}">
<tr><td style="padding:32px;">
${paragraph(c.greeting)}
${c.intro.map(paragraph)}
${cart}
${offer}
${button}
${c.outro.map(paragraph)}
</td></tr>
</table>
${footer}
</td></tr></table>
</body>
</html>
`.value;
}
