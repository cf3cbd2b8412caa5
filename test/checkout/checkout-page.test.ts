// The page a reminder opens (CHECKOUT_PAGE=on), in real Chromium: reminder email → its resume link →
// /c/<token> → a declined card says why, with that card preselected → another card → confirmation →
// the checkout reads ordered. At 375 px and 1200 px: no horizontal overflow, no console errors.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { checkoutBody, uniqueId } from '../api/support/api-harness';
import { pause, Stack } from '../e2e/stack';
import { launchBrowser, openPage, overflowsHorizontally, screenshot } from '../support/browser';
import { signedLinkIn } from '../support/links';
import {
  createTestCard,
  type LocalStripe,
  startTestStripe,
  stripeEnv,
  THREE_D_SECURE_CARD,
} from '../support/local-stripe';

describe('one-click checkout page in Chromium', () => {
  let stack: Stack;
  let stripe: LocalStripe;
  let browser: Browser;
  before(async () => {
    stripe = await startTestStripe();
    // STRIPE_PUBLISHABLE_KEY: the page runs a 3-D Secure step with localstripe's Stripe.js.
    stack = await Stack.start({
      env: { ...stripeEnv(stripe), CHECKOUT_PAGE: 'on', STRIPE_PUBLISHABLE_KEY: 'pk_test_local' },
      orders: true,
    });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await stack?.close();
    await stripe?.stop();
  });

  async function checkoutWithReminder(customerId: string) {
    const checkoutId = uniqueId('co');
    const email = `${checkoutId}@shoppers.example.com`;
    const started = await stack.request(
      'POST',
      '/checkouts',
      checkoutBody(checkoutId, {
        customer: { id: customerId, email, name: 'Ada', locale: 'en-US' },
        cart: {
          currency: 'EUR',
          total: 59.9,
          items: [
            // Checkouts take http(s) image URLs only, which this machine cannot fetch: the page's
            // placeholder stands in (the test server has no shop CDN).
            { sku: 'SKU-1', name: 'Blue mug', quantity: 2, unitPrice: 29.95 },
          ],
        },
        schedule: [{ after: '1s' }, { after: '90s' }],
      }),
    );
    assert.equal(started.status, 202);
    await stack.waitForStatus(checkoutId, (s) => s.remindersSent >= 1);
    const [mail] = await stack.inbox.messagesTo(email);
    const link = signedLinkIn(mail?.body.html, 'resume');
    assert.match(link.url, /\/c\//, 'the reminder lands on the checkout page');
    return { checkoutId, url: link.url.replace(/&amp;/g, '&') };
  }

  test('reminder → page → declined card explained → other card → confirmation → checkout ordered (375 px)', async () => {
    const customerId = uniqueId('cust');
    const add = (path: string, body: unknown) => stack.request('POST', `/customers/${customerId}/${path}`, body);
    await add('addresses', {
      name: 'Ada Lovelace',
      line1: 'Unter den Linden 1',
      city: 'Berlin',
      postalCode: '10117',
      country: 'DE',
    });
    await add('addresses', {
      name: 'Ada Lovelace',
      line1: '1 Main Street',
      city: 'Springfield',
      region: 'IL',
      postalCode: '62704',
      country: 'US',
    });
    const declining = await add('payment-methods', { tokens: { stripe: 'pm_card_visa_chargeDeclined' } });
    const visa = await add('payment-methods', { tokens: { stripe: 'pm_card_visa' } });
    const { checkoutId, url } = await checkoutWithReminder(customerId);

    const { page, problems } = await openPage(browser, 375);
    await page.goto(url);
    assert.equal(await page.title(), 'Complete your order');
    assert.ok(await page.getByRole('img', { name: 'Blue mug' }).isVisible());
    assert.ok(await page.getByText('Unter den Linden 1').isVisible());
    assert.equal(await page.getByRole('radio', { name: /ending in 0002/ }).isChecked(), true, 'the default card');
    assert.equal(await overflowsHorizontally(page), false);
    await screenshot(page, 'checkout-page-375');

    await page.getByRole('button', { name: /Place order/ }).click();
    await page.waitForSelector('[role=alert]');
    assert.match((await page.getByRole('alert').textContent()) ?? '', /Your card was declined\./);
    assert.equal(
      await page.getByRole('radio', { name: /ending in 0002/ }).isChecked(),
      true,
      'the declined card preselected',
    );
    assert.equal(await overflowsHorizontally(page), false);
    await screenshot(page, 'checkout-page-declined-375');
    const afterDecline = await stack.waitForStatus(checkoutId, (s) => s.progress?.declineReason === 'card_declined');
    assert.equal(afterDecline.abandonReason, 'payment_failed');

    await page.getByRole('radio', { name: /ending in 4242/ }).check();
    await page.getByRole('radio', { name: /Springfield/ }).check();
    await page.getByRole('button', { name: /Place order/ }).click();
    await page.waitForSelector('text=Thank you, your order is placed');
    assert.match((await page.getByRole('status').textContent()) ?? '', new RegExp(`ord-${checkoutId}`));
    assert.equal(await overflowsHorizontally(page), false);
    await screenshot(page, 'checkout-page-confirmation-375');
    const ordered = await stack.waitForStatus(checkoutId, (s) => s.state === 'ordered');
    assert.equal(ordered.order?.orderId, `ord-${checkoutId}`);
    assert.deepEqual(problems, []);
    assert.ok(declining.body.id && visa.body.id);
    await page.context().close();
  });

  test('the page at 1200 px: no overflow, no console errors', async () => {
    const customerId = uniqueId('cust');
    await stack.request('POST', `/customers/${customerId}/addresses`, {
      name: 'Grace Hopper',
      line1: '10 Downing Street',
      city: 'London',
      postalCode: 'SW1A 2AA',
      country: 'GB',
    });
    await stack.request('POST', `/customers/${customerId}/payment-methods`, { tokens: { stripe: 'pm_card_visa' } });
    const { url } = await checkoutWithReminder(customerId);
    const { page, problems } = await openPage(browser, 1200);
    await page.goto(url);
    assert.equal(await overflowsHorizontally(page), false);
    await screenshot(page, 'checkout-page-1200');
    await page.getByRole('button', { name: /Place order/ }).click();
    await page.waitForSelector('text=Thank you, your order is placed');
    await screenshot(page, 'checkout-page-confirmation-1200');
    await pause(100);
    assert.deepEqual(problems, []);
    await page.context().close();
  });

  test('3-D Secure on the page: the bank asks, the shopper confirms in Stripe.js, the order is placed (375 px)', async () => {
    const customerId = uniqueId('cust');
    await stack.request('POST', `/customers/${customerId}/addresses`, {
      name: 'Ada Lovelace',
      line1: 'Unter den Linden 1',
      city: 'Berlin',
      postalCode: '10117',
      country: 'DE',
    });
    const card = await stack.request('POST', `/customers/${customerId}/payment-methods`, {
      tokens: { stripe: await createTestCard(stripe, THREE_D_SECURE_CARD) },
    });
    assert.equal(card.status, 201, JSON.stringify(card.body));
    const { checkoutId, url } = await checkoutWithReminder(customerId);
    const { page, problems } = await openPage(browser, 375);
    await page.goto(url);
    await page.getByRole('button', { name: /Place order/ }).click();
    await page.waitForSelector('text=Confirm your payment');
    assert.match((await page.getByRole('status').textContent()) ?? '', /Your bank asks you to confirm this payment/);
    assert.equal(await overflowsHorizontally(page), false);
    await screenshot(page, 'checkout-page-3ds-375');
    await page.getByRole('button', { name: 'Confirm with your bank' }).click();
    // localstripe's Stripe.js stands in for the bank's challenge with a dialog of two buttons.
    await page.getByRole('button', { name: 'Complete authentication' }).click();
    await page.waitForSelector('text=Thank you, your order is placed');
    await screenshot(page, 'checkout-page-3ds-confirmation-375');
    const intents = (await (
      await fetch(`${stripe.url}/v1/payment_intents?limit=100`, { headers: { Authorization: 'Bearer sk_test_local' } })
    ).json()) as { data: { status: string; metadata: Record<string, string> }[] };
    assert.deepEqual(
      intents.data.filter((pi) => pi.metadata.checkout_id === checkoutId).map((pi) => pi.status),
      ['succeeded'],
    );
    await stack.waitForStatus(checkoutId, (s) => s.state === 'ordered');
    assert.deepEqual(problems, []);
    await page.context().close();
  });

  /** A customer with one saved address in Berlin and a Visa, and the page of their checkout. */
  async function shopperWithCard() {
    const customerId = uniqueId('cust');
    await stack.request('POST', `/customers/${customerId}/addresses`, {
      name: 'Ada Lovelace',
      line1: 'Unter den Linden 1',
      city: 'Berlin',
      postalCode: '10117',
      country: 'DE',
    });
    await stack.request('POST', `/customers/${customerId}/payment-methods`, { tokens: { stripe: 'pm_card_visa' } });
    const { checkoutId, url } = await checkoutWithReminder(customerId);
    return { customerId, checkoutId, url };
  }

  for (const width of [375, 1280]) {
    test(`a new address with autocomplete (${width} px): suggestions as the shopper types, a pick fills the fields, the order ships there`, async () => {
      const { customerId, checkoutId, url } = await shopperWithCard();
      const { page, problems } = await openPage(browser, width);
      await page.goto(url);
      const street = page.getByRole('combobox', { name: 'Street and number' });
      assert.equal(await street.isVisible(), false, 'the new address folds away while a saved one is chosen');
      await page.getByRole('radio', { name: 'Ship to a new address' }).check();
      await street.pressSequentially('Hambu', { delay: 30 });
      const option = page.getByRole('option', { name: /^Hamburg/ }).first();
      await option.waitFor();
      assert.equal(await street.getAttribute('aria-expanded'), 'true');
      assert.equal(await overflowsHorizontally(page), false);
      await screenshot(page, `checkout-page-autocomplete-${width}`);
      if (width === 375) {
        await street.press('ArrowDown');
        await street.press('Enter');
      } else {
        await option.click();
      }
      assert.equal(await page.getByLabel('City').inputValue(), 'Hamburg');
      assert.equal(await page.getByLabel('Country (2 letters, e.g. DE)').inputValue(), 'DE');
      await street.fill('Jungfernstieg 7');
      await page.getByLabel('Postcode').fill('20354');
      await page.getByLabel('Full name').fill('Ada Lovelace');
      await page.getByRole('button', { name: /Place order/ }).click();
      await page.waitForSelector('text=Thank you, your order is placed');
      const saved = await stack.request('GET', `/customers/${customerId}/addresses`);
      const hamburg = saved.body.find((a: { city: string }) => a.city === 'Hamburg');
      assert.equal(hamburg?.line1, 'Jungfernstieg 7');
      assert.equal(hamburg?.postalCode, '20354');
      await stack.waitForStatus(checkoutId, (s) => s.state === 'ordered');
      assert.deepEqual(problems, []);
      await page.context().close();
    });
  }

  test('without JavaScript the new-address form still works: a bad postcode is named, a good one is ordered to', async () => {
    const { customerId, url } = await shopperWithCard();
    const { page, problems } = await openPage(browser, 375, { javaScriptEnabled: false });
    await page.goto(url);
    await page.getByRole('radio', { name: 'Ship to a new address' }).check();
    await page.getByLabel('Full name').fill('Ada Lovelace');
    await page.getByLabel('Street and number').fill('Jungfernstieg 7');
    await page.getByLabel('Postcode').fill('2035');
    await page.getByLabel('City').fill('Hamburg');
    await page.getByRole('button', { name: /Place order/ }).click();
    await page.waitForSelector('[role=alert]');
    assert.match((await page.getByRole('alert').textContent()) ?? '', /Postcode is not a valid postcode/);
    assert.equal(await page.getByLabel('City').inputValue(), 'Hamburg', 'what was typed is kept');
    await screenshot(page, 'checkout-page-new-address-nojs-375');
    await page.getByLabel('Postcode').fill('20354');
    await page.getByRole('button', { name: /Place order/ }).click();
    await page.waitForSelector('text=Thank you, your order is placed');
    const saved = await stack.request('GET', `/customers/${customerId}/addresses`);
    assert.ok(saved.body.some((a: { city: string }) => a.city === 'Hamburg'));
    assert.deepEqual(problems, []);
    await page.context().close();
  });

  test('the page suggests only to its own link: a tampered token gets no suggestions, a bad query is a 400 naming it', async () => {
    const { url } = await shopperWithCard();
    const path = new URL(url).pathname;
    const ok = await fetch(`${stack.api.url}${path}/addresses?q=Berl&country=DE&session=s-1`);
    assert.equal(ok.status, 200);
    assert.ok(((await ok.json()) as { label: string }[]).length > 0);
    const bad = await fetch(`${stack.api.url}${path}/addresses?q=Berl&country=germany&session=s-1`);
    assert.equal(bad.status, 400);
    assert.deepEqual(
      ((await bad.json()) as { errors: { field: string }[] }).errors.map((e) => e.field),
      ['country'],
    );
    const tampered = await fetch(`${stack.api.url}/c/not-a-token.at-all/addresses?q=Berl&country=DE&session=s-1`);
    assert.equal(tampered.status, 400);
  });

  test('a tampered link opens no checkout', async () => {
    const res = await fetch(`${stack.api.url}/c/not-a-token.at-all`);
    assert.equal(res.status, 400);
  });
});
