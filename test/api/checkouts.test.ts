import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CHECKOUT_STOPS } from '../../apps/api/checkouts/checkout-stops.token';
import { WORKFLOW_TYPE, workflowIdFor } from '../../common/messages';
import { CartTotalKey, CheckoutStatusKey, CustomerIdKey, RemindersSentKey } from '../../common/search-attributes';
import type { CheckoutStops } from '../../storage/checkout-stops';
import { call, checkoutBody, uniqueId, useApi } from './support/api-harness';

const api = useApi();

const post = (path: string, body: unknown) => call(`${api.url}${path}`, 'POST', body);
const stops = () => api.app.get<string, CheckoutStops>(CHECKOUT_STOPS);

describe('POST /checkouts', () => {
  test('starts one workflow per checkout and answers 202 with created true', async () => {
    const checkoutId = uniqueId('co');
    const res = await post('/checkouts', checkoutBody(checkoutId));
    assert.equal(res.status, 202);
    assert.deepEqual(res.body, { checkoutId, workflowId: workflowIdFor(checkoutId), status: 'waiting', created: true });

    const description = await api.client.workflow.getHandle(workflowIdFor(checkoutId)).describe();
    assert.equal(description.type, WORKFLOW_TYPE);
    assert.equal(description.taskQueue, api.config.temporal.taskQueue);
    assert.equal(description.typedSearchAttributes.get(CustomerIdKey), 'c-42');
    assert.equal(description.typedSearchAttributes.get(CartTotalKey), 59.9);
    // Status lives in the workflow (query, result), not in search attributes upserted per change.
    assert.equal(description.typedSearchAttributes.get(CheckoutStatusKey), undefined);
    assert.equal(description.typedSearchAttributes.get(RemindersSentKey), undefined);
    // The first wait is Temporal's start delay: the workflow first runs when reminder 1 is due (30m).
    const delayMs = (description.executionTime?.getTime() ?? 0) - description.startTime.getTime();
    assert.ok(Math.abs(delayMs - 30 * 60_000) < 5_000, `start delay ${delayMs} ms`);
  });

  test('a second start with the same checkoutId returns the same workflow with created false', async () => {
    const checkoutId = uniqueId('co');
    const first = await post('/checkouts', checkoutBody(checkoutId));
    const second = await post(
      '/checkouts',
      checkoutBody(checkoutId, { cart: { currency: 'EUR', total: 1, items: [] } }),
    );
    assert.equal(second.status, 202);
    assert.equal(second.body.workflowId, first.body.workflowId);
    assert.equal(second.body.created, false);
    const runs = [];
    for await (const run of api.client.workflow.list({ query: `WorkflowId = "${workflowIdFor(checkoutId)}"` })) {
      runs.push(run);
    }
    assert.equal(runs.length, 1);
  });

  test('the operator summary names ids, amount and schedule but no personal data', async () => {
    const checkoutId = uniqueId('co');
    await post(
      '/checkouts',
      checkoutBody(checkoutId, { schedule: [{ after: '30m' }, { after: '1d' }, { after: '3d' }] }),
    );
    const description = await api.client.workflow.getHandle(workflowIdFor(checkoutId)).describe();
    const summary = await description.staticSummary();
    assert.equal(summary, `Checkout ${checkoutId} · customer c-42 · 59.90 EUR · 3 reminders (30m, 1d, 3d)`);
    const details = (await description.staticDetails()) ?? '';
    assert.match(details, /1\. after 30m: friendly by email/);
    for (const text of [summary, details]) {
      assert.doesNotMatch(text ?? '', /ada@example\.com|Ada/);
    }
  });

  test('a checkout whose workflow has closed is answered as it is, not restarted', async () => {
    const checkoutId = uniqueId('co');
    await post('/checkouts', checkoutBody(checkoutId));
    await api.client.workflow.getHandle(workflowIdFor(checkoutId)).terminate('test');
    const again = await post('/checkouts', checkoutBody(checkoutId));
    assert.equal(again.status, 202);
    assert.equal(again.body.created, false);
    assert.equal(again.body.status, 'terminated');
  });
});

describe('routes on one checkout', () => {
  test('an unknown checkout is a 404 on GET, activity, schedule and DELETE', async () => {
    const checkoutId = uniqueId('unknown');
    for (const [method, path, body] of [
      ['GET', `/checkouts/${checkoutId}`, undefined],
      ['POST', `/checkouts/${checkoutId}/activity`, {}],
      ['PUT', `/checkouts/${checkoutId}/schedule`, { schedule: [{ after: '1h' }] }],
      ['DELETE', `/checkouts/${checkoutId}`, undefined],
    ] as const) {
      const res = await call(`${api.url}${path}`, method, body);
      assert.equal(res.status, 404, `${method} ${path}`);
      assert.equal(res.body.message, `checkout ${checkoutId} not found`);
    }
  });

  test('activity on a running checkout is accepted', async () => {
    const checkoutId = uniqueId('co');
    await post('/checkouts', checkoutBody(checkoutId));
    const res = await post(`/checkouts/${checkoutId}/activity`, { at: new Date().toISOString() });
    assert.equal(res.status, 202);
    assert.deepEqual(res.body, { checkoutId, accepted: true });
  });

  test('activity and DELETE on a closed checkout are a 409 naming its state', async () => {
    const checkoutId = uniqueId('co');
    await post('/checkouts', checkoutBody(checkoutId));
    await api.client.workflow.getHandle(workflowIdFor(checkoutId)).terminate('test');
    const activity = await post(`/checkouts/${checkoutId}/activity`, {});
    assert.equal(activity.status, 409);
    assert.equal(activity.body.message, 'checkout is already terminated');
    const cancel = await call(`${api.url}/checkouts/${checkoutId}`, 'DELETE');
    assert.equal(cancel.status, 409);
  });

  test('DELETE requests cancellation of a running checkout', async () => {
    const checkoutId = uniqueId('co');
    await post('/checkouts', checkoutBody(checkoutId));
    const res = await call(`${api.url}/checkouts/${checkoutId}`, 'DELETE');
    assert.equal(res.status, 202);
    assert.deepEqual(res.body, { checkoutId, workflowId: workflowIdFor(checkoutId), cancelRequested: true });
    const history = await api.client.workflow.getHandle(workflowIdFor(checkoutId)).fetchHistory();
    assert.ok(history.events?.some((e) => e.workflowExecutionCancelRequestedEventAttributes));
    assert.equal(await stops().get(checkoutId), 'cancelled', "recorded for the sends' claims");
  });
});

describe('POST /orders', () => {
  test('an order before its checkout is remembered, and the checkout then starts nothing new', async () => {
    const checkoutId = uniqueId('co');
    const order = await post('/orders', { checkoutId, orderId: 'o-1', total: 59.9 });
    assert.equal(order.status, 202);
    // No worker here: the order is recorded by its signal after ORDER_ACK_TIMEOUT, unconfirmed.
    assert.deepEqual(order.body, { checkoutId, orderId: 'o-1', accepted: true, confirmed: false, status: 'ordered' });
    const history = await api.client.workflow.getHandle(workflowIdFor(checkoutId)).fetchHistory();
    const started = history.events?.find((e) => e.workflowExecutionStartedEventAttributes);
    assert.ok(started, 'the early order started a workflow');
    assert.ok(history.events?.some((e) => e.workflowExecutionSignaledEventAttributes?.signalName === 'ordered'));

    const checkout = await post('/checkouts', checkoutBody(checkoutId));
    assert.equal(checkout.status, 202);
    assert.equal(checkout.body.created, false);
    assert.equal(checkout.body.status, 'ordered', 'the checkout reads as ordered before any worker ran');
  });

  test('with no worker to acknowledge it, an order is recorded durably by signal and answered unconfirmed after ORDER_ACK_TIMEOUT', async () => {
    const checkoutId = uniqueId('co');
    await post('/checkouts', checkoutBody(checkoutId));
    const started = Date.now();
    const order = await post('/orders', { checkoutId, orderId: 'o-late' });
    assert.equal(order.status, 202);
    assert.equal(order.body.confirmed, false);
    assert.ok(Date.now() - started >= 1_000, 'it waited ORDER_ACK_TIMEOUT (1s here) for an acknowledgement');
    const history = await api.client.workflow.getHandle(workflowIdFor(checkoutId)).fetchHistory();
    assert.ok(history.events?.some((e) => e.workflowExecutionSignaledEventAttributes?.signalName === 'ordered'));
    // The signal path's guard: a send claimed from now on finds the order in its own claim.
    assert.equal(await stops().get(checkoutId), 'ordered');
  });

  test('an order for a closed checkout is accepted with a note, not an error', async () => {
    const checkoutId = uniqueId('co');
    await post('/checkouts', checkoutBody(checkoutId));
    await api.client.workflow.getHandle(workflowIdFor(checkoutId)).terminate('test');
    const res = await post('/orders', { checkoutId, orderId: 'o-2' });
    assert.equal(res.status, 202);
    assert.equal(res.body.accepted, true);
    assert.equal(res.body.status, 'terminated');
    assert.match(res.body.note, /after the checkout closed/);
  });
});

describe('GET /customers/:customerId/checkouts', () => {
  test("lists a customer's checkouts newest first with their search attributes", async () => {
    const customerId = uniqueId('cust');
    const older = uniqueId('co');
    const newer = uniqueId('co');
    const customer = { id: customerId, email: 'bo@example.com' };
    await post('/checkouts', checkoutBody(older, { customer }));
    await post('/checkouts', checkoutBody(newer, { customer }));
    await post('/checkouts', checkoutBody(uniqueId('co'))); // another customer's

    let listed: Array<Record<string, unknown>> = [];
    for (let attempt = 0; attempt < 50 && listed.length < 2; attempt++) {
      // Visibility is eventually consistent: poll briefly.
      const res = await call(`${api.url}/customers/${customerId}/checkouts`, 'GET');
      assert.equal(res.status, 200);
      listed = res.body;
      if (listed.length < 2) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.deepEqual(
      listed.map((c) => c.checkoutId),
      [newer, older],
    );
    const [first] = listed;
    assert.equal(first?.workflowId, workflowIdFor(newer));
    assert.equal(first?.status, 'waiting');
    assert.equal(first?.cartTotal, 59.9);
    assert.equal(first?.remindersSent, 0);
    assert.equal(first?.closedAt, null);
    assert.ok(!Number.isNaN(Date.parse(String(first?.startedAt))));
  });
});
