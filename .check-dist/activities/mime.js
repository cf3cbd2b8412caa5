var __importDefault = (this && this.__importDefault) || ((mod) => (mod && mod.__esModule ? mod : { default: mod }));
Object.defineProperty(exports, '__esModule', { value: true });
exports.buildMime = buildMime;
exports.reminderHeaders = reminderHeaders;
exports.confirmationHeaders = confirmationHeaders;
// Raw MIME for SendRawEmail: SendEmail cannot carry List-Unsubscribe headers. MailComposer
// does the encoding (folding, RFC 2047 names, multipart boundaries); nothing here concatenates MIME.
const mail_composer_1 = __importDefault(require('nodemailer/lib/mail-composer'));
const format_1 = require('./templates/format');
function buildMime({ from, to, email, headers }) {
  // The display name is shown by mail clients like the greeting: only when it looks like a name.
  const name = (0, format_1.displayName)(to);
  const composer = new mail_composer_1.default({
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
function reminderHeaders(unsubscribeUrl, checkoutId, step) {
  return {
    'List-Unsubscribe': `<${unsubscribeUrl}>`,
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    'X-Checkout-Id': checkoutId,
    'X-Reminder-Step': String(step),
  };
}
/** Transactional mail: no List-Unsubscribe, an order confirmation is not something to opt out of. */
function confirmationHeaders(checkoutId) {
  return { 'X-Checkout-Id': checkoutId };
}
//# sourceMappingURL=mime.js.map
