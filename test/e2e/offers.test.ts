// Offers through the whole stack: the API copies the configured discount policy and the customer's
// tier into the input, the worker issues the code into the ledger, the email and GET /checkouts/:id
// carry the same code.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { CheckoutStatus } from '../../common/checkout';
import { call, checkoutBody, type RunningApi, startApi, uniqueId } from '../api/support/api-harness';
import { Stack } from './stack';

const CODE = /BACK(?:-[2-9A-HJKMNP-Z]{4}){3}/;

describe('offers end to end (HTTP → Temporal → discount code → SES)', () => {
  let stack: Stack;
  let offering: RunningApi; // the same stack's API with the shipped policy's offers on
  before(async () => {
    stack = await Stack.start();
    offering = await startApi(stack.env.client, {
      TASK_QUEUE: stack.api.config.temporal.taskQueue,
      DISCOUNT_OFFERS: 'on',
    });
  });
  after(async () => {
    await offering?.close();
    await stack?.close();
  });

  test("a gold customer's last reminder offers 15% with a code; status and email agree", async () => {
    const id = uniqueId('co-offer');
    const email = `${id}@shoppers.example.com`;
    const body = checkoutBody(id, {
      customer: { id: uniqueId('cust'), email, locale: 'en-US', timezone: 'America/New_York', tier: 'gold' },
      schedule: [{ after: '1s' }, { after: '2s' }],
    });
    assert.equal((await call(`${offering.url}/checkouts`, 'POST', body)).status, 202);
    const status: CheckoutStatus = await stack.waitForStatus(id, (s) => s.state === 'expired');
    const [first, last] = status.reminders;
    assert.equal(first?.offer, undefined);
    assert.equal(last?.offer?.percent, 15);
    assert.match(last?.offer?.code ?? '', CODE);
    const mails = await stack.inbox.messagesTo(email);
    assert.equal(mails.length, 2);
    assert.equal(mails[1]?.body.text?.match(CODE)?.[0], last?.offer?.code);
    assert.match(mails[1]?.body.text ?? '', /15% off your order \(up to €50\.00\)/);
    assert.match(mails[1]?.body.text ?? '', / EST\./, 'expiry in the customer zone');
    assert.doesNotMatch(mails[0]?.body.text ?? '', CODE);
  });
});
