import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pushNotification } from '../../activities/channels/push-channel';
import { reminderLinks } from '../../activities/links';
import { renderReminder } from '../../activities/templates';
import { reasonNote } from '../../activities/templates/reason-note';
import { offerLine, renderSms } from '../../activities/templates/sms';
import type { Checkout } from '../../common/checkout';
import type { CheckoutProgress } from '../../common/checkout-events';
import type { IssuedOffer } from '../../common/discount-offer';
import { LINKS, sampleCheckout } from './fixtures';

const NBSP = '\u00a0';
const TEN_PERCENT: IssuedOffer = {
  percent: 10,
  maxAmount: 50,
  currency: 'EUR',
  code: 'BACK-7KQ2-M9XD-3FJP',
  expiresAt: '2026-11-26T12:00:00.000Z',
};
const FREE_SHIPPING: IssuedOffer = {
  freeShipping: true,
  currency: 'EUR',
  code: 'BACK-SHIP-4RRW-8ZQT',
  expiresAt: '2026-11-26T12:00:00.000Z',
};
const SHIPPING: CheckoutProgress = {
  lastStep: 'shipping_options_viewed',
  shippingCost: 6.9,
  outOfStock: [],
  blocker: 'shipping_cost',
  events: 1,
};

function berlin(): Checkout {
  const base = sampleCheckout();
  return { ...base, customer: { ...base.customer, locale: 'de-DE', timezone: 'Europe/Berlin' } };
}

const view = (checkout: Checkout, offer?: IssuedOffer, progress?: CheckoutProgress) => ({
  checkout,
  step: 3,
  stepsTotal: 3,
  ...reminderLinks(LINKS, checkout, 3),
  note: reasonNote(checkout, progress ? 'shipping_cost' : undefined, progress, offer),
  ...(offer && { offer }),
});

describe('the last-chance email with an offer', () => {
  it('shows the code, what it gives and until when, in the customer locale and zone, in HTML and text', async () => {
    const email = await renderReminder('last-chance', view(berlin(), TEN_PERCENT));
    assert.equal(email.subject, 'Letzte Erinnerung an deinen Warenkorb – 10 % Rabatt');
    for (const body of [email.html, email.text]) {
      assert.ok(body.includes('BACK-7KQ2-M9XD-3FJP'), 'the code');
      assert.ok(
        body.includes(`10 % Rabatt auf deine Bestellung (bis zu 50,00${NBSP}€)`),
        'what it gives, capped, in German',
      );
      // 12:00Z is 13:00 in Berlin in November (CET).
      assert.ok(body.includes('26. November 2026 um 13:00 MEZ'), 'expiry in de-DE, Berlin time');
    }
  });

  it('a customer elsewhere reads the expiry in their own locale and zone', async () => {
    const base = sampleCheckout();
    const ny = { ...base, customer: { ...base.customer, locale: 'en-US', timezone: 'America/New_York' } };
    const email = await renderReminder('last-chance', view(ny, TEN_PERCENT));
    assert.ok(email.text.includes('November 26, 2026 at 07:00 AM EST'), email.text);
  });

  it('free shipping replaces the "slower option may cost less" note for a shopper who left over shipping', async () => {
    const without = await renderReminder('last-chance', view(berlin(), undefined, SHIPPING));
    assert.ok(without.text.includes('Eine langsamere kostet vielleicht weniger'));
    const email = await renderReminder('last-chance', view(berlin(), FREE_SHIPPING, SHIPPING));
    assert.equal(email.subject, 'Letzte Erinnerung an deinen Warenkorb – kostenloser Versand');
    for (const body of [email.html, email.text]) {
      assert.ok(!body.includes('Eine langsamere kostet vielleicht weniger'), 'no advice to pick a slower option');
      assert.ok(body.includes(`Versand 6,90${NBSP}€ zu deiner Bestellung`), 'names what shipping cost');
      assert.ok(body.includes('Diesmal übernehmen wir ihn'), 'says shipping is on us');
      assert.ok(body.includes('Kostenloser Versand für deine Bestellung'));
      assert.ok(body.includes('BACK-SHIP-4RRW-8ZQT'));
    }
  });

  it('without an offer nothing about codes appears', async () => {
    const email = await renderReminder('last-chance', view(berlin()));
    assert.equal(email.subject, 'Letzte Erinnerung: Dein Warenkorb wartet noch');
    assert.ok(!/code|BACK-/i.test(email.text));
  });

  it('an earlier step that carries an offer (fromStep) shows it too, whatever its template', async () => {
    for (const template of ['friendly', 'cart'] as const) {
      const email = await renderReminder(template, view(berlin(), TEN_PERCENT));
      assert.ok(email.html.includes('BACK-7KQ2-M9XD-3FJP') && email.text.includes('BACK-7KQ2-M9XD-3FJP'), template);
    }
  });

  it('a fixed amount off reads as money in the customer locale', async () => {
    const email = await renderReminder(
      'last-chance',
      view(berlin(), { ...TEN_PERCENT, percent: undefined, maxAmount: undefined, amount: 5 }),
    );
    assert.equal(email.subject, `Letzte Erinnerung an deinen Warenkorb – 5,00${NBSP}€ Rabatt`);
  });
});

describe('offers in texts and push notifications', () => {
  it('a text names the code and what it gives, before the link', async () => {
    const checkout = sampleCheckout();
    const resumeUrl = 'https://x.test/r/t';
    const text = renderSms({ checkout, template: 'last-chance', shopName: 'Shop', resumeUrl, offer: TEN_PERCENT });
    assert.match(text, /Code BACK-7KQ2-M9XD-3FJP: 10 % Rabatt\. https:\/\/x\.test\/r\/t STOP zum Abmelden$/);
    const plain = renderSms({ checkout, template: 'last-chance', shopName: 'Shop', resumeUrl });
    assert.doesNotMatch(plain, /Code /);
  });

  it('a push notification names the code in its body', async () => {
    const line = offerLine(sampleCheckout(), FREE_SHIPPING);
    const notification = pushNotification('Shop', 'last-chance', 'https://x.test/r/t', line, 'de-DE');
    assert.equal(notification.title, 'Shop: letzte Erinnerung');
    assert.equal(
      notification.body,
      'Code BACK-SHIP-4RRW-8ZQT: kostenloser Versand. Mach genau dort weiter, wo du aufgehört hast.',
    );
    assert.equal(pushNotification('Shop', 'cart', 'https://x.test/r/t').body, 'Pick up right where you left off.');
  });
});
