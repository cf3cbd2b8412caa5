// Raw MIME for SendRawEmail: SendEmail cannot carry List-Unsubscribe headers. MailComposer
// does the encoding (folding, RFC 2047 names, multipart boundaries); nothing here concatenates MIME.
import MailComposer from 'nodemailer/lib/mail-composer';
import type { Customer } from '../common/checkout';
import type { RenderedEmail } from './templates';
import { displayName } from './templates/format';

export interface MimeInput {
  from: string;
  to: Customer;
  email: RenderedEmail;
  headers: Record<string, string>;
}

export function buildMime({ from, to, email, headers }: MimeInput): Promise<Buffer> {
  // The display name is shown by mail clients like the greeting: only when it looks like a name.
  const name = displayName(to);
  const composer = new MailComposer({
    from,
    to: name ? { name, address: to.email } : to.email,
    subject: email.subject,
    text: email.text,
    html: email.html,
    headers,
    // Chosen, not detected: the detection scans every text and was half of MIME's CPU per reminder
    // (bench profile); quoted-printable keeps the parts readable to filters in every language.
    textEncoding: 'quoted-printable',
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
