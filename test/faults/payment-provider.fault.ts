// Scenario: a payment provider misbehaves in the middle of the order saga. Stripe times out after it
// charged: the lookup before failover finds the charge, Adyen is never asked, one charge. A capture
// that keeps failing: the authorisation is voided and the stock released (compensation). Stripe is
// down when the 3-D Secure wait runs out: the last read waits it out, the confirmed payment is captured.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { type PaymentProvider, ProviderUnavailable } from '../../checkout/payments/payment-provider';
import type { PaymentProviders } from '../../checkout/payments/providers';
import type { PaymentProviderId } from '../../config/checkout-config';
import { type LocalAdyen, startLocalAdyen } from '../../stand-ins/local-adyen/main';
import { checkoutBody, uniqueId } from '../api/support/api-harness';
import { Stack } from '../e2e/stack';
import {
  completeThreeDSecure,
  createTestCard,
  type LocalStripe,
  startTestStripe,
  stripeEnv,
  THREE_D_SECURE_CARD,
} from '../support/local-stripe';
import { openAll } from '../support/open-all';

// Checkout ids whose Stripe authorisation "times out" after it went through, or whose capture fails.
const timesOutAfterCharge = new Set<string>();
const captureFails = new Set<string>();
// Checkout ids whose capture goes through at Stripe and then "times out" every time.
const captureTimesOutAfterCapture = new Set<string>();
const refByCheckout = new Map<string, string>();
// Checkout ids whose payment reads (status) fail as an outage this many more times.
const statusOutages = new Map<string, number>();
// Checkout ids whose payment reads answer a stale `requires_action` (the void sees the truth).
const statusStale = new Set<string>();

function faulty(real: PaymentProviders): PaymentProviders {
  const stripe = real.get('stripe') as PaymentProvider;
  const wrapped: PaymentProvider = {
    ...stripe,
    id: 'stripe',
    async authorize(request) {
      const result = await stripe.authorize(request);
      if ('ref' in result && result.ref) refByCheckout.set(request.reference, result.ref);
      if (timesOutAfterCharge.has(request.reference))
        throw new ProviderUnavailable('stripe', 'timeout after the charge');
      return result;
    },
    async capture(ref, amount, currency, key) {
      const of = (set: Set<string>) => [...set].some((checkoutId) => refByCheckout.get(checkoutId) === ref);
      if (of(captureFails)) throw new Error('capture refused');
      await stripe.capture(ref, amount, currency, key);
      if (of(captureTimesOutAfterCapture)) throw new ProviderUnavailable('stripe', 'timeout after the capture');
    },
    async status(ref) {
      const checkoutId = [...refByCheckout].find(([, r]) => r === ref)?.[0] ?? '';
      const outages = statusOutages.get(checkoutId) ?? 0;
      if (outages > 0) {
        statusOutages.set(checkoutId, outages - 1);
        throw new ProviderUnavailable('stripe', 'outage while reading the payment');
      }
      if (statusStale.has(checkoutId)) return { status: 'requires_action', ref };
      return stripe.status(ref);
    },
  };
  return new Map<PaymentProviderId, PaymentProvider>([...real, ['stripe', wrapped]]);
}

describe('payment provider faults in the order saga', () => {
  let stack: Stack;
  let stripe: LocalStripe;
  let adyen: LocalAdyen;
  before(async () => {
    [stripe, adyen] = await openAll([
      [startTestStripe(), (s) => s.stop()],
      [startLocalAdyen(), (a) => a.close()],
    ]);
    const caFile = join(tmpdir(), `local-adyen-fault-${process.pid}.pem`);
    writeFileSync(caFile, adyen.cert);
    stack = await Stack.start({
      orders: true,
      providers: faulty,
      env: {
        ...stripeEnv(stripe),
        ADYEN_API_KEY: 'local-adyen-key',
        ADYEN_MERCHANT_ACCOUNT: 'LocalShopECOM',
        ADYEN_CHECKOUT_URL: adyen.url,
        ADYEN_CA_CERT: caFile,
        // The 3-D Secure tests let the wait run out.
        THREE_DS_WAIT: '3s',
      },
    });
  });
  after(async () => {
    await stack?.close();
    await stripe?.stop();
    await adyen?.close();
  });

  /** A customer with a saved address and card (`tokens` per provider), and a running checkout of two `sku`. */
  async function shopper(
    sku: string,
    tokens: Record<string, string> = { stripe: 'pm_card_visa', adyen: 'adyen_visa_4111' },
  ) {
    const customerId = uniqueId('cust');
    const checkoutId = uniqueId('co');
    const address = await stack.request('POST', `/customers/${customerId}/addresses`, {
      name: 'Ada',
      line1: 'Kungsgatan 1',
      city: 'Stockholm',
      postalCode: '111 43',
      country: 'SE',
    });
    assert.equal(address.status, 201, JSON.stringify(address.body));
    const method = await stack.request('POST', `/customers/${customerId}/payment-methods`, { tokens });
    const started = await stack.request(
      'POST',
      '/checkouts',
      checkoutBody(checkoutId, {
        customer: { id: customerId, email: `${checkoutId}@shoppers.example.com`, locale: 'en-US' },
        cart: { currency: 'EUR', total: 20, items: [{ sku, name: 'Tea', quantity: 2, unitPrice: 10 }] },
        schedule: [{ after: '60s' }],
      }),
    );
    assert.equal(started.status, 202);
    return { checkoutId, body: { addressId: address.body.id, paymentMethodId: method.body.id } };
  }

  const intentsOf = async (checkoutId: string) => {
    const res = await fetch(`${stripe.url}/v1/payment_intents?limit=100`, {
      headers: { Authorization: 'Bearer sk_test_local' },
    });
    const { data } = (await res.json()) as { data: { status: string; metadata: Record<string, string> }[] };
    return data.filter((pi) => pi.metadata.checkout_id === checkoutId);
  };

  /** A shopper whose card wants 3-D Secure, the order placed: requires_action, and the client secret. */
  async function placeWithThreeDSecure(sku: string) {
    await stack.stores.inventory.setStock(sku, 10);
    const { checkoutId, body } = await shopper(sku, { stripe: await createTestCard(stripe, THREE_D_SECURE_CARD) });
    const res = await stack.request('POST', `/checkouts/${checkoutId}/place-order`, body);
    assert.equal(res.body.status, 'requires_action', JSON.stringify(res.body));
    return { checkoutId, clientSecret: String(res.body.nextAction?.clientSecret) };
  }

  /** The order's outcome once it is no longer waiting for the bank. */
  async function settled(checkoutId: string) {
    for (let i = 0; i < 120; i++) {
      const outcome = (await stack.request('GET', `/checkouts/${checkoutId}/order`)).body;
      if (outcome.status !== 'requires_action') return outcome as { status: string; code?: string };
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(`the order of ${checkoutId} is still waiting`);
  }

  /** One PaymentIntent, captured; the stock taken once (10 less 2); the checkout reads ordered. */
  async function expectChargedOnceAndOrdered(checkoutId: string, sku: string) {
    assert.deepEqual(
      (await intentsOf(checkoutId)).map((pi) => pi.status),
      ['succeeded'],
    );
    assert.equal(await stack.stores.inventory.available(sku), 8, 'the stock stays taken');
    await stack.waitForStatus(checkoutId, (c) => c.state === 'ordered');
  }

  test('Stripe is down when the 3-D Secure wait runs out: the last read waits it out, the confirmed payment is captured', {
    timeout: 60_000,
  }, async () => {
    const sku = uniqueId('TEA');
    const { checkoutId, clientSecret } = await placeWithThreeDSecure(sku);
    // The shopper confirms in the bank's app and never comes back to the page; Stripe then answers
    // the saga's reads with outages for a few seconds (more than a provider call's three attempts).
    await completeThreeDSecure(stripe, clientSecret, true);
    statusOutages.set(checkoutId, 4);
    const outcome = await settled(checkoutId);
    assert.equal(outcome.status, 'placed', JSON.stringify(outcome));
    assert.equal(statusOutages.get(checkoutId), 0, 'every outage was waited out');
    await expectChargedOnceAndOrdered(checkoutId, sku);
  });

  test('the 3-D Secure wait runs out and the void finds the payment captured: the order is recorded, not failed', {
    timeout: 60_000,
  }, async () => {
    const sku = uniqueId('TEA');
    const { checkoutId, clientSecret } = await placeWithThreeDSecure(sku);
    // Confirmed and captured at Stripe, while the saga's reads still see requires_action (stale).
    statusStale.add(checkoutId);
    await completeThreeDSecure(stripe, clientSecret, true);
    const pi = /^(pi_\w+)_secret_/.exec(clientSecret)?.[1];
    const captured = await fetch(`${stripe.url}/v1/payment_intents/${pi}/capture`, {
      method: 'POST',
      headers: { Authorization: 'Bearer sk_test_local' },
    });
    assert.equal(captured.status, 200, await captured.text());
    const outcome = await settled(checkoutId);
    assert.equal(outcome.status, 'placed', JSON.stringify(outcome));
    await expectChargedOnceAndOrdered(checkoutId, sku);
  });

  test('Stripe times out after it charged: the lookup finds the charge; no second charge, Adyen never asked', {
    timeout: 60_000,
  }, async () => {
    const s = await shopper('TEA-1');
    timesOutAfterCharge.add(s.checkoutId);
    const res = await stack.request('POST', `/checkouts/${s.checkoutId}/place-order`, s.body);
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.provider, 'stripe');
    const intents = await intentsOf(s.checkoutId);
    assert.equal(intents.length, 1, 'one PaymentIntent although the activity ran three times');
    assert.equal(intents[0]?.status, 'succeeded');
    assert.equal(adyen.payments.filter((p) => p.reference === s.checkoutId).length, 0);
  });

  test('a capture that times out after Stripe took it: the void finds it captured, the order is placed once', {
    timeout: 60_000,
  }, async () => {
    const sku = uniqueId('TEA');
    await stack.stores.inventory.setStock(sku, 10);
    const s = await shopper(sku);
    captureTimesOutAfterCapture.add(s.checkoutId);
    const res = await stack.request('POST', `/checkouts/${s.checkoutId}/place-order`, s.body);
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.status, 'placed');
    const intents = await intentsOf(s.checkoutId);
    assert.deepEqual(
      intents.map((pi) => pi.status),
      ['succeeded'],
    );
    assert.equal(await stack.stores.inventory.available(sku), 8, 'the stock stays taken');
    await stack.waitForStatus(s.checkoutId, (c) => c.state === 'ordered');
  });

  test('a capture that keeps failing: the authorisation is voided and the stock given back', {
    timeout: 60_000,
  }, async () => {
    const sku = uniqueId('TEA');
    await stack.stores.inventory.setStock(sku, 10);
    const s = await shopper(sku);
    captureFails.add(s.checkoutId);
    const res = await stack.request('POST', `/checkouts/${s.checkoutId}/place-order`, s.body);
    assert.equal(res.status, 409, JSON.stringify(res.body));
    assert.equal(res.body.code, 'capture_failed');
    const intents = await intentsOf(s.checkoutId);
    assert.equal(intents.length, 1);
    assert.equal(intents[0]?.status, 'canceled');
    assert.equal(await stack.stores.inventory.available(sku), 10);
    const status = await stack.request('GET', `/checkouts/${s.checkoutId}`);
    assert.notEqual(status.body.state, 'ordered');
  });
});
