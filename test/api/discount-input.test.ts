// What POST /checkouts puts into the workflow input for offers: the customer's tier and the
// configured discount policy, copied at start so a later config change never alters a running checkout.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { CheckoutRecoveryInput } from '../../common/checkout';
import { workflowIdFor } from '../../common/messages';
import { openAll } from '../support/open-all';
import { decodeRaw } from '../support/payload-keys';
import { call, checkoutBody, type RunningApi, startApi, startTemporal, uniqueId } from './support/api-harness';

let env: TestWorkflowEnvironment;
let api: RunningApi;
let noOffers: RunningApi;

before(async () => {
  env = await startTemporal();
  [api, noOffers] = await openAll([
    [startApi(env.client, { DISCOUNT_OFFERS: 'on' }), (a) => a.close()],
    [startApi(env.client, { DISCOUNT_OFFERS: 'off' }), (a) => a.close()],
  ]);
});

after(async () => {
  await api?.close();
  await noOffers?.close();
  await env?.teardown();
});

async function workflowInput(checkoutId: string): Promise<CheckoutRecoveryInput> {
  const history = await env.client.workflow.getHandle(workflowIdFor(checkoutId)).fetchHistory();
  const payload = history.events?.[0]?.workflowExecutionStartedEventAttributes?.input?.payloads?.[0];
  assert.ok(payload, 'the checkout was started with an input');
  return decodeRaw<CheckoutRecoveryInput>(payload); // the history holds it encrypted
}

const withTier = (tier: unknown) => ({ id: 'c-42', email: 'ada@example.com', tier });

describe('POST /checkouts: offers', () => {
  test("the customer's tier and the configured discount policy travel into the workflow input", async () => {
    const checkoutId = uniqueId('co-tier');
    const res = await call(`${api.url}/checkouts`, 'POST', checkoutBody(checkoutId, { customer: withTier('gold') }));
    assert.equal(res.status, 202, JSON.stringify(res.body));
    const input = await workflowInput(checkoutId);
    assert.equal(input.checkout.customer.tier, 'gold');
    assert.deepEqual(input.policy?.discount, api.config.policy.discount);
    assert.ok(input.policy?.discount?.rules.length, 'config/policy.json makes offers by default');
  });

  test('DISCOUNT_OFFERS=off starts checkouts without a discount policy', async () => {
    const checkoutId = uniqueId('co-nooffer');
    const res = await call(`${noOffers.url}/checkouts`, 'POST', checkoutBody(checkoutId));
    assert.equal(res.status, 202, JSON.stringify(res.body));
    assert.equal((await workflowInput(checkoutId)).policy?.discount, null);
  });

  test('a tier outside the allowed names is a 400 naming customer.tier', async () => {
    for (const tier of ['', '<gold>', 7, 'x'.repeat(65)]) {
      const res = await call(
        `${api.url}/checkouts`,
        'POST',
        checkoutBody(uniqueId('co-bad'), { customer: withTier(tier) }),
      );
      assert.equal(res.status, 400, `tier ${JSON.stringify(tier)}`);
      assert.deepEqual(
        res.body.errors.map((e: { field: string }) => e.field),
        ['customer.tier'],
      );
    }
  });
});
