import assert from 'node:assert/strict';
import { createHash, createHmac } from 'node:crypto';
import { after, before, test } from 'node:test';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { CheckoutRecoveryInput } from '../../common/checkout';
import { workflowIdFor } from '../../common/messages';
import { CartTotalKey, CustomerIdKey } from '../../common/search-attributes';
import { decodeRaw } from '../support/payload-keys';
import { call, type RunningApi, startApi, startTemporal, TEST_CUSTOMER_ID_SECRET } from './support/api-harness';

let env: TestWorkflowEnvironment;
let api: RunningApi;

before(async () => {
  env = await startTemporal();
  api = await startApi(env.client, {
    LEGACY_CHECKOUT_URL: 'https://old.example.com/cart/{id}?from=mail',
    SHOP_ORIGINS: 'https://old.example.com',
  });
});

after(async () => {
  await api?.close();
  await env?.teardown();
});

async function workflowInput(checkoutId: string): Promise<CheckoutRecoveryInput> {
  const history = await env.client.workflow.getHandle(workflowIdFor(checkoutId)).fetchHistory();
  const payload = history.events?.[0]?.workflowExecutionStartedEventAttributes?.input?.payloads?.[0];
  assert.ok(payload, 'the checkout was started with an input');
  return decodeRaw<CheckoutRecoveryInput>(payload); // the history holds it encrypted
}

test('POST /api/checkout starts a minimal checkout under a generated legacy id', async () => {
  const res = await call(`${api.url}/api/checkout`, 'POST', { email_id: 'Ada@Example.com' });
  assert.equal(res.status, 200);
  assert.equal(typeof res.body.msg, 'string');
  assert.match(res.body.order_id, /^legacy-[0-9a-f-]{36}$/);

  const checkoutId: string = res.body.order_id;
  const description = await env.client.workflow.getHandle(workflowIdFor(checkoutId)).describe();
  // Search attributes are never encrypted: the id is an HMAC under CUSTOMER_ID_SECRET, so nobody who
  // can read them finds a customer by hashing a list of email addresses.
  const unsalted = createHash('sha256').update('ada@example.com').digest('hex').slice(0, 16);
  const customerId = description.typedSearchAttributes.get(CustomerIdKey) ?? '';
  assert.ok(!customerId.includes(unsalted), 'not the plain hash of the email');
  const hmac = createHmac('sha256', TEST_CUSTOMER_ID_SECRET).update('ada@example.com').digest('hex').slice(0, 32);
  assert.equal(customerId, `email-${hmac}`);
  assert.equal(description.typedSearchAttributes.get(CartTotalKey), 0);
  assert.doesNotMatch((await description.staticSummary()) ?? '', /example\.com/i);

  const input = await workflowInput(checkoutId);
  assert.deepEqual(input.checkout.cart, { currency: 'USD', total: 0, items: [] });
  assert.equal(input.checkout.customer.email, 'Ada@Example.com');
  assert.equal(input.checkout.checkoutUrl, `https://old.example.com/cart/${checkoutId}?from=mail`);
  assert.deepEqual(input.schedule, api.config.schedule);
});

test('POST /api/order signals the order to the legacy checkout and answers 200', async () => {
  const { body } = await call(`${api.url}/api/checkout`, 'POST', { email_id: 'bo@example.com' });
  const res = await call(`${api.url}/api/order`, 'POST', { order_id: body.order_id, email_id: 'bo@example.com' });
  assert.equal(res.status, 200);
  assert.equal(typeof res.body.msg, 'string');
  const history = await env.client.workflow.getHandle(workflowIdFor(body.order_id)).fetchHistory();
  const signal = history.events?.find((e) => e.workflowExecutionSignaledEventAttributes?.signalName === 'ordered');
  assert.ok(signal, 'the ordered signal reached the checkout');
});

test('without CUSTOMER_ID_SECRET the legacy checkout route answers 503 instead of a guessable customer id', async () => {
  const bare = await startApi(env.client, { CUSTOMER_ID_SECRET: '' });
  try {
    const res = await call(`${bare.url}/api/checkout`, 'POST', { email_id: 'ada@example.com' });
    assert.equal(res.status, 503);
    assert.match(res.body.message, /CUSTOMER_ID_SECRET/);
  } finally {
    await bare.close();
  }
});
