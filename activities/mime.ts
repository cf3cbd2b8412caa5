// Raw MIME for SendRawEmail: SendEmail cannot carry List-Unsubscribe headers. MailComposer
// does the encoding (folding, RFC 2047 names, multipart boundaries); nothing here concatenates MIME.
import MailComposer from 'nodemailer/lib/mail-composer';
import type { Customer } from '../common/checkout';
import type { RenderedEmail } from './templates';

/** The API serves GET (a confirm page) and POST (RFC 8058 one-click) at this address. */
export function unsubscribeUrl(publicUrl: string, checkoutId: string): string {
  return `${publicUrl.replace(/\/$/, '')}/unsubscribe?checkout=${encodeURIComponent(checkoutId)}`;
}

export interface MimeInput {
  from: string;
  to: Customer;
  email: RenderedEmail;
  headers: Record<string, string>;
}

export function buildMime({ from, to, email, headers }: MimeInput): Promise<Buffer> {
  const composer = new MailComposer({
    from,
    to: to.name ? { name: to.name, address: to.email } : to.email,
    subject: email.subject,
    text: email.text,
    html: email.html,
    headers,
  });
  return composer.compile().build();
}

/** Marketing mail: one-click unsubscribe headers (Gmail and Yahoo require them for bulk senders). */
export function reminderHeaders(publicUrl: string, checkoutId: string, step: number): Record<string, string> {
  return {
    'List-Unsubscribe': `<${unsubscribeUrl(publicUrl, checkoutId)}>`,
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    'X-Checkout-Id': checkoutId,
    'X-Reminder-Step': String(step),
  };
}

/** Transactional mail: no List-Unsubscribe, an order confirmation is not something to opt out of. */
export function confirmationHeaders(checkoutId: string): Record<string, string> {
  return { 'X-Checkout-Id': checkoutId };
}
