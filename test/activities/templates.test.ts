import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { reminderLinks } from '../../activities/links';
import { renderOrderConfirmation, renderReminder } from '../../activities/templates';
import { TEMPLATES } from '../../common/checkout';
import { DEFAULT_BRAND, loadBrand } from '../../config/brand';
import { signedLinkIn } from '../support/links';
import { LINKS, PUBLIC_URL, sampleCheckout } from './fixtures';

const NBSP = '\u00a0';

/** Product images: every <img> but the shop's logo. */
const productImages = (html: string) => (html.match(/<img [^>]*src="https:\/\/cdn\.example\.com/g) ?? []).length;

function view(checkout = sampleCheckout()) {
  return { checkout, step: 2, stepsTotal: 3, ...reminderLinks(LINKS, checkout, 2) };
}

describe('reminder templates', () => {
  for (const template of TEMPLATES) {
    it(`${template}: carries the signed resume link and a visible signed unsubscribe link in both parts`, async () => {
      const v = view();
      const email = await renderReminder(template, v);
      assert.ok(email.html.includes(`href="${v.resumeUrl}"`), 'resume button in HTML');
      assert.ok(email.text.includes(v.resumeUrl), 'resume link in text');
      assert.ok(email.html.includes(`href="${v.unsubscribeUrl}"`), 'unsubscribe link in HTML');
      assert.match(email.html, />Warenkorb-Erinnerungen abbestellen</, 'in the de-DE shopper’s language');
      assert.ok(email.text.includes(v.unsubscribeUrl), 'unsubscribe link in text');
      assert.ok(email.subject.length > 0);
      for (const body of [email.html, email.text]) {
        const resume = signedLinkIn(body, 'resume');
        assert.ok(resume.url.startsWith(`${PUBLIC_URL}/r/`));
        assert.equal(resume.claims.target, v.checkout.checkoutUrl);
        assert.equal(resume.claims.checkoutId, v.checkout.checkoutId);
        assert.equal(signedLinkIn(body, 'unsubscribe').claims.checkoutId, v.checkout.checkoutId);
        // Only the API's signed links: no raw checkout URL and no unsigned unsubscribe link.
        assert.ok(!body.includes('shop.example.com/checkout/'), 'the shop URL appears only inside the token');
        assert.ok(!body.includes('?checkout='), 'no unsigned unsubscribe link');
      }
    });

    it(`${template}: greets the customer by name, or generically without one`, async () => {
      const named = await renderReminder(template, view());
      assert.ok(named.text.startsWith('Hallo Ada,'));
      const checkout = sampleCheckout();
      const anonymous = await renderReminder(
        template,
        view({ ...checkout, customer: { ...checkout.customer, name: undefined } }),
      );
      assert.ok(anonymous.text.startsWith('Hallo,'), 'no salutation that guesses a gender');
    });
  }

  it('cart formats money in the customer locale and the cart currency', async () => {
    const de = await renderReminder('cart', view());
    assert.ok(de.html.includes(`1.234,50${NBSP}€`), 'de-DE total');
    assert.ok(de.html.includes(`1.199,50${NBSP}€`), 'de-DE unit price');
    assert.ok(de.html.includes(`35,00${NBSP}€`), 'de-DE line total: 2 × 17,50');
    assert.ok(de.text.includes(`Gesamt: 1.234,50${NBSP}€`));

    const base = sampleCheckout();
    const us = await renderReminder(
      'cart',
      view({ ...base, customer: { ...base.customer, locale: 'en-US' }, cart: { ...base.cart, currency: 'USD' } }),
    );
    assert.ok(us.html.includes('$1,234.50'));
    assert.ok(us.subject.includes('$1,234.50'));

    const noLocale = await renderReminder('cart', view({ ...base, customer: { ...base.customer, locale: undefined } }));
    assert.ok(noLocale.html.includes('€1,234.50'), 'en-US is the default locale');

    const jp = await renderReminder(
      'cart',
      view({
        ...base,
        customer: { ...base.customer, locale: 'ja-JP' },
        cart: { ...base.cart, currency: 'JPY', total: 12345 },
      }),
    );
    assert.ok(jp.html.includes('￥12,345'), 'yen has no minor units');
  });

  it('cart shows every line: image when given, name, quantity, unit price and line total', async () => {
    const email = await renderReminder('cart', view());
    assert.match(email.html, /<img [^>]*src="https:\/\/cdn\.example\.com\/espresso\.png"[^>]*alt="Espresso machine"/);
    assert.equal(productImages(email.html), 1, 'no image for the line without imageUrl');
    assert.ok(email.html.includes('Descaler'));
    assert.ok(email.html.includes(`2 × 17,50${NBSP}€`));
    assert.ok(email.text.includes(`- Descaler: 2 × 17,50${NBSP}€ = 35,00${NBSP}€`));
    assert.equal(email.subject, `Dein Warenkorb wartet: 3 Artikel, 1.234,50${NBSP}€`);
  });

  it('a malformed customer locale falls back to en-US instead of failing the send', async () => {
    const base = sampleCheckout();
    const email = await renderReminder(
      'cart',
      view({ ...base, customer: { ...base.customer, locale: 'not_a_locale!' } }),
    );
    assert.ok(email.html.includes('€1,234.50'));
  });

  it('HTML-escapes a hostile item name, leaves out a customer name that is markup, and drops a non-http image URL', async () => {
    const base = sampleCheckout();
    const hostile = '<script>alert("x")</script> & <img src=x onerror=alert(1)>';
    const checkout = {
      ...base,
      customer: { ...base.customer, name: '<b>Mallory</b>' },
      cart: {
        ...base.cart,
        items: [{ sku: 'X', name: hostile, quantity: 1, unitPrice: 1, imageUrl: 'javascript:alert(1)' }],
      },
    };
    for (const template of TEMPLATES) {
      const { html } = await renderReminder(template, view(checkout));
      assert.ok(!html.includes('<script>'), `${template}: no raw script tag`);
      assert.ok(!html.includes('<b>Mallory'), `${template}: customer name escaped`);
      assert.ok(!html.includes('javascript:'), `${template}: no javascript: URL`);
    }
    const { html } = await renderReminder('cart', view(checkout));
    assert.ok(
      html.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(1)&gt;'),
    );
    assert.ok(html.includes('Hallo,'), 'markup is not a name: the greeting goes without it');
  });

  it('refuses a checkout URL that is not http(s) rather than signing a redirect to it', async () => {
    assert.throws(() => view(sampleCheckout({ checkoutUrl: 'javascript:alert(1)' })), /http\(s\) URL/);
  });

  it('refuses a resume link that is not http(s) rather than linking to it', async () => {
    await assert.rejects(renderReminder('friendly', { ...view(), resumeUrl: 'javascript:alert(1)' }), /http\(s\) URL/);
  });

  it('last-chance says it is the last reminder', async () => {
    const email = await renderReminder('last-chance', view());
    assert.match(email.text, /letzte Erinnerung/);
    assert.ok(email.text.includes(`3 Artikel im Wert von 1.234,50${NBSP}€`));
    const base = sampleCheckout();
    const english = await renderReminder(
      'last-chance',
      view({ ...base, customer: { ...base.customer, locale: 'en-IE' } }),
    );
    assert.match(english.text, /last reminder/);
    assert.ok(english.text.includes('3 items worth €1,234.50'));
  });

  it('the last reminder shows the cart too: every line, its image with alt text, the total', async () => {
    const email = await renderReminder('last-chance', view());
    assert.match(email.html, /<img [^>]*src="https:\/\/cdn\.example\.com\/espresso\.png"[^>]*alt="Espresso machine"/);
    assert.ok(email.text.includes(`- Espresso machine: 1 × 1.199,50${NBSP}€ = 1.199,50${NBSP}€`));
    assert.ok(email.text.includes(`- Descaler: 2 × 17,50${NBSP}€ = 35,00${NBSP}€`));
    assert.ok(email.text.includes(`Gesamt: 1.234,50${NBSP}€`));
  });
});

describe('order confirmation template', () => {
  it('names the order, shows the order total, and has no unsubscribe link', async () => {
    const checkout = sampleCheckout();
    const email = await renderOrderConfirmation({ checkout, orderId: 'ord-<7>', total: 1200 });
    assert.equal(email.subject, 'Danke für deine Bestellung ord-<7>');
    assert.ok(email.html.includes('ord-&lt;7&gt;'));
    assert.ok(email.html.includes(`1.200,00${NBSP}€`), 'the order total, not the cart total');
    assert.ok(email.html.includes('>Deine Bestellung<'), 'the lines are the order’s, not a cart’s');
    assert.ok(!/unsubscribe|abbestellen/i.test(email.html) && !/unsubscribe|abbestellen/i.test(email.text));
  });

  it('falls back to the cart total when the order carried none', async () => {
    const email = await renderOrderConfirmation({ checkout: sampleCheckout(), orderId: 'ord-1' });
    assert.ok(email.text.includes(`Gesamt: 1.234,50${NBSP}€`));
  });
});

describe('the email layout (MJML, compiled once per brand)', () => {
  it('is a 600 px responsive document with the preheader, lang, dark-mode colour scheme and a text part', async () => {
    const email = await renderReminder('cart', view());
    assert.match(email.html, /<html lang="de"/);
    assert.match(email.html, /max-width:600px/);
    assert.match(email.html, /<meta name="viewport" content="width=device-width, initial-scale=1">/);
    assert.match(email.html, /@media only screen and \(min-width:480px\)/, 'MJML’s responsive columns');
    assert.match(email.html, /<meta name="color-scheme" content="light dark">/);
    assert.match(email.html, /prefers-color-scheme: dark/);
    assert.match(email.html, /display:none[^>]*>Das hast du ausgewählt\./, 'the preheader, hidden');
    assert.ok(!email.text.includes('<'), 'the text part has no markup');
    assert.ok(email.text.includes('Bestellung abschließen: https://'), 'the button as a written-out link');
    assert.ok(!/XSLOTX|section:/.test(email.html), 'every placeholder filled, every marker gone');
  });

  it('every image has alt text: the logo the shop name, a product its name', async () => {
    const brand = { ...DEFAULT_BRAND, shopName: 'Kaffee & Co', logoUrl: 'https://cdn.example.com/logo.png' };
    const email = await renderReminder('last-chance', { ...view(), brand });
    const images = email.html.match(/<img\s[^>]*>/g) ?? [];
    assert.equal(images.length, 2, 'the logo and the one product with an image');
    for (const img of images) assert.match(img, /\salt="[^"]+"/, img);
    assert.match(email.html, /<img\s[^>]*alt="Kaffee &amp; Co"[^>]*src="https:\/\/cdn\.example\.com\/logo\.png"/);
  });

  it('the brand colours reach the button; a wrong colour or logo URL fails the config', async () => {
    const email = await renderReminder('friendly', { ...view(), brand: { ...DEFAULT_BRAND, primaryColor: '#b91c1c' } });
    assert.match(email.html, /background:#b91c1c/);
    assert.throws(() => loadBrand({ BRAND_PRIMARY_COLOR: 'red' }), /BRAND_PRIMARY_COLOR must be a hex colour/);
    assert.throws(() => loadBrand({ BRAND_LOGO_URL: 'http://x.test/l.png' }), /BRAND_LOGO_URL must be an https URL/);
    assert.equal(loadBrand({ MAIL_FROM: 'Kaffee Co <k@example.com>' }).shopName, 'Kaffee Co');
    assert.equal(
      loadBrand({ MAIL_FROM: 'a@example.com', BRAND_SENDER: 'B <b@example.com>' }).sender,
      'B <b@example.com>',
    );
  });

  it('a message costs no MJML compile: filling the compiled layout takes well under a millisecond of CPU', async (t) => {
    await renderReminder('cart', view()); // the layout is compiled (once) here
    const v = view();
    const runs = 300;
    const cpu = process.cpuUsage();
    for (let i = 0; i < runs; i++) await renderReminder('cart', v);
    const used = process.cpuUsage(cpu);
    const perMessageMs = (used.user + used.system) / 1000 / runs;
    t.diagnostic(`render CPU per message: ${perMessageMs.toFixed(3)} ms (words, layout fill and text part)`);
    assert.ok(perMessageMs < 5, `${perMessageMs} ms per message`);
  });
});
