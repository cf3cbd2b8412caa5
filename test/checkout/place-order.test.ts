// One-click order end to end: HTTP → the order saga on Temporal → (local) Stripe → the checkout's
// recovery workflow. Real worker, real API, localstripe speaking Stripe's protocol.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { orderWorkflowId } from '../../common/order-placement';
import { checkoutBody, uniqueId } from '../api/support/api-harness';
import { pause, Stack } from '../e2e/stack';
import {
  completeThreeDSecure,
  createTestCard,
  type LocalStripe,
  startTestStripe,
  stripeEnv,
  THREE_D_SECURE_CARD,
} from '../support/local-stripe';
import { saveAddressAndCard } from '../support/saved-wallet';

describe('place order (one click) through the API, the saga and local Stripe', () => {
  let stack: Stack;
  let stripe: LocalStripe;
  before(async () => {
    stripe = await startTestStripe();
    // A short 3-D Secure wait: the test that lets it run out waits that long.
    stack = await Stack.start({ env: { ...stripeEnv(stripe), THREE_DS_WAIT: '8s' }, orders: true });
  });
  after(async () => {
    await stack?.close();
    await stripe?.stop();
  });

  /** A customer with a saved address and `token` as their card, and a running checkout with a reminder due in `firstAfter`. */
  async function shopper(token: string, firstAfter = '4s', cart?: { sku: string }) {
    const customerId = uniqueId('cust');
    const checkoutId = uniqueId('co');
    const email = `${checkoutId}@shoppers.example.com`;
    const { addressId, paymentMethodId } = await saveAddressAndCard(
      (p, q, b) => stack.request(p, q, b),
      customerId,
      token,
    );
    const started = await stack.request(
      'POST',
      '/checkouts',
      checkoutBody(checkoutId, {
        customer: { id: customerId, email, locale: 'en-US' },
        schedule: [{ after: firstAfter }, { after: '90s' }],
        ...(cart && {
          cart: { currency: 'EUR', total: 30, items: [{ sku: cart.sku, name: 'Tea', quantity: 2, unitPrice: 15 }] },
        }),
      }),
    );
    assert.equal(started.status, 202, JSON.stringify(started.body));
    return { customerId, checkoutId, email, addressId, paymentMethodId };
  }

  const intents = async () => {
    const res = await fetch(`${stripe.url}/v1/payment_intents?limit=100`, {
      headers: { Authorization: 'Bearer sk_test_local' },
    });
    return (
      (await res.json()) as { data: { id: string; status: string; amount: number; metadata: Record<string, string> }[] }
    ).data;
  };
  const intentsOf = async (checkoutId: string) =>
    (await intents()).filter((pi) => pi.metadata.checkout_id === checkoutId);

  /** Places the order of a shopper whose card wants 3-D Secure: 200 requires_action with Stripe.js's next action. */
  async function placeWithThreeDSecure() {
    const sku = uniqueId('TEA').toUpperCase();
    await stack.stores.inventory.setStock(sku, 5);
    const s = await shopper(await createTestCard(stripe, THREE_D_SECURE_CARD), '30s', { sku });
    const body = { addressId: s.addressId, paymentMethodId: s.paymentMethodId };
    const res = await stack.request('POST', `/checkouts/${s.checkoutId}/place-order`, body);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.status, 'requires_action');
    assert.equal(res.body.provider, 'stripe');
    assert.equal(res.body.nextAction?.kind, 'stripe_sdk');
    assert.ok(String(res.body.nextAction?.clientSecret).startsWith(`${res.body.ref}_secret_`));
    assert.equal(await stack.stores.inventory.available(sku), 3, 'the stock is held while the bank asks');
    return { s, sku, res };
  }

  test('pm_card_visa: placed once (double click), charged once, the checkout reads ordered and no reminder follows', async () => {
    const s = await shopper('pm_card_visa');
    const body = { addressId: s.addressId, paymentMethodId: s.paymentMethodId };
    const [first, second] = await Promise.all([
      stack.request('POST', `/checkouts/${s.checkoutId}/place-order`, body),
      stack.request('POST', `/checkouts/${s.checkoutId}/place-order`, body),
    ]);
    assert.equal(first.status, 201, JSON.stringify(first.body));
    assert.deepEqual(first.body, {
      status: 'placed',
      orderId: `ord-${s.checkoutId}`,
      provider: 'stripe',
      total: 59.9,
      currency: 'EUR',
    });
    assert.deepEqual(second.body, first.body, 'the double click lands on the same order');
    const again = await stack.request('POST', `/checkouts/${s.checkoutId}/place-order`, body);
    assert.equal(again.status, 201);
    assert.deepEqual(again.body, first.body, 'a click after the order answers the same order');
    const charged = await intentsOf(s.checkoutId);
    assert.equal(charged.length, 1, 'one PaymentIntent for the checkout');
    assert.equal(charged[0]?.status, 'succeeded');
    assert.equal(charged[0]?.amount, 5990);
    const status = await stack.waitForStatus(s.checkoutId, (c) => c.state === 'ordered');
    assert.equal(status.order?.orderId, `ord-${s.checkoutId}`);
    assert.equal((await stack.request('GET', `/checkouts/${s.checkoutId}/order`)).body.status, 'placed');
    // Past the first reminder's due time: nothing but the order confirmation was mailed.
    await pause(5_000);
    const mails = await stack.inbox.messagesTo(s.email);
    assert.equal(
      mails.filter((m) => !/order|bestellung/i.test(m.subject ?? '')).length,
      0,
      mails.map((m) => m.subject).join(),
    );
    const history = await stack.env.client.workflow.getHandle(orderWorkflowId(s.checkoutId)).fetchHistory();
    assert.ok((history.events?.length ?? 0) > 0);
    // The analytics see the order as they see one the shop reports: once, with its money, closing the checkout.
    const records = (await stack.stores.events.timeline(s.checkoutId)).filter(
      (e) => e.type === 'ordered' || e.type === 'closed',
    );
    assert.deepEqual(
      records.map(({ at: _at, customerId: _c, ...rest }) => rest),
      [
        {
          id: `${s.checkoutId}:order:ord-${s.checkoutId}`,
          checkoutId: s.checkoutId,
          type: 'ordered',
          orderId: `ord-${s.checkoutId}`,
          total: 59.9,
          currency: 'EUR',
          afterStep: 0,
        },
        { id: `${s.checkoutId}:closed`, checkoutId: s.checkoutId, type: 'closed', state: 'ordered' },
      ],
    );
    assert.equal(records[0]?.customerId, s.customerId);
  });

  test('pm_card_visa_chargeDeclined: 402 with the reason, not retryable; the checkout hears payment_failed and keeps reminding', async () => {
    const s = await shopper('pm_card_visa_chargeDeclined', '3s');
    const res = await stack.request('POST', `/checkouts/${s.checkoutId}/place-order`, {
      addressId: s.addressId,
      paymentMethodId: s.paymentMethodId,
    });
    assert.equal(res.status, 402, JSON.stringify(res.body));
    assert.equal(res.body.status, 'declined');
    assert.equal(res.body.code, 'card_declined');
    assert.equal(res.body.reason, 'Your card was declined.');
    assert.equal(res.body.retryable, false);
    const status = await stack.waitForStatus(s.checkoutId, (c) => c.progress?.declineReason === 'card_declined');
    assert.equal(status.abandonReason, 'payment_failed');
    assert.notEqual(status.state, 'ordered');
    const reminded = await stack.waitForStatus(s.checkoutId, (c) => c.remindersSent >= 1, 10_000);
    assert.equal(reminded.remindersSent >= 1, true);
  });

  test('3-D Secure: the order waits for the shopper; after the bank confirms, the return route captures once (201 placed)', async () => {
    const { s, res } = await placeWithThreeDSecure();
    assert.deepEqual(
      (await intentsOf(s.checkoutId)).map((pi) => pi.status),
      ['requires_action'],
    );
    await completeThreeDSecure(stripe, res.body.nextAction.clientSecret, true);
    const back = await stack.request('POST', `/checkouts/${s.checkoutId}/order/authentication`);
    assert.equal(back.status, 201, JSON.stringify(back.body));
    assert.equal(back.body.status, 'placed');
    const charged = await intentsOf(s.checkoutId);
    assert.deepEqual(
      charged.map((pi) => [pi.status, pi.amount]),
      [['succeeded', 3000]],
      'one PaymentIntent, captured',
    );
    const status = await stack.waitForStatus(s.checkoutId, (c) => c.state === 'ordered');
    assert.equal(status.order?.orderId, `ord-${s.checkoutId}`);
    const again = await stack.request('POST', `/checkouts/${s.checkoutId}/order/authentication`);
    assert.equal(again.status, 201, 'a second return answers the same order');
  });

  test('3-D Secure failed at the bank: 402 authentication_failed, the PaymentIntent cancelled, the stock released, the checkout hears payment_failed', async () => {
    const { s, sku, res } = await placeWithThreeDSecure();
    await completeThreeDSecure(stripe, res.body.nextAction.clientSecret, false);
    const back = await stack.request('POST', `/checkouts/${s.checkoutId}/order/authentication`);
    assert.equal(back.status, 402, JSON.stringify(back.body));
    assert.equal(back.body.code, 'authentication_failed');
    assert.equal(back.body.retryable, true);
    assert.equal(await stack.stores.inventory.available(sku), 5);
    // Voided: the page was given its client secret, so an open PaymentIntent could still be
    // confirmed into a hold that nobody captures.
    assert.deepEqual(
      (await intentsOf(s.checkoutId)).map((pi) => pi.status),
      ['canceled'],
    );
    const status = await stack.waitForStatus(
      s.checkoutId,
      (c) => c.progress?.declineReason === 'authentication_failed',
    );
    assert.equal(status.abandonReason, 'payment_failed');
  });

  test('3-D Secure never completed: when THREE_DS_WAIT runs out the PaymentIntent is cancelled and the stock released', {
    timeout: 60_000,
  }, async () => {
    const { s, sku } = await placeWithThreeDSecure();
    let outcome: { status?: string; code?: string } = {};
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      outcome = (await stack.request('GET', `/checkouts/${s.checkoutId}/order`)).body;
      if (outcome.status !== 'requires_action') break;
      await pause(500);
    }
    assert.deepEqual(
      { status: outcome.status, code: outcome.code },
      { status: 'failed', code: 'authentication_timeout' },
    );
    assert.deepEqual(
      (await intentsOf(s.checkoutId)).map((pi) => pi.status),
      ['canceled'],
    );
    assert.equal(await stack.stores.inventory.available(sku), 5);
    const status = await stack.request('GET', `/checkouts/${s.checkoutId}`);
    assert.notEqual(status.body.state, 'ordered');
  });

  test('an address or method of another customer is refused with 422, naming the field', async () => {
    const s = await shopper('pm_card_visa', '30s');
    const other = await shopper('pm_card_visa', '30s');
    const res = await stack.request('POST', `/checkouts/${s.checkoutId}/place-order`, {
      addressId: other.addressId,
      paymentMethodId: s.paymentMethodId,
    });
    assert.equal(res.status, 422);
    assert.deepEqual(
      res.body.errors.map((e: { field: string }) => e.field),
      ['addressId'],
    );
  });

  test('stock is reserved per order and an out-of-stock SKU fails the order without a charge', async () => {
    const s = await shopper('pm_card_visa', '30s');
    await stack.stores.inventory.setStock('SKU-1', 1); // the cart wants 2
    try {
      const res = await stack.request('POST', `/checkouts/${s.checkoutId}/place-order`, {
        addressId: s.addressId,
        paymentMethodId: s.paymentMethodId,
      });
      assert.equal(res.status, 409, JSON.stringify(res.body));
      assert.equal(res.body.code, 'out_of_stock');
      assert.equal((await intents()).filter((pi) => pi.metadata.checkout_id === s.checkoutId).length, 0);
      assert.equal(await stack.stores.inventory.available('SKU-1'), 1);
      await stack.stores.inventory.setStock('SKU-1', 5);
      const retry = await stack.request('POST', `/checkouts/${s.checkoutId}/place-order`, {
        addressId: s.addressId,
        paymentMethodId: s.paymentMethodId,
      });
      assert.equal(retry.status, 201, JSON.stringify(retry.body));
      assert.equal(await stack.stores.inventory.available('SKU-1'), 3);
    } finally {
      await stack.stores.inventory.setStock('SKU-1', 1_000_000);
    }
  });
});
