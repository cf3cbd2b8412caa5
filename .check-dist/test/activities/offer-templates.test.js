var __importDefault = (this && this.__importDefault) || ((mod) => (mod && mod.__esModule ? mod : { default: mod }));
Object.defineProperty(exports, '__esModule', { value: true });
const strict_1 = __importDefault(require('node:assert/strict'));
const node_test_1 = require('node:test');
const push_channel_1 = require('../../activities/channels/push-channel');
const links_1 = require('../../activities/links');
const templates_1 = require('../../activities/templates');
const reason_note_1 = require('../../activities/templates/reason-note');
const sms_1 = require('../../activities/templates/sms');
const fixtures_1 = require('./fixtures');
const NBSP = '\u00a0';
const TEN_PERCENT = {
  percent: 10,
  maxAmount: 50,
  currency: 'EUR',
  code: 'BACK-7KQ2-M9XD-3FJP',
  expiresAt: '2026-11-26T12:00:00.000Z',
};
const FREE_SHIPPING = {
  freeShipping: true,
  currency: 'EUR',
  code: 'BACK-SHIP-4RRW-8ZQT',
  expiresAt: '2026-11-26T12:00:00.000Z',
};
const SHIPPING = {
  lastStep: 'shipping_options_viewed',
  shippingCost: 6.9,
  outOfStock: [],
  blocker: 'shipping_cost',
  events: 1,
};
function berlin() {
  const base = (0, fixtures_1.sampleCheckout)();
  return { ...base, customer: { ...base.customer, locale: 'de-DE', timezone: 'Europe/Berlin' } };
}
const view = (checkout, offer, progress) => ({
  checkout,
  step: 3,
  stepsTotal: 3,
  ...(0, links_1.reminderLinks)(fixtures_1.LINKS, checkout, 3),
  note: (0, reason_note_1.reasonNote)(checkout, progress ? 'shipping_cost' : undefined, progress, offer),
  ...(offer && { offer }),
});
(0, node_test_1.describe)('the last-chance email with an offer', () => {
  (0, node_test_1.it)(
    'shows the code, what it gives and until when, in the customer locale and zone, in HTML and text',
    () => {
      const email = (0, templates_1.renderReminder)('last-chance', view(berlin(), TEN_PERCENT));
      strict_1.default.equal(email.subject, 'Last reminder: your cart, now with 10% off');
      for (const body of [email.html, email.text]) {
        strict_1.default.ok(body.includes('BACK-7KQ2-M9XD-3FJP'), 'the code');
        strict_1.default.ok(
          body.includes(`10% off your order (up to 50,00${NBSP}€)`),
          'what it gives, capped, in de-DE money',
        );
        // 12:00Z is 13:00 in Berlin in November (CET).
        strict_1.default.ok(body.includes('26. November 2026 um 13:00 MEZ'), 'expiry in de-DE, Berlin time');
      }
    },
  );
  (0, node_test_1.it)('a customer elsewhere reads the expiry in their own locale and zone', () => {
    const base = (0, fixtures_1.sampleCheckout)();
    const ny = { ...base, customer: { ...base.customer, locale: 'en-US', timezone: 'America/New_York' } };
    const email = (0, templates_1.renderReminder)('last-chance', view(ny, TEN_PERCENT));
    strict_1.default.ok(email.text.includes('November 26, 2026 at 07:00 AM EST'), email.text);
  });
  (0, node_test_1.it)(
    'free shipping replaces the "slower option may cost less" note for a shopper who left over shipping',
    () => {
      const without = (0, templates_1.renderReminder)('last-chance', view(berlin(), undefined, SHIPPING));
      strict_1.default.ok(without.text.includes('a slower one may cost less'));
      const email = (0, templates_1.renderReminder)('last-chance', view(berlin(), FREE_SHIPPING, SHIPPING));
      strict_1.default.equal(email.subject, 'Last reminder: your cart, now with free shipping');
      for (const body of [email.html, email.text]) {
        strict_1.default.ok(!body.includes('a slower one may cost less'), 'no advice to pick a slower option');
        strict_1.default.ok(body.includes(`shipping added 6,90${NBSP}€`), 'names what shipping cost');
        strict_1.default.ok(body.includes('on us'), 'says shipping is on us');
        strict_1.default.ok(body.includes('Free shipping on your order'));
        strict_1.default.ok(body.includes('BACK-SHIP-4RRW-8ZQT'));
      }
    },
  );
  (0, node_test_1.it)('without an offer nothing about codes appears', () => {
    const email = (0, templates_1.renderReminder)('last-chance', view(berlin()));
    strict_1.default.equal(email.subject, 'Last reminder: your cart is still waiting');
    strict_1.default.ok(!/code|BACK-/i.test(email.text));
  });
  (0, node_test_1.it)('an earlier step that carries an offer (fromStep) shows it too, whatever its template', () => {
    for (const template of ['friendly', 'cart']) {
      const email = (0, templates_1.renderReminder)(template, view(berlin(), TEN_PERCENT));
      strict_1.default.ok(
        email.html.includes('BACK-7KQ2-M9XD-3FJP') && email.text.includes('BACK-7KQ2-M9XD-3FJP'),
        template,
      );
    }
  });
  (0, node_test_1.it)('a fixed amount off reads as money in the customer locale', () => {
    const email = (0, templates_1.renderReminder)(
      'last-chance',
      view(berlin(), { ...TEN_PERCENT, percent: undefined, maxAmount: undefined, amount: 5 }),
    );
    strict_1.default.equal(email.subject, `Last reminder: your cart, now with 5,00${NBSP}€ off`);
  });
});
(0, node_test_1.describe)('offers in texts and push notifications', () => {
  (0, node_test_1.it)('a text names the code and what it gives, before the link', () => {
    const checkout = (0, fixtures_1.sampleCheckout)();
    const resumeUrl = 'https://x.test/r/t';
    const text = (0, sms_1.renderSms)({
      checkout,
      template: 'last-chance',
      shopName: 'Shop',
      resumeUrl,
      offer: TEN_PERCENT,
    });
    strict_1.default.match(text, /Code BACK-7KQ2-M9XD-3FJP: 10% off\. https:\/\/x\.test\/r\/t Reply STOP to opt out$/);
    const plain = (0, sms_1.renderSms)({ checkout, template: 'last-chance', shopName: 'Shop', resumeUrl });
    strict_1.default.doesNotMatch(plain, /Code /);
  });
  (0, node_test_1.it)('a push notification names the code in its body', () => {
    const line = (0, sms_1.offerLine)((0, fixtures_1.sampleCheckout)(), FREE_SHIPPING);
    const notification = (0, push_channel_1.pushNotification)('Shop', 'last-chance', 'https://x.test/r/t', line);
    strict_1.default.equal(
      notification.body,
      'Code BACK-SHIP-4RRW-8ZQT: free shipping. Pick up right where you left off.',
    );
    strict_1.default.equal(
      (0, push_channel_1.pushNotification)('Shop', 'cart', 'https://x.test/r/t').body,
      'Pick up right where you left off.',
    );
  });
});
//# sourceMappingURL=offer-templates.test.js.map
