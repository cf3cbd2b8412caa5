// Failover between providers through the whole stack: Stripe (localstripe) first, Adyen (the local
// stand-in speaking Adyen Checkout's JSON over HTTPS, through @adyen/api-library) second.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { type LocalAdyen, startLocalAdyen } from '../../stand-ins/local-adyen/main';
import { checkoutBody, uniqueId } from '../api/support/api-harness';
import { Stack } from '../e2e/stack';
import { type LocalStripe, startTestStripe, stripeEnv } from '../support/local-stripe';
import { openAll } from '../support/open-all';

describe('payment failover (Stripe → Adyen)', () => {
  let stack: Stack;
  let stripe: LocalStripe;
  let adyen: LocalAdyen;
  before(async () => {
    [stripe, adyen] = await openAll([
      [startTestStripe(), (s) => s.stop()],
      [startLocalAdyen(), (a) => a.close()],
    ]);
    const caFile = join(tmpdir(), `local-adyen-${process.pid}.pem`);
    writeFileSync(caFile, adyen.cert);
    stack = await Stack.start({
      orders: true,
      env: {
        ...stripeEnv(stripe),
        ADYEN_API_KEY: 'local-adyen-key',
        ADYEN_MERCHANT_ACCOUNT: 'LocalShopECOM',
        ADYEN_CHECKOUT_URL: adyen.url,
        ADYEN_CA_CERT: caFile,
        PAYMENT_PROVIDER_TIMEOUT: '2s',
      },
    });
  });
  after(async () => {
    await stack?.close();
    await stripe?.stop();
    await adyen?.close();
  });

  async function shopper(tokens: Record<string, string>) {
    const customerId = uniqueId('cust');
    const checkoutId = uniqueId('co');
    const address = await stack.request('POST', `/customers/${customerId}/addresses`, {
      name: 'Ada Lovelace',
      line1: '1 Rue de Rivoli',
      city: 'Paris',
      postalCode: '75001',
      country: 'FR',
    });
    const method = await stack.request('POST', `/customers/${customerId}/payment-methods`, { tokens });
    assert.equal(method.status, 201, JSON.stringify(method.body));
    const started = await stack.request(
      'POST',
      '/checkouts',
      checkoutBody(checkoutId, {
        customer: { id: customerId, email: `${checkoutId}@shoppers.example.com`, locale: 'en-US' },
        schedule: [{ after: '60s' }],
      }),
    );
    assert.equal(started.status, 202);
    return { checkoutId, body: { addressId: address.body.id, paymentMethodId: method.body.id } };
  }

  test('a hard decline at Stripe is answered, never retried at Adyen', async () => {
    const s = await shopper({ stripe: 'pm_card_visa_chargeDeclined', adyen: 'adyen_visa_4111' });
    const res = await stack.request('POST', `/checkouts/${s.checkoutId}/place-order`, s.body);
    assert.equal(res.status, 402, JSON.stringify(res.body));
    assert.equal(res.body.provider, 'stripe');
    assert.equal(adyen.payments.filter((p) => p.reference === s.checkoutId).length, 0);
  });

  test('a method only Adyen holds is charged there; Adyen\'s "Not enough balance" is a soft, retryable decline', async () => {
    const ok = await shopper({ adyen: 'adyen_visa_4111' });
    const placed = await stack.request('POST', `/checkouts/${ok.checkoutId}/place-order`, ok.body);
    assert.equal(placed.status, 201, JSON.stringify(placed.body));
    assert.equal(placed.body.provider, 'adyen');
    const poor = await shopper({ adyen: 'adyen_no_funds' });
    const declined = await stack.request('POST', `/checkouts/${poor.checkoutId}/place-order`, poor.body);
    assert.equal(declined.status, 402);
    assert.equal(declined.body.code, 'insufficient_funds');
    assert.equal(declined.body.retryable, true);
  });

  test('Stripe down: the order goes through Adyen, charged and captured exactly once', async () => {
    const s = await shopper({ stripe: 'pm_card_visa', adyen: 'adyen_visa_4111' });
    await stripe.stop(); // an outage: connections refused from now on
    const res = await stack.request('POST', `/checkouts/${s.checkoutId}/place-order`, s.body);
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.provider, 'adyen');
    const taken = adyen.payments.filter((p) => p.reference === s.checkoutId);
    assert.equal(taken.length, 1);
    assert.equal(taken[0]?.captured, true);
    assert.equal(taken[0]?.amount.value, 5990);
    await stack.waitForStatus(s.checkoutId, (c) => c.state === 'ordered');
  });
});
