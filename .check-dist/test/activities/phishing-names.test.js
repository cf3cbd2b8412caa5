var __importDefault = (this && this.__importDefault) || ((mod) => (mod && mod.__esModule ? mod : { default: mod }));
Object.defineProperty(exports, '__esModule', { value: true });
// No phishing by text: a customer's name is free text from whoever calls the API, and it used to be
// rendered as given into texts ("Your Shop: Hi <name>, …") and email greetings. A name that reads as
// a sentence or carries anything URL-like must never come out in a message the shop sends.
const strict_1 = __importDefault(require('node:assert/strict'));
const node_test_1 = require('node:test');
const fast_check_1 = __importDefault(require('fast-check'));
const mailparser_1 = require('mailparser');
const links_1 = require('../../activities/links');
const mime_1 = require('../../activities/mime');
const templates_1 = require('../../activities/templates');
const format_1 = require('../../activities/templates/format');
const sms_1 = require('../../activities/templates/sms');
const checkout_1 = require('../../common/checkout');
const fixtures_1 = require('./fixtures');
const PHISH = 'Hi your account is locked. Verify at https://evil.example';
/** What a mail client or phone would turn into a link, or read as a host name. */
const URL_LIKE = /[a-z][a-z0-9+.-]*:\/\/|www\.|[\p{L}\d-]+\.[\p{L}]{2,}/iu;
const named = (name) => {
  const checkout = (0, fixtures_1.sampleCheckout)({ checkoutUrl: 'https://shop.example.com/c/1' });
  return { ...checkout, customer: { ...checkout.customer, name } };
};
function everyMessage(checkout) {
  const links = (0, links_1.reminderLinks)(fixtures_1.LINKS, checkout, 1);
  const view = { checkout, step: 1, stepsTotal: 3, ...links };
  const emails = checkout_1.TEMPLATES.map((t) => (0, templates_1.renderReminder)(t, view));
  const texts = checkout_1.TEMPLATES.map((template) =>
    (0, sms_1.renderSms)({ checkout, template, shopName: 'Your Shop', resumeUrl: links.resumeUrl }).replace(
      links.resumeUrl,
      '',
    ),
  );
  const confirmation = (0, templates_1.renderOrderConfirmation)({ checkout, orderId: 'ord-1', total: 10 });
  // The shop's own links are in the bodies; only the greeting part can carry the name.
  const greetings = [...emails, confirmation].map((e) => e.text.split('\n')[0] ?? '');
  return [...texts, ...greetings];
}
(0, node_test_1.describe)('a customer name is never a way to make the shop say something', () => {
  (0, node_test_1.it)('the phishing sentence from the issue renders in no text, greeting or To header', async () => {
    const checkout = named(PHISH);
    for (const message of everyMessage(checkout)) {
      strict_1.default.doesNotMatch(message, /evil|locked|Verify/, message);
    }
    const raw = await (0, mime_1.buildMime)({
      from: fixtures_1.FROM,
      to: checkout.customer,
      email: (0, templates_1.renderReminder)('friendly', {
        checkout,
        step: 1,
        stepsTotal: 3,
        ...(0, links_1.reminderLinks)(fixtures_1.LINKS, checkout, 1),
      }),
      headers: (0, mime_1.reminderHeaders)('https://x.test/u', checkout.checkoutId, 1),
    });
    const mail = await (0, mailparser_1.simpleParser)(raw);
    strict_1.default.equal(mail.to && !Array.isArray(mail.to) ? mail.to.text : '', checkout.customer.email);
    strict_1.default.doesNotMatch(mail.text ?? '', /evil|locked/);
  });
  (0, node_test_1.it)('a text never carries the name at all; an email greets a plain name and nothing else', () => {
    const [text] = everyMessage(named('Ada'));
    strict_1.default.doesNotMatch(text ?? '', /Ada/);
    strict_1.default.equal((0, format_1.displayName)({ name: 'Ada Lovelace' }), 'Ada Lovelace');
    strict_1.default.equal((0, format_1.displayName)({ name: "Zoë O'Neil-Brontë" }), "Zoë O'Neil-Brontë");
    for (const name of ['evil.example', 'Ada https://x', 'Ada.', 'a b c d', 'x'.repeat(31), 'Ada 2', 'Ada\u202eLove']) {
      strict_1.default.equal((0, format_1.displayName)({ name }), undefined, name);
    }
  });
  (0, node_test_1.it)(
    'property: for any name, nothing URL-like and no word of the name beyond a plain name reaches any message',
    () => {
      const fragment = fast_check_1.default.constantFrom(
        'https://evil.example',
        'www.evil.com',
        'evil.example',
        'Verify at',
        ' ',
        '.',
        ':',
        '/',
        'Ada',
      );
      const name = fast_check_1.default.oneof(
        fast_check_1.default.string({ maxLength: 200, unit: 'grapheme' }),
        fast_check_1.default
          .array(fast_check_1.default.oneof(fragment, fast_check_1.default.string({ maxLength: 8 })), { maxLength: 8 })
          .map((parts) => parts.join('')),
      );
      fast_check_1.default.assert(
        fast_check_1.default.property(name, (n) => {
          for (const message of everyMessage(named(n))) {
            strict_1.default.doesNotMatch(
              message.replace(/Your Shop|shop@example\.com/g, ''),
              URL_LIKE,
              `${JSON.stringify(n)} → ${message}`,
            );
          }
          const shown = (0, format_1.displayName)({ name: n });
          if (shown !== undefined) strict_1.default.match(shown, /^[\p{L}\p{M}' ’-]{1,30}$/u);
        }),
        { numRuns: 1_000 },
      );
    },
  );
});
//# sourceMappingURL=phishing-names.test.js.map
