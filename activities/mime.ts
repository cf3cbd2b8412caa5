// Raw MIME for SendRawEmail: SendEmail cannot carry List-Unsubscribe headers. MailComposer
// does the encoding (folding, RFC 2047 names, multipart boundaries); nothing here concatenates MIME.
import MailComposer from 'nodemailer/lib/mail-composer';
import type { Customer } from '../common/checkout';
import type { RenderedEmail } from './templates';

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

/**
 * Marketing mail: one-click unsubscribe headers (Gmail and Yahoo require them for bulk senders, and
 * want an https URL: PUBLIC_API_URL in production). `unsubscribeUrl` is the signed link of links.ts.
 */
export function reminderHeaders(unsubscribeUrl: string, checkoutId: string, step: number): Record<string, string> {
  return {
    'List-Unsubscribe': `<${unsubscribeUrl}>`,
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    'X-Checkout-Id': checkoutId,
    'X-Reminder-Step': String(step),
  };
}

/** Transactional mail: no List-Unsubscribe, an order confirmation is not something to opt out of. */
export function confirmationHeaders(checkoutId: string): Record<string, string> {
  return { 'X-Checkout-Id': checkoutId };
}
