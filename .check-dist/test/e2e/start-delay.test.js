var __importDefault = (this && this.__importDefault) || ((mod) => (mod && mod.__esModule ? mod : { default: mod }));
Object.defineProperty(exports, '__esModule', { value: true });
// The first wait of every checkout is Temporal's start delay (one timer, one Action less). These
// tests pin what the delay must not change: status, activity, orders and cancels during it.
const strict_1 = __importDefault(require('node:assert/strict'));
const node_test_1 = require('node:test');
const proto_1 = require('@temporalio/proto');
const billing_rules_1 = require('../../bench/actions/billing-rules');
const messages_1 = require('../../common/messages');
const api_harness_1 = require('../api/support/api-harness');
const stack_1 = require('./stack');
const E = proto_1.temporal.api.enums.v1.EventType;
(0, node_test_1.describe)('the start delay stands in for the first wait', () => {
  let stack;
  let lean; // the same stack's API, for a shop that confirms its orders itself
  (0, node_test_1.before)(async () => {
    stack = await stack_1.Stack.start();
    lean = await (0, api_harness_1.startApi)(stack.env.client, {
      TASK_QUEUE: stack.api.config.temporal.taskQueue,
      ORDER_CONFIRMATION: 'off',
    });
  });
  (0, node_test_1.after)(async () => {
    await lean?.close();
    await stack?.close();
  });
  const body = (id, schedule) =>
    (0, api_harness_1.checkoutBody)(id, { customer: { id: 'c-delay', email: `${id}@shoppers.example.com` }, schedule });
  const history = async (id) =>
    (await stack.env.client.workflow.getHandle((0, messages_1.workflowIdFor)(id)).fetchHistory()).events ?? [];
  const hasRun = async (id) => (await history(id)).some((e) => e.eventType === E.EVENT_TYPE_WORKFLOW_TASK_COMPLETED);
  (0, node_test_1.test)('the status during the delay is read from the input, before the workflow has run', async () => {
    const id = (0, api_harness_1.uniqueId)('co');
    const before = Date.now();
    strict_1.default.equal(
      (await stack.request('POST', '/checkouts', body(id, [{ after: '1h' }, { after: '1d' }]))).status,
      202,
    );
    const status = await stack.request('GET', `/checkouts/${id}`);
    strict_1.default.equal(status.status, 200);
    strict_1.default.equal(status.body.state, 'waiting');
    strict_1.default.deepEqual(
      status.body.upcoming.map((s) => [s.step, s.after]),
      [
        [1, '1h'],
        [2, '1d'],
      ],
    );
    const due = Date.parse(status.body.nextDueAt) - before;
    strict_1.default.ok(due >= 3_600_000 - 1_000 && due <= 3_600_000 + 5_000, `reminder 1 due in ${due} ms`);
    strict_1.default.equal(await hasRun(id), false, 'no workflow task ran: the answer came from the input');
    // A cancel ends the delay at once.
    strict_1.default.equal((await stack.request('DELETE', `/checkouts/${id}`)).status, 202);
    await stack.waitForStatus(id, (s) => s.state === 'cancelled', 10_000);
  });
  (0, node_test_1.test)(
    'activity during the delay moves reminder 1 back, and the status shows it before the workflow runs',
    async () => {
      const id = (0, api_harness_1.uniqueId)('co');
      const started = Date.now();
      await stack.request('POST', '/checkouts', body(id, [{ after: '3s' }]));
      await (0, stack_1.pause)(1_500);
      const activityAt = Date.now();
      strict_1.default.equal((await stack.request('POST', `/checkouts/${id}/activity`, {})).status, 202);
      const pending = await stack.request('GET', `/checkouts/${id}`);
      strict_1.default.ok(
        Date.parse(pending.body.nextDueAt) >= activityAt + 3_000 - 500,
        'the status counts the activity',
      );
      const done = await stack.waitForStatus(id, (s) => s.state === 'expired', 15_000);
      const sentAt = Date.parse(done.reminders[0]?.at ?? '');
      strict_1.default.ok(sentAt - activityAt >= 2_900, `reminder 1 went ${sentAt - activityAt} ms after the activity`);
      strict_1.default.ok(sentAt - started >= 4_400, 'not at the original due time');
    },
  );
  (0, node_test_1.test)('an order during the delay closes the checkout at once, for two Actions', async () => {
    const id = (0, api_harness_1.uniqueId)('co');
    await (0, api_harness_1.call)(`${lean.url}/checkouts`, 'POST', body(id, [{ after: '1h' }]));
    const ordered = Date.now();
    strict_1.default.equal(
      (await (0, api_harness_1.call)(`${lean.url}/orders`, 'POST', { checkoutId: id, orderId: `ord-${id}` })).status,
      202,
    );
    const status = await stack.waitForStatus(id, (s) => s.state === 'ordered', 10_000);
    strict_1.default.ok(Date.now() - ordered < 5_000, 'closed without waiting out the hour');
    strict_1.default.equal(status.order?.afterStep, 0);
    strict_1.default.equal(status.order?.confirmation, undefined, 'ORDER_CONFIRMATION=off: no confirmation');
    const counts = (0, billing_rules_1.countActions)(await history(id));
    strict_1.default.deepEqual(counts, { workflowStarted: 1, updateAccepted: 1 });
    strict_1.default.equal((0, billing_rules_1.totalActions)(counts), 2);
    strict_1.default.equal((await stack.inbox.messagesTo(`${id}@shoppers.example.com`)).length, 0);
  });
  (0, node_test_1.test)(
    'with order confirmations on, the same order costs one Action more and the shopper gets it',
    async () => {
      const id = (0, api_harness_1.uniqueId)('co');
      await stack.request('POST', '/checkouts', body(id, [{ after: '1h' }]));
      await stack.request('POST', '/orders', { checkoutId: id, orderId: `ord-${id}` });
      await stack.waitForStatus(id, (s) => s.order?.confirmation?.outcome === 'sent', 10_000);
      strict_1.default.equal(
        (0, billing_rules_1.totalActions)((0, billing_rules_1.countActions)(await history(id))),
        3,
      );
      strict_1.default.equal((await stack.inbox.messagesTo(`${id}@shoppers.example.com`)).length, 1);
    },
  );
  (0, node_test_1.test)(
    'an order that comes before its checkout costs two Actions (update-with-start: the start and the acknowledged update), the checkout none',
    async () => {
      const id = (0, api_harness_1.uniqueId)('co');
      await (0, api_harness_1.call)(`${lean.url}/orders`, 'POST', { checkoutId: id, orderId: `ord-${id}` });
      const late = await (0, api_harness_1.call)(`${lean.url}/checkouts`, 'POST', body(id, [{ after: '1s' }]));
      strict_1.default.equal(late.body.created, false);
      strict_1.default.equal(late.body.status, 'ordered');
      await stack.waitForStatus(id, (s) => s.state === 'ordered', 10_000);
      strict_1.default.deepEqual((0, billing_rules_1.countActions)(await history(id)), {
        workflowStarted: 1,
        updateAccepted: 1,
      });
    },
  );
  (0, node_test_1.test)('quiet hours move the start delay itself to the end of the window', async () => {
    // A window from 10 minutes to 3 hours from now, in UTC: reminder 1 (due in 30m) falls inside it.
    const hhmm = (ms) => new Date(ms).toISOString().slice(11, 16);
    const now = Date.now();
    const quiet = await (0, api_harness_1.startApi)(stack.env.client, {
      TASK_QUEUE: stack.api.config.temporal.taskQueue,
      QUIET_HOURS: `${hhmm(now + 10 * 60_000)}-${hhmm(now + 3 * 3_600_000)}`,
      // Every held reminder at the window's very end (the spread is the quiet-hours test's subject).
      QUIET_HOURS_SPREAD: 'off',
    });
    try {
      const id = (0, api_harness_1.uniqueId)('co');
      const checkout = body(id, [{ after: '30m' }]);
      checkout.customer = { ...checkout.customer, timezone: 'UTC' };
      await (0, api_harness_1.call)(`${quiet.url}/checkouts`, 'POST', checkout);
      const description = await stack.env.client.workflow.getHandle((0, messages_1.workflowIdFor)(id)).describe();
      const windowEnd = Date.parse(`${new Date(now + 3 * 3_600_000).toISOString().slice(0, 16)}:00Z`);
      strict_1.default.ok(
        Math.abs((description.executionTime?.getTime() ?? 0) - windowEnd) < 1_000,
        'first run at the window end',
      );
      const status = await (0, api_harness_1.call)(`${quiet.url}/checkouts/${id}`, 'GET');
      strict_1.default.equal(status.body.upcoming[0].delayed.until, new Date(windowEnd).toISOString());
      await (0, api_harness_1.call)(`${quiet.url}/checkouts/${id}`, 'DELETE');
    } finally {
      await quiet.close();
    }
  });
  (0, node_test_1.test)(
    'checkout events: progress, reason and step reach the status and the UI filter; bad events get 400',
    async () => {
      const id = (0, api_harness_1.uniqueId)('co');
      const started = Date.now();
      await stack.request('POST', '/checkouts', body(id, [{ after: '1h' }]));
      const events = [
        { type: 'contact_entered', at: new Date(started).toISOString() },
        { type: 'payment_method_selected', at: new Date(started + 1).toISOString(), paymentMethod: 'card' },
        { type: 'payment_failed', at: new Date(started + 2).toISOString(), declineReason: 'insufficient_funds' },
      ];
      strict_1.default.equal((await stack.request('POST', `/checkouts/${id}/events`, { events })).status, 202);
      // Still in its start delay: the status folds the kept events exactly as the workflow will.
      const delayed = await stack.request('GET', `/checkouts/${id}`);
      strict_1.default.equal(delayed.body.abandonReason, 'payment_failed');
      strict_1.default.equal(delayed.body.progress.paymentMethod, 'card');
      const bad = await stack.request('POST', `/checkouts/${id}/events`, {
        events: [
          { type: 'teleported', at: 'yesterday' },
          { type: 'payment_failed', at: new Date().toISOString() },
        ],
      });
      strict_1.default.equal(bad.status, 400);
      const fields = bad.body.errors.map((e) => e.field).sort();
      strict_1.default.deepEqual(fields, ['events[0].at', 'events[0].type', 'events[1].declineReason']);
      // A reschedule ends the start delay; the running workflow publishes reason and step.
      await stack.request('PUT', `/checkouts/${id}/schedule`, { schedule: [{ after: '2h' }] });
      const running = await stack.waitForStatus(id, (s) => s.abandonReason === 'payment_failed', 10_000);
      strict_1.default.equal(running.progress?.lastStep, 'payment_failed');
      await stack.request('POST', `/checkouts/${id}/events`, {
        events: [{ type: 'shipping_options_viewed', at: new Date().toISOString(), shippingCost: 4.5 }],
      });
      await stack.waitForStatus(id, (s) => s.abandonReason === 'shipping_cost', 10_000);
      let found = [];
      for (let i = 0; i < 50 && found.length === 0; i++) {
        found = [];
        const query = `AbandonReason = 'shipping_cost' AND CheckoutStep = 'shipping_options_viewed' AND WorkflowId = '${(0, messages_1.workflowIdFor)(id)}'`;
        for await (const wf of stack.env.client.workflow.list({ query })) found.push(wf.workflowId);
        if (found.length === 0) await (0, stack_1.pause)(200); // visibility is eventually consistent
      }
      strict_1.default.deepEqual(found, [(0, messages_1.workflowIdFor)(id)]);
      await stack.request('DELETE', `/checkouts/${id}`);
    },
  );
  (0, node_test_1.test)(
    'a newer checkout of the same customer supersedes the older ones: they stop and say by which',
    async () => {
      const superseding = await (0, api_harness_1.startApi)(stack.env.client, {
        TASK_QUEUE: stack.api.config.temporal.taskQueue,
        SUPERSEDE: 'on',
      });
      try {
        const customer = (0, api_harness_1.uniqueId)('cust');
        const forCustomer = (id, schedule) =>
          (0, api_harness_1.checkoutBody)(id, {
            customer: { id: customer, email: `${id}@shoppers.example.com` },
            schedule,
          });
        const running = (0, api_harness_1.uniqueId)('co'); // has sent reminder 1 and sleeps towards reminder 2
        await (0, api_harness_1.call)(
          `${superseding.url}/checkouts`,
          'POST',
          forCustomer(running, [{ after: '1s' }, { after: '1h' }]),
        );
        await stack.waitForStatus(running, (s) => s.remindersSent === 1, 10_000);
        const delayed = (0, api_harness_1.uniqueId)('co'); // supersedes `running`, then sits in its start delay
        await (0, api_harness_1.call)(`${superseding.url}/checkouts`, 'POST', forCustomer(delayed, [{ after: '1h' }]));
        const stopped = await stack.waitForStatus(running, (s) => s.state === 'superseded', 10_000);
        strict_1.default.equal(stopped.supersededBy, delayed);
        strict_1.default.equal(stopped.remindersSent, 1, 'nothing after it');
        await (0, stack_1.pause)(1_500); // visibility lists a new workflow within about a second
        const newest = (0, api_harness_1.uniqueId)('co');
        await (0, api_harness_1.call)(`${superseding.url}/checkouts`, 'POST', forCustomer(newest, [{ after: '1h' }]));
        const waiting = await stack.waitForStatus(delayed, (s) => s.state === 'superseded', 10_000);
        strict_1.default.equal(waiting.supersededBy, newest);
        strict_1.default.deepEqual(waiting.upcoming, []);
        const fresh = await (0, api_harness_1.call)(`${superseding.url}/checkouts/${newest}`, 'GET');
        strict_1.default.equal(fresh.body.state, 'waiting', 'the newest one goes on');
        await (0, api_harness_1.call)(`${superseding.url}/checkouts/${newest}`, 'DELETE');
        await (0, api_harness_1.call)(`${superseding.url}/checkouts/${delayed}`, 'DELETE');
      } finally {
        await superseding.close();
      }
    },
  );
  (0, node_test_1.test)('a never-ordered checkout with three reminders costs six Actions', async () => {
    const id = (0, api_harness_1.uniqueId)('co');
    await stack.request('POST', '/checkouts', body(id, [{ after: '1s' }, { after: '2s' }, { after: '3s' }]));
    await stack.waitForStatus(id, (s) => s.state === 'expired', 15_000);
    const counts = (0, billing_rules_1.countActions)(await history(id));
    strict_1.default.deepEqual(counts, { workflowStarted: 1, timerStarted: 2, activityScheduled: 3 });
  });
});
//# sourceMappingURL=start-delay.test.js.map
