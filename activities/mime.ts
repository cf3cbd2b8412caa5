// Raw MIME for SendRawEmail: SendEmail cannot carry List-Unsubscribe headers. MailComposer
// does the message (headers, folding, RFC 2047 names, multipart boundaries); the two body parts are
// quoted-printable encoded by quoted-printable.ts, which costs a fraction of MailComposer's encoder.

import MailComposer from 'nodemailer/lib/mail-composer';
import type Mail from 'nodemailer/lib/mailer';
import type { Customer } from '../common/checkout';
import { quotedPrintable } from './quoted-printable';
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
    // Quoted-printable, chosen rather than detected: it keeps the parts readable to filters in
    // every language. The parts' own headers are fixed text; only the encoded bodies vary. Without a
    // text part the HTML would be the message's root, and a ready root part has no room for the
    // message's headers: the composer encodes that (rare) HTML-only message itself.
    ...(email.text
      ? { text: readyPart('text/plain', email.text), html: readyPart('text/html', email.html) }
      : { html: email.html }),
    headers,
    // The headers' encoding (subject, names as RFC 2047 `Q` words), and the HTML-only message's body.
    textEncoding: 'quoted-printable',
  });
  return composer.compile().build();
}

/**
 * A MIME body part (headers, blank line, body) of UTF-8 `content`, quoted-printable, as MailComposer's
 * `raw`: it takes one for text and html too, though its types list `raw` for attachments only.
 */
function readyPart(contentType: 'text/plain' | 'text/html', content: string): Mail.AttachmentLike {
  const raw = `Content-Type: ${contentType}; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n${quotedPrintable(content)}`;
  return { raw } as unknown as Mail.AttachmentLike;
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
