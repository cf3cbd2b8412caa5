var __importDefault = (this && this.__importDefault) || ((mod) => (mod && mod.__esModule ? mod : { default: mod }));
Object.defineProperty(exports, '__esModule', { value: true });
const strict_1 = __importDefault(require('node:assert/strict'));
const node_test_1 = require('node:test');
const links_1 = require('../../activities/links');
const templates_1 = require('../../activities/templates');
const checkout_1 = require('../../common/checkout');
const links_2 = require('../support/links');
const fixtures_1 = require('./fixtures');
const NBSP = '\u00a0';
function view(checkout = (0, fixtures_1.sampleCheckout)()) {
  return { checkout, step: 2, stepsTotal: 3, ...(0, links_1.reminderLinks)(fixtures_1.LINKS, checkout, 2) };
}
(0, node_test_1.describe)('reminder templates', () => {
  for (const template of checkout_1.TEMPLATES) {
    (0, node_test_1.it)(
      `${template}: carries the signed resume link and a visible signed unsubscribe link in both parts`,
      () => {
        const v = view();
        const email = (0, templates_1.renderReminder)(template, v);
        strict_1.default.ok(email.html.includes(`href="${v.resumeUrl}"`), 'resume button in HTML');
        strict_1.default.ok(email.text.includes(v.resumeUrl), 'resume link in text');
        strict_1.default.ok(email.html.includes(`href="${v.unsubscribeUrl}"`), 'unsubscribe link in HTML');
        strict_1.default.match(email.html, />Unsubscribe from cart reminders</);
        strict_1.default.ok(email.text.includes(v.unsubscribeUrl), 'unsubscribe link in text');
        strict_1.default.ok(email.subject.length > 0);
        for (const body of [email.html, email.text]) {
          const resume = (0, links_2.signedLinkIn)(body, 'resume');
          strict_1.default.ok(resume.url.startsWith(`${fixtures_1.PUBLIC_URL}/r/`));
          strict_1.default.equal(resume.claims.target, v.checkout.checkoutUrl);
          strict_1.default.equal(resume.claims.checkoutId, v.checkout.checkoutId);
          strict_1.default.equal(
            (0, links_2.signedLinkIn)(body, 'unsubscribe').claims.checkoutId,
            v.checkout.checkoutId,
          );
          // Only the API's signed links: no raw checkout URL and no unsigned unsubscribe link.
          strict_1.default.ok(
            !body.includes('shop.example.com/checkout/'),
            'the shop URL appears only inside the token',
          );
          strict_1.default.ok(!body.includes('?checkout='), 'no unsigned unsubscribe link');
        }
      },
    );
    (0, node_test_1.it)(`${template}: greets the customer by name, or generically without one`, () => {
      const named = (0, templates_1.renderReminder)(template, view());
      strict_1.default.ok(named.text.startsWith('Hi Ada,'));
      const checkout = (0, fixtures_1.sampleCheckout)();
      const anonymous = (0, templates_1.renderReminder)(
        template,
        view({ ...checkout, customer: { ...checkout.customer, name: undefined } }),
      );
      strict_1.default.ok(anonymous.text.startsWith('Hi there,'));
    });
  }
  (0, node_test_1.it)('cart formats money in the customer locale and the cart currency', () => {
    const de = (0, templates_1.renderReminder)('cart', view());
    strict_1.default.ok(de.html.includes(`1.234,50${NBSP}€`), 'de-DE total');
    strict_1.default.ok(de.html.includes(`1.199,50${NBSP}€`), 'de-DE unit price');
    strict_1.default.ok(de.html.includes(`35,00${NBSP}€`), 'de-DE line total: 2 × 17,50');
    strict_1.default.ok(de.text.includes(`Total: 1.234,50${NBSP}€`));
    const base = (0, fixtures_1.sampleCheckout)();
    const us = (0, templates_1.renderReminder)(
      'cart',
      view({ ...base, customer: { ...base.customer, locale: 'en-US' }, cart: { ...base.cart, currency: 'USD' } }),
    );
    strict_1.default.ok(us.html.includes('$1,234.50'));
    strict_1.default.ok(us.subject.includes('$1,234.50'));
    const noLocale = (0, templates_1.renderReminder)(
      'cart',
      view({ ...base, customer: { ...base.customer, locale: undefined } }),
    );
    strict_1.default.ok(noLocale.html.includes('€1,234.50'), 'en-US is the default locale');
    const jp = (0, templates_1.renderReminder)(
      'cart',
      view({
        ...base,
        customer: { ...base.customer, locale: 'ja-JP' },
        cart: { ...base.cart, currency: 'JPY', total: 12345 },
      }),
    );
    strict_1.default.ok(jp.html.includes('￥12,345'), 'yen has no minor units');
  });
  (0, node_test_1.it)('cart shows every line: image when given, name, quantity, unit price and line total', () => {
    const email = (0, templates_1.renderReminder)('cart', view());
    strict_1.default.ok(email.html.includes('<img src="https://cdn.example.com/espresso.png" alt="Espresso machine"'));
    strict_1.default.equal((email.html.match(/<img /g) ?? []).length, 1, 'no image for the line without imageUrl');
    strict_1.default.ok(
      email.html.includes(`Descaler<br><span style="font-size:13px;color:#71717a;">2 × 17,50${NBSP}€</span>`),
    );
    strict_1.default.ok(email.text.includes(`- Descaler: 2 × 17,50${NBSP}€ = 35,00${NBSP}€`));
    strict_1.default.equal(email.subject, `Your cart is waiting: 3 items, 1.234,50${NBSP}€`);
  });
  (0, node_test_1.it)('a malformed customer locale falls back to en-US instead of failing the send', () => {
    const base = (0, fixtures_1.sampleCheckout)();
    const email = (0, templates_1.renderReminder)(
      'cart',
      view({ ...base, customer: { ...base.customer, locale: 'not_a_locale!' } }),
    );
    strict_1.default.ok(email.html.includes('€1,234.50'));
  });
  (0, node_test_1.it)(
    'HTML-escapes a hostile item name, leaves out a customer name that is markup, and drops a non-http image URL',
    () => {
      const base = (0, fixtures_1.sampleCheckout)();
      const hostile = '<script>alert("x")</script> & <img src=x onerror=alert(1)>';
      const checkout = {
        ...base,
        customer: { ...base.customer, name: '<b>Mallory</b>' },
        cart: {
          ...base.cart,
          items: [{ sku: 'X', name: hostile, quantity: 1, unitPrice: 1, imageUrl: 'javascript:alert(1)' }],
        },
      };
      for (const template of checkout_1.TEMPLATES) {
        const { html } = (0, templates_1.renderReminder)(template, view(checkout));
        strict_1.default.ok(!html.includes('<script>'), `${template}: no raw script tag`);
        strict_1.default.ok(!html.includes('<b>Mallory'), `${template}: customer name escaped`);
        strict_1.default.ok(!html.includes('javascript:'), `${template}: no javascript: URL`);
      }
      const { html } = (0, templates_1.renderReminder)('cart', view(checkout));
      strict_1.default.ok(
        html.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(1)&gt;'),
      );
      strict_1.default.ok(html.includes('Hi there,'), 'markup is not a name: the greeting goes without it');
    },
  );
  (0, node_test_1.it)('refuses a checkout URL that is not http(s) rather than signing a redirect to it', () => {
    strict_1.default.throws(
      () => view((0, fixtures_1.sampleCheckout)({ checkoutUrl: 'javascript:alert(1)' })),
      /http\(s\) URL/,
    );
  });
  (0, node_test_1.it)('refuses a resume link that is not http(s) rather than linking to it', () => {
    strict_1.default.throws(
      () => (0, templates_1.renderReminder)('friendly', { ...view(), resumeUrl: 'javascript:alert(1)' }),
      /http\(s\) URL/,
    );
  });
  (0, node_test_1.it)('last-chance says it is the last reminder', () => {
    const email = (0, templates_1.renderReminder)('last-chance', view());
    strict_1.default.match(email.text, /last reminder/);
    strict_1.default.ok(email.text.includes(`3 items worth 1.234,50${NBSP}€`));
  });
});
(0, node_test_1.describe)('order confirmation template', () => {
  (0, node_test_1.it)('names the order, shows the order total, and has no unsubscribe link', () => {
    const checkout = (0, fixtures_1.sampleCheckout)();
    const email = (0, templates_1.renderOrderConfirmation)({ checkout, orderId: 'ord-<7>', total: 1200 });
    strict_1.default.equal(email.subject, 'Thanks for your order ord-<7>');
    strict_1.default.ok(email.html.includes('ord-&lt;7&gt;'));
    strict_1.default.ok(email.html.includes(`1.200,00${NBSP}€`), 'the order total, not the cart total');
    strict_1.default.ok(!/unsubscribe/i.test(email.html) && !/unsubscribe/i.test(email.text));
  });
  (0, node_test_1.it)('falls back to the cart total when the order carried none', () => {
    const email = (0, templates_1.renderOrderConfirmation)({
      checkout: (0, fixtures_1.sampleCheckout)(),
      orderId: 'ord-1',
    });
    strict_1.default.ok(email.text.includes(`Total: 1.234,50${NBSP}€`));
  });
});
//# sourceMappingURL=templates.test.js.map
