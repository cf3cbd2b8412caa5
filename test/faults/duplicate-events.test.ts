// Scenario: the shop's events arrive duplicated, concurrently and out of order over HTTP (the real
// API app, a real dev server, a worker process). Counted at the SES endpoint per (checkout, step).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { workflowIdFor } from '../../common/messages';
import { uniqueId } from '../api/support/api-harness';
import { assertNoBrokenWorkflow, faultCheckoutBody, waitUntilClosed } from './support/checkouts';
import { keyText, requestsByMessage } from './support/deliveries';
import { FaultStack } from './support/fault-stack';
import { pause } from './support/processes';

const times = <T>(n: number, make: () => Promise<T>) => Promise.all(Array.from({ length: n }, make));

describe('duplicate and reordered events over HTTP', () => {
  let stack: FaultStack;
  before(async () => {
    stack = await FaultStack.start();
  });
  after(async () => {
    await stack?.close();
  });

  /** What SES received for this checkout, per message ("1", "2", "confirmation"). */
  const sentFor = (checkoutId: string) =>
    Object.fromEntries(
      [...requestsByMessage(stack.ses)]
        .filter(([key]) => key.startsWith(`${checkoutId}#`))
        .map(([key, behaviours]) => [key.slice(checkoutId.length + 1), behaviours.length]),
    );

  test('the same checkout posted ten times at once starts one workflow and sends each reminder once', async () => {
    const id = uniqueId('co');
    const body = faultCheckoutBody(id, [{ after: '1s' }, { after: '2s' }]);
    const responses = await times(10, () => stack.request('POST', '/checkouts', body));
    assert.deepEqual(
      responses.map((r) => r.status),
      responses.map(() => 202),
    );
    assert.equal(responses.filter((r) => r.body.created === true).length, 1, 'exactly one request created it');
    assert.deepEqual(new Set(responses.map((r) => r.body.workflowId)), new Set([workflowIdFor(id)]));

    await waitUntilClosed(stack, [id], 30_000);
    const runs = [];
    for await (const run of stack.client.workflow.list({ query: `WorkflowId = '${workflowIdFor(id)}'` })) {
      runs.push(run.runId);
    }
    assert.equal(runs.length, 1, 'one workflow run');
    assert.deepEqual(sentFor(id), { 1: 1, 2: 1 });
    await assertNoBrokenWorkflow(stack, [id]);
  });

  test('orders posted before their checkout mean the checkout, posted repeatedly after, sends nothing', async () => {
    const id = uniqueId('co');
    const orders = await times(5, () => stack.request('POST', '/orders', { checkoutId: id, orderId: 'ord-early' }));
    assert.deepEqual(
      orders.map((r) => r.status),
      orders.map(() => 202),
    );
    const body = faultCheckoutBody(id, [{ after: '1s' }]);
    const checkouts = await times(5, () => stack.request('POST', '/checkouts', body));
    for (const res of checkouts) {
      assert.equal(res.status, 202, JSON.stringify(res.body));
      assert.equal(res.body.created, false);
      assert.equal(res.body.status, 'ordered');
    }
    await waitUntilClosed(stack, [id], 10_000);
    await pause(2_000); // past the reminder's due time
    assert.deepEqual(sentFor(id), {});
    assert.equal(await stack.state(id), 'ordered');
    await assertNoBrokenWorkflow(stack, [id]);
  });

  test('activity after the order is refused or ignored, and the order is confirmed once', async () => {
    const id = uniqueId('co');
    const schedule = [{ after: '1s' }, { after: '3s' }];
    assert.equal((await stack.request('POST', '/checkouts', faultCheckoutBody(id, schedule))).status, 202);
    await stack.waitUntil(
      'reminder 1 was sent',
      () => requestsByMessage(stack.ses).get(keyText({ checkoutId: id, step: 1 }))?.length ?? 0,
      (n) => n > 0,
      15_000,
    );
    // The same order ten times, a different order and shopper activity, all at once, then activity again.
    const [orders, other, activity] = await Promise.all([
      times(10, () => stack.request('POST', '/orders', { checkoutId: id, orderId: 'ord-1', total: 59.9 })),
      stack.request('POST', '/orders', { checkoutId: id, orderId: 'ord-2' }),
      stack.request('POST', `/checkouts/${id}/activity`, {}),
    ]);
    for (const res of [...orders, other]) assert.equal(res.status, 202, JSON.stringify(res.body));
    assert.ok([202, 409].includes(activity.status), JSON.stringify(activity.body));

    await waitUntilClosed(stack, [id], 15_000);
    const late = await stack.request('POST', `/checkouts/${id}/activity`, {});
    assert.equal(late.status, 409, JSON.stringify(late.body));
    await pause(3_000); // past where reminder 2 was due
    assert.deepEqual(sentFor(id), { 1: 1, confirmation: 1 });
    const status = await stack.request('GET', `/checkouts/${id}`);
    assert.equal(status.body.state, 'ordered');
    assert.equal(status.body.order.afterStep, 1);
    assert.equal(status.body.order.confirmation.outcome, 'sent');
    await assertNoBrokenWorkflow(stack, [id]);
  });
});
