// GET /templates and GET /templates/:name/preview: what a shop sees of its messages before a shopper
// does, and every template × locale in real Chromium at a phone's and a desktop's width.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { LOCALES } from '../../activities/templates/i18n/locales';
import { PREVIEW_TEMPLATES, SAMPLE_IMAGE_URL } from '../../apps/api/templates/previews';
import { launchBrowser, openPage, overflowsHorizontally, screenshot } from '../support/browser';
import { call, useApi } from './support/api-harness';

const API_KEY = 'template-previews-test-key-0123456789';
const api = useApi({ API_KEY });
const auth = { 'x-api-key': API_KEY };

// A 1×1 PNG: the browser test stands in for the shop's image CDN.
const PIXEL = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkaPj/HwAFgwJ/l8mJ2gAAAABJRU5ErkJggg==',
  'base64',
);

describe('GET /templates', () => {
  test('lists every template with its preview, the locales, and the messages an override may set', async () => {
    const res = await call(`${api.url}/templates`, 'GET', undefined, auth);
    assert.equal(res.status, 200);
    assert.deepEqual(res.body.locales, ['en', 'de', 'fr', 'es', 'it', 'nl']);
    assert.deepEqual(
      res.body.templates.map((t: { name: string }) => t.name),
      [...PREVIEW_TEMPLATES],
    );
    const cart = res.body.templates.find((t: { name: string }) => t.name === 'cart');
    assert.equal(cart.preview, '/templates/cart/preview');
    assert.deepEqual(cart.messages.subject, ['count', 'total']);
    assert.deepEqual(res.body.shared.common['greeting.named'], ['name']);
    assert.equal((await call(`${api.url}/templates`, 'GET')).status, 401, 'the API key, like every route');
  });
});

describe('GET /templates/:name/preview', () => {
  test('renders an email with sample data: HTML by default, the text part with format=text or Accept: text/plain', async () => {
    const html = await fetch(
      `${api.url}/templates/last-chance/preview?locale=fr&reason=shipping_cost&offer=free_shipping`,
      {
        headers: auth,
      },
    );
    assert.equal(html.status, 200);
    assert.match(html.headers.get('content-type') ?? '', /text\/html/);
    const body = await html.text();
    assert.match(body, /<html lang="fr"/);
    assert.match(body, /Dernier rappel/);
    assert.match(body, /Livraison offerte sur votre commande/);
    assert.match(body, /la livraison ajoutait 6,90/);
    const text = await fetch(`${api.url}/templates/last-chance/preview?locale=fr&format=text`, { headers: auth });
    assert.match(text.headers.get('content-type') ?? '', /text\/plain/);
    const plain = await text.text();
    assert.ok(plain.startsWith('Bonjour Ada,'), plain);
    assert.ok(!plain.includes('<'), 'no markup in the text part');
    const accepted = await fetch(`${api.url}/templates/cart/preview?locale=de`, {
      headers: { ...auth, accept: 'text/plain' },
    });
    assert.ok((await accepted.text()).includes('Gesamt: 1.234,50'));
  });

  test('an SMS preview is the text itself, with its segment count', async () => {
    const res = await fetch(`${api.url}/templates/sms/preview?locale=de&format=text`, { headers: auth });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('x-sms-segments')?.split(';')[0], '1');
    assert.match(await res.text(), /^Your Shop: 3 Artikel \(1\.234,50 €\) warten auf dich\./);
  });

  test('an unknown template, locale, reason, offer or format is a 400 naming the field', async () => {
    const cases: [string, string][] = [
      ['/templates/welcome/preview', 'name'],
      ['/templates/cart/preview?locale=pt', 'locale'],
      ['/templates/cart/preview?locale=de-AT', 'locale'],
      ['/templates/cart/preview?reason=bored', 'reason'],
      ['/templates/cart/preview?offer=bogo', 'offer'],
      ['/templates/cart/preview?format=pdf', 'format'],
    ];
    for (const [path, field] of cases) {
      const res = await call(`${api.url}${path}`, 'GET', undefined, auth);
      assert.equal(res.status, 400, path);
      assert.deepEqual(
        res.body.errors.map((e: { field: string }) => e.field),
        [field],
        path,
      );
      assert.match(res.body.errors[0].reason, /must be one of/);
    }
  });
});

describe('every template × locale in Chromium', () => {
  let browser: Browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  test('in dark mode the card turns dark and its text light (clients that honour prefers-color-scheme)', async () => {
    const { page, problems } = await openPage(browser, 375, { extraHTTPHeaders: auth, colorScheme: 'dark' });
    await page.route(`${new URL(SAMPLE_IMAGE_URL).origin}/**`, (route) =>
      route.fulfill({ status: 200, contentType: 'image/png', body: PIXEL }),
    );
    await page.goto(`${api.url}/templates/cart/preview?locale=de&offer=percent`);
    const colours = await page.evaluate<{ text: string; card: string }>(
      `(() => { const p = Array.from(document.querySelectorAll('.text p')).find((e) => e.textContent.includes('ausgewählt'));
        const card = document.querySelector('.card td') || document.querySelector('.card');
        return { text: getComputedStyle(p).color, card: getComputedStyle(card).backgroundColor }; })()`,
    );
    assert.equal(colours.text, 'rgb(243, 244, 246)', 'light text');
    assert.equal(colours.card, 'rgb(31, 41, 55)', 'dark card');
    await screenshot(page, 'template-cart-de-375-dark');
    assert.deepEqual(problems, []);
    await page.context().close();
  });

  for (const width of [375, 1200]) {
    test(`at ${width} px: no horizontal overflow, no missing message, every image with alt text, no console error`, async () => {
      const { page, problems } = await openPage(browser, width, { extraHTTPHeaders: auth });
      await page.route(`${new URL(SAMPLE_IMAGE_URL).origin}/**`, (route) =>
        route.fulfill({ status: 200, contentType: 'image/png', body: PIXEL }),
      );
      const shots = new Set(['cart:de', 'last-chance:fr', 'sms:es', 'order-confirmation:nl', 'friendly:it']);
      for (const name of PREVIEW_TEMPLATES) {
        for (const locale of LOCALES) {
          const where = `${name} ${locale} at ${width}px`;
          const query = name === 'last-chance' ? '&reason=payment_failed&offer=percent' : '';
          const res = await page.goto(`${api.url}/templates/${name}/preview?locale=${locale}${query}`);
          assert.equal(res?.status(), 200, where);
          assert.equal(await page.getAttribute('html', 'lang'), locale, where);
          assert.equal(await overflowsHorizontally(page), false, `${where}: overflows horizontally`);
          const text = await page.evaluate<string>('document.body.innerText');
          // A message the catalogue lacks would show its key or raw ICU braces.
          assert.doesNotMatch(text, /[{}]|\b(common|offer|note|sms|push|cart|friendly|last-chance)\.[a-zA-Z]+/, where);
          const images = await page.evaluate<{ src: string; alt: string | null }[]>(
            'Array.from(document.images).map((i) => ({ src: i.src, alt: i.getAttribute("alt") }))',
          );
          for (const img of images) assert.ok(img.alt && img.alt.trim().length > 0, `${where}: ${img.src} has no alt`);
          if (['friendly', 'cart', 'last-chance', 'order-confirmation'].includes(name)) {
            assert.ok(images.length > 0 || name === 'friendly', `${where}: the cart's product image`);
          }
          if (shots.has(`${name}:${locale}`)) await screenshot(page, `template-${name}-${locale}-${width}`);
        }
      }
      assert.deepEqual(problems, []);
      await page.context().close();
    });
  }
});
