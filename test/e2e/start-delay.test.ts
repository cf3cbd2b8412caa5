// The first wait of every checkout is Temporal's start delay (one timer, one Action less). These
// tests pin what the delay must not change: status, activity, orders and cancels during it.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { temporal } from '@temporalio/proto';
import { countActions, totalActions } from '../../bench/actions/billing-rules';
import { workflowIdFor } from '../../common/messages';
import { call, checkoutBody, type RunningApi, startApi, uniqueId } from '../api/support/api-harness';
import { pause, Stack } from './stack';

const E = temporal.api.enums.v1.EventType;

describe('the start delay stands in for the first wait', () => {
  let stack: Stack;
  let lean: RunningApi; // the same stack's API, for a shop that confirms its orders itself
  before(async () => {
    stack = await Stack.start();
    lean = await startApi(stack.env.client, {
      TASK_QUEUE: stack.api.config.temporal.taskQueue,
      ORDER_CONFIRMATION: 'off',
    });
  });
  after(async () => {
    await lean?.close();
    await stack?.close();
  });

  const body = (id: string, schedule: Array<{ after: string }>) =>
    checkoutBody(id, { customer: { id: 'c-delay', email: `${id}@shoppers.example.com` }, schedule });
  const history = async (id: string) =>
    (await stack.env.client.workflow.getHandle(workflowIdFor(id)).fetchHistory()).events ?? [];
  const hasRun = async (id: string) =>
    (await history(id)).some((e) => e.eventType === E.EVENT_TYPE_WORKFLOW_TASK_COMPLETED);

  test('the status during the delay is read from the input, before the workflow has run', async () => {
    const id = uniqueId('co');
    const before = Date.now();
    assert.equal((await stack.request('POST', '/checkouts', body(id, [{ after: '1h' }, { after: '1d' }]))).status, 202);
    const status = await stack.request('GET', `/checkouts/${id}`);
    assert.equal(status.status, 200);
    assert.equal(status.body.state, 'waiting');
    assert.deepEqual(
      status.body.upcoming.map((s: { step: number; after: string }) => [s.step, s.after]),
      [
        [1, '1h'],
        [2, '1d'],
      ],
    );
    const due = Date.parse(status.body.nextDueAt) - before;
    assert.ok(due >= 3_600_000 - 1_000 && due <= 3_600_000 + 5_000, `reminder 1 due in ${due} ms`);
    assert.equal(await hasRun(id), false, 'no workflow task ran: the answer came from the input');
    // A cancel ends the delay at once.
    assert.equal((await stack.request('DELETE', `/checkouts/${id}`)).status, 202);
    await stack.waitForStatus(id, (s) => s.state === 'cancelled', 10_000);
  });

  test('activity during the delay moves reminder 1 back, and the status shows it before the workflow runs', async () => {
    const id = uniqueId('co');
    const started = Date.now();
    await stack.request('POST', '/checkouts', body(id, [{ after: '3s' }]));
    await pause(1_500);
    const activityAt = Date.now();
    assert.equal((await stack.request('POST', `/checkouts/${id}/activity`, {})).status, 202);
    const pending = await stack.request('GET', `/checkouts/${id}`);
    assert.ok(Date.parse(pending.body.nextDueAt) >= activityAt + 3_000 - 500, 'the status counts the activity');
    const done = await stack.waitForStatus(id, (s) => s.state === 'expired', 15_000);
    const sentAt = Date.parse(done.reminders[0]?.at ?? '');
    assert.ok(sentAt - activityAt >= 2_900, `reminder 1 went ${sentAt - activityAt} ms after the activity`);
    assert.ok(sentAt - started >= 4_400, 'not at the original due time');
  });

  test('an order during the delay closes the checkout at once, for two Actions', async () => {
    const id = uniqueId('co');
    await call(`${lean.url}/checkouts`, 'POST', body(id, [{ after: '1h' }]));
    const ordered = Date.now();
    assert.equal((await call(`${lean.url}/orders`, 'POST', { checkoutId: id, orderId: `ord-${id}` })).status, 202);
    const status = await stack.waitForStatus(id, (s) => s.state === 'ordered', 10_000);
    assert.ok(Date.now() - ordered < 5_000, 'closed without waiting out the hour');
    assert.equal(status.order?.afterStep, 0);
    assert.equal(status.order?.confirmation, undefined, 'ORDER_CONFIRMATION=off: no confirmation');
    const counts = countActions(await history(id));
    assert.deepEqual(counts, { workflowStarted: 1, updateAccepted: 1 });
    assert.equal(totalActions(counts), 2);
    assert.equal((await stack.inbox.messagesTo(`${id}@shoppers.example.com`)).length, 0);
  });

  test('with order confirmations on, the same order costs one Action more and the shopper gets it', async () => {
    const id = uniqueId('co');
    await stack.request('POST', '/checkouts', body(id, [{ after: '1h' }]));
    await stack.request('POST', '/orders', { checkoutId: id, orderId: `ord-${id}` });
    await stack.waitForStatus(id, (s) => s.order?.confirmation?.outcome === 'sent', 10_000);
    assert.equal(totalActions(countActions(await history(id))), 3);
    assert.equal((await stack.inbox.messagesTo(`${id}@shoppers.example.com`)).length, 1);
  });

  test('an order that comes before its checkout costs two Actions (update-with-start: the start and the acknowledged update), the checkout none', async () => {
    const id = uniqueId('co');
    await call(`${lean.url}/orders`, 'POST', { checkoutId: id, orderId: `ord-${id}` });
    const late = await call(`${lean.url}/checkouts`, 'POST', body(id, [{ after: '1s' }]));
    assert.equal(late.body.created, false);
    assert.equal(late.body.status, 'ordered');
    await stack.waitForStatus(id, (s) => s.state === 'ordered', 10_000);
    assert.deepEqual(countActions(await history(id)), { workflowStarted: 1, updateAccepted: 1 });
  });

  test('quiet hours move the start delay itself to the end of the window', async () => {
    // A window from 10 minutes to 3 hours from now, in UTC: reminder 1 (due in 30m) falls inside it.
    const hhmm = (ms: number) => new Date(ms).toISOString().slice(11, 16);
    const now = Date.now();
    const quiet = await startApi(stack.env.client, {
      TASK_QUEUE: stack.api.config.temporal.taskQueue,
      QUIET_HOURS: `${hhmm(now + 10 * 60_000)}-${hhmm(now + 3 * 3_600_000)}`,
      // Every held reminder at the window's very end (the spread is the quiet-hours test's subject).
      QUIET_HOURS_SPREAD: 'off',
    });
    try {
      const id = uniqueId('co');
      const checkout = body(id, [{ after: '30m' }]);
      checkout.customer = { ...checkout.customer, timezone: 'UTC' };
      await call(`${quiet.url}/checkouts`, 'POST', checkout);
      const description = await stack.env.client.workflow.getHandle(workflowIdFor(id)).describe();
      const windowEnd = Date.parse(`${new Date(now + 3 * 3_600_000).toISOString().slice(0, 16)}:00Z`);
      assert.ok(
        Math.abs((description.executionTime?.getTime() ?? 0) - windowEnd) < 1_000,
        'first run at the window end',
      );
      const status = await call(`${quiet.url}/checkouts/${id}`, 'GET');
      assert.equal(status.body.upcoming[0].delayed.until, new Date(windowEnd).toISOString());
      await call(`${quiet.url}/checkouts/${id}`, 'DELETE');
    } finally {
      await quiet.close();
    }
  });

  test('checkout events: progress, reason and step reach the status and the UI filter; bad events get 400', async () => {
    const id = uniqueId('co');
    const started = Date.now();
    await stack.request('POST', '/checkouts', body(id, [{ after: '1h' }]));
    const events = [
      { type: 'contact_entered', at: new Date(started).toISOString() },
      { type: 'payment_method_selected', at: new Date(started + 1).toISOString(), paymentMethod: 'card' },
      { type: 'payment_failed', at: new Date(started + 2).toISOString(), declineReason: 'insufficient_funds' },
    ];
    assert.equal((await stack.request('POST', `/checkouts/${id}/events`, { events })).status, 202);
    // Still in its start delay: the status folds the kept events exactly as the workflow will.
    const delayed = await stack.request('GET', `/checkouts/${id}`);
    assert.equal(delayed.body.abandonReason, 'payment_failed');
    assert.equal(delayed.body.progress.paymentMethod, 'card');

    const bad = await stack.request('POST', `/checkouts/${id}/events`, {
      events: [
        { type: 'teleported', at: 'yesterday' },
        { type: 'payment_failed', at: new Date().toISOString() },
      ],
    });
    assert.equal(bad.status, 400);
    const fields = bad.body.errors.map((e: { field: string }) => e.field).sort();
    assert.deepEqual(fields, ['events[0].at', 'events[0].type', 'events[1].declineReason']);

    // A reschedule ends the start delay; the running workflow publishes reason and step.
    await stack.request('PUT', `/checkouts/${id}/schedule`, { schedule: [{ after: '2h' }] });
    const running = await stack.waitForStatus(id, (s) => s.abandonReason === 'payment_failed', 10_000);
    assert.equal(running.progress?.lastStep, 'payment_failed');
    await stack.request('POST', `/checkouts/${id}/events`, {
      events: [{ type: 'shipping_options_viewed', at: new Date().toISOString(), shippingCost: 4.5 }],
    });
    await stack.waitForStatus(id, (s) => s.abandonReason === 'shipping_cost', 10_000);
    let found: string[] = [];
    for (let i = 0; i < 50 && found.length === 0; i++) {
      found = [];
      const query = `AbandonReason = 'shipping_cost' AND CheckoutStep = 'shipping_options_viewed' AND WorkflowId = '${workflowIdFor(id)}'`;
      for await (const wf of stack.env.client.workflow.list({ query })) found.push(wf.workflowId);
      if (found.length === 0) await pause(200); // visibility is eventually consistent
    }
    assert.deepEqual(found, [workflowIdFor(id)]);
    await stack.request('DELETE', `/checkouts/${id}`);
  });

  for (const through of ['database', 'visibility'] as const) {
    test(`a newer checkout of the same customer supersedes the older ones: they stop and say by which (found through ${through})`, async () => {
      // With the API's database a start finds the older checkouts in one statement, at once; without
      // it through visibility, which lists a new workflow only after about a second.
      const superseding = await startApi(
        stack.env.client,
        { TASK_QUEUE: stack.api.config.temporal.taskQueue, SUPERSEDE: 'on' },
        through === 'database' ? stack.stores : undefined,
      );
      try {
        const customer = uniqueId('cust');
        const forCustomer = (id: string, schedule: Array<{ after: string }>) =>
          checkoutBody(id, { customer: { id: customer, email: `${id}@shoppers.example.com` }, schedule });
        const running = uniqueId('co'); // has sent reminder 1 and sleeps towards reminder 2
        await call(`${superseding.url}/checkouts`, 'POST', forCustomer(running, [{ after: '1s' }, { after: '1h' }]));
        await stack.waitForStatus(running, (s) => s.remindersSent === 1, 10_000);
        const delayed = uniqueId('co'); // supersedes `running`, then sits in its start delay
        await call(`${superseding.url}/checkouts`, 'POST', forCustomer(delayed, [{ after: '1h' }]));
        const stopped = await stack.waitForStatus(running, (s) => s.state === 'superseded', 10_000);
        assert.equal(stopped.supersededBy, delayed);
        assert.equal(stopped.remindersSent, 1, 'nothing after it');

        if (through === 'visibility') await pause(1_500);
        const newest = uniqueId('co');
        await call(`${superseding.url}/checkouts`, 'POST', forCustomer(newest, [{ after: '1h' }]));
        const waiting = await stack.waitForStatus(delayed, (s) => s.state === 'superseded', 10_000);
        assert.equal(waiting.supersededBy, newest);
        assert.deepEqual(waiting.upcoming, []);
        const fresh = await call(`${superseding.url}/checkouts/${newest}`, 'GET');
        assert.equal(fresh.body.state, 'waiting', 'the newest one goes on');
        await call(`${superseding.url}/checkouts/${newest}`, 'DELETE');
        await call(`${superseding.url}/checkouts/${delayed}`, 'DELETE');
      } finally {
        await superseding.close();
      }
    });
  }

  test('a never-ordered checkout with three reminders costs six Actions', async () => {
    const id = uniqueId('co');
    await stack.request('POST', '/checkouts', body(id, [{ after: '1s' }, { after: '2s' }, { after: '3s' }]));
    await stack.waitForStatus(id, (s) => s.state === 'expired', 15_000);
    const counts = countActions(await history(id));
    assert.deepEqual(counts, { workflowStarted: 1, timerStarted: 2, activityScheduled: 3 });
  });
});
