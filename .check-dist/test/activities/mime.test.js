var __importDefault = (this && this.__importDefault) || ((mod) => (mod && mod.__esModule ? mod : { default: mod }));
Object.defineProperty(exports, '__esModule', { value: true });
const strict_1 = __importDefault(require('node:assert/strict'));
const node_test_1 = require('node:test');
const mailparser_1 = require('mailparser');
const links_1 = require('../../activities/links');
const mime_1 = require('../../activities/mime');
const templates_1 = require('../../activities/templates');
const link_token_1 = require('../../apps/shared/link-token');
const links_2 = require('../support/links');
const fixtures_1 = require('./fixtures');
async function reminderMime(checkout = (0, fixtures_1.sampleCheckout)(), step = 2) {
  const links = (0, links_1.reminderLinks)(fixtures_1.LINKS, checkout, step);
  const email = (0, templates_1.renderReminder)('cart', { checkout, step, stepsTotal: 3, ...links });
  const raw = await (0, mime_1.buildMime)({
    from: fixtures_1.FROM,
    to: checkout.customer,
    email,
    headers: (0, mime_1.reminderHeaders)(links.unsubscribeUrl, checkout.checkoutId, step),
  });
  return { raw, parsed: await (0, mailparser_1.simpleParser)(raw), checkout, links };
}
(0, node_test_1.describe)('reminder MIME', () => {
  (0, node_test_1.it)(
    'carries List-Unsubscribe with the signed unsubscribe link, and List-Unsubscribe-Post for one-click',
    async () => {
      const checkout = (0, fixtures_1.sampleCheckout)({ checkoutId: 'co:1/ä?' });
      const { parsed, links } = await reminderMime(checkout);
      const expected = links.unsubscribeUrl;
      strict_1.default.ok(expected.startsWith(`${fixtures_1.PUBLIC_URL}/unsubscribe?token=`));
      const verdict = (0, link_token_1.verifyLink)(new URL(expected).searchParams.get('token'), 'unsubscribe', [
        links_2.TEST_LINK_SECRET,
      ]);
      strict_1.default.ok(verdict.ok);
      strict_1.default.equal(verdict.claims.checkoutId, 'co:1/ä?');
      strict_1.default.equal(verdict.claims.step, 2);
      const list = parsed.headers.get('list');
      strict_1.default.equal(list?.unsubscribe?.url, expected);
      const raw = parsed.headerLines.find((h) => h.key === 'list-unsubscribe')?.line ?? '';
      strict_1.default.match(
        raw.replace(/\r?\n\s+/g, ' '),
        new RegExp(`^List-Unsubscribe: ?<${expected.replace(/[.?]/g, '\\$&')}>$`),
      );
      const post = parsed.headerLines.find((h) => h.key === 'list-unsubscribe-post')?.line;
      strict_1.default.equal(post, 'List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    },
  );
  (0, node_test_1.it)('tags the message with the checkout id and reminder step', async () => {
    const { parsed, checkout } = await reminderMime(undefined, 3);
    strict_1.default.equal(parsed.headers.get('x-checkout-id'), checkout.checkoutId);
    strict_1.default.equal(parsed.headers.get('x-reminder-step'), '3');
  });
  (0, node_test_1.it)(
    'is multipart/alternative with a text and an HTML part, both with the signed resume link',
    async () => {
      const { raw, parsed, checkout, links } = await reminderMime();
      strict_1.default.match(raw.toString('utf8'), /Content-Type: multipart\/alternative/);
      strict_1.default.ok(parsed.text?.includes(links.resumeUrl), 'text part has the resume link');
      strict_1.default.ok(typeof parsed.html === 'string' && parsed.html.includes(links.resumeUrl));
      strict_1.default.equal((0, links_2.signedLinkIn)(parsed.text, 'resume').claims.target, checkout.checkoutUrl);
      strict_1.default.equal(parsed.subject, 'Your cart is waiting: 3 items, 1.234,50\u00a0€');
    },
  );
  (0, node_test_1.it)('addresses the customer by name and sends from the configured sender', async () => {
    const { parsed, checkout } = await reminderMime((0, fixtures_1.sampleCheckout)({ checkoutId: 'co-name' }));
    const to = Array.isArray(parsed.to) ? parsed.to[0] : parsed.to;
    strict_1.default.deepEqual(to?.value, [{ name: 'Ada', address: checkout.customer.email }]);
    strict_1.default.equal(parsed.from?.value[0]?.address, 'shop@example.com');
  });
});
(0, node_test_1.describe)('order confirmation MIME', () => {
  (0, node_test_1.it)('is transactional: no List-Unsubscribe headers, no reminder step', async () => {
    const checkout = (0, fixtures_1.sampleCheckout)();
    const email = (0, templates_1.renderOrderConfirmation)({ checkout, orderId: 'ord-1' });
    const raw = await (0, mime_1.buildMime)({
      from: fixtures_1.FROM,
      to: checkout.customer,
      email,
      headers: (0, mime_1.confirmationHeaders)(checkout.checkoutId),
    });
    const parsed = await (0, mailparser_1.simpleParser)(raw);
    strict_1.default.deepEqual(
      parsed.headerLines.filter((h) => h.key.startsWith('list-')),
      [],
      'no List-* headers at all',
    );
    strict_1.default.equal(parsed.headers.has('x-reminder-step'), false);
    strict_1.default.equal(parsed.headers.get('x-checkout-id'), checkout.checkoutId);
    strict_1.default.ok(parsed.text?.includes('ord-1'));
  });
});
//# sourceMappingURL=mime.test.js.map
