// One-click order end to end: HTTP → the order saga on Temporal → (local) Stripe → the checkout's
// recovery workflow. Real worker, real API, localstripe speaking Stripe's protocol.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { orderWorkflowId } from '../../common/order-placement';
import { checkoutBody, uniqueId } from '../api/support/api-harness';
import { pause, Stack } from '../e2e/stack';
import { type LocalStripe, startTestStripe, stripeEnv } from '../support/local-stripe';

describe('place order (one click) through the API, the saga and local Stripe', () => {
  let stack: Stack;
  let stripe: LocalStripe;
  before(async () => {
    stripe = await startTestStripe();
    stack = await Stack.start({ env: stripeEnv(stripe), orders: true });
  });
  after(async () => {
    await stack?.close();
    await stripe?.stop();
  });

  /** A customer with a saved address and `token` as their card, and a running checkout with a reminder due in `firstAfter`. */
  async function shopper(token: string, firstAfter = '4s') {
    const customerId = uniqueId('cust');
    const checkoutId = uniqueId('co');
    const email = `${checkoutId}@shoppers.example.com`;
    const address = await stack.request('POST', `/customers/${customerId}/addresses`, {
      name: 'Ada Lovelace',
      line1: 'Unter den Linden 1',
      city: 'Berlin',
      postalCode: '10117',
      country: 'DE',
    });
    assert.equal(address.status, 201, JSON.stringify(address.body));
    const method = await stack.request('POST', `/customers/${customerId}/payment-methods`, {
      tokens: { stripe: token },
    });
    assert.equal(method.status, 201, JSON.stringify(method.body));
    const started = await stack.request(
      'POST',
      '/checkouts',
      checkoutBody(checkoutId, {
        customer: { id: customerId, email, locale: 'en-US' },
        schedule: [{ after: firstAfter }, { after: '90s' }],
      }),
    );
    assert.equal(started.status, 202, JSON.stringify(started.body));
    return { customerId, checkoutId, email, addressId: address.body.id, paymentMethodId: method.body.id };
  }

  const intents = async () => {
    const res = await fetch(`${stripe.url}/v1/payment_intents?limit=100`, {
      headers: { Authorization: 'Bearer sk_test_local' },
    });
    return (
      (await res.json()) as { data: { id: string; status: string; amount: number; metadata: Record<string, string> }[] }
    ).data;
  };

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
    const charged = (await intents()).filter((pi) => pi.metadata.checkout_id === s.checkoutId);
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
