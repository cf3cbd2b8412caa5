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
import { type LocalStripe, startTestStripe, stripeEnv } from '../support/local-stripe';

describe('one-click checkout page in Chromium', () => {
  let stack: Stack;
  let stripe: LocalStripe;
  let browser: Browser;
  before(async () => {
    stripe = await startTestStripe();
    stack = await Stack.start({ env: { ...stripeEnv(stripe), CHECKOUT_PAGE: 'on' }, orders: true });
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

  test('a tampered link opens no checkout', async () => {
    const res = await fetch(`${stack.api.url}/c/not-a-token.at-all`);
    assert.equal(res.status, 400);
  });
});
