var __importDefault = (this && this.__importDefault) || ((mod) => (mod && mod.__esModule ? mod : { default: mod }));
Object.defineProperty(exports, '__esModule', { value: true });
const strict_1 = __importDefault(require('node:assert/strict'));
const node_test_1 = require('node:test');
const checkout_stops_token_1 = require('../../apps/api/checkouts/checkout-stops.token');
const messages_1 = require('../../common/messages');
const search_attributes_1 = require('../../common/search-attributes');
const api_harness_1 = require('./support/api-harness');
const api = (0, api_harness_1.useApi)();
const post = (path, body) => (0, api_harness_1.call)(`${api.url}${path}`, 'POST', body);
const stops = () => api.app.get(checkout_stops_token_1.CHECKOUT_STOPS);
(0, node_test_1.describe)('POST /checkouts', () => {
  (0, node_test_1.test)('starts one workflow per checkout and answers 202 with created true', async () => {
    const checkoutId = (0, api_harness_1.uniqueId)('co');
    const res = await post('/checkouts', (0, api_harness_1.checkoutBody)(checkoutId));
    strict_1.default.equal(res.status, 202);
    strict_1.default.deepEqual(res.body, {
      checkoutId,
      workflowId: (0, messages_1.workflowIdFor)(checkoutId),
      status: 'waiting',
      created: true,
    });
    const description = await api.client.workflow.getHandle((0, messages_1.workflowIdFor)(checkoutId)).describe();
    strict_1.default.equal(description.type, messages_1.WORKFLOW_TYPE);
    strict_1.default.equal(description.taskQueue, api.config.temporal.taskQueue);
    strict_1.default.equal(description.typedSearchAttributes.get(search_attributes_1.CustomerIdKey), 'c-42');
    strict_1.default.equal(description.typedSearchAttributes.get(search_attributes_1.CartTotalKey), 59.9);
    // Status lives in the workflow (query, result), not in search attributes upserted per change.
    strict_1.default.equal(description.typedSearchAttributes.get(search_attributes_1.CheckoutStatusKey), undefined);
    strict_1.default.equal(description.typedSearchAttributes.get(search_attributes_1.RemindersSentKey), undefined);
    // The first wait is Temporal's start delay: the workflow first runs when reminder 1 is due (30m).
    const delayMs = (description.executionTime?.getTime() ?? 0) - description.startTime.getTime();
    strict_1.default.ok(Math.abs(delayMs - 30 * 60_000) < 5_000, `start delay ${delayMs} ms`);
  });
  (0, node_test_1.test)(
    'a second start with the same checkoutId returns the same workflow with created false',
    async () => {
      const checkoutId = (0, api_harness_1.uniqueId)('co');
      const first = await post('/checkouts', (0, api_harness_1.checkoutBody)(checkoutId));
      const second = await post(
        '/checkouts',
        (0, api_harness_1.checkoutBody)(checkoutId, { cart: { currency: 'EUR', total: 1, items: [] } }),
      );
      strict_1.default.equal(second.status, 202);
      strict_1.default.equal(second.body.workflowId, first.body.workflowId);
      strict_1.default.equal(second.body.created, false);
      const runs = [];
      for await (const run of api.client.workflow.list({
        query: `WorkflowId = "${(0, messages_1.workflowIdFor)(checkoutId)}"`,
      })) {
        runs.push(run);
      }
      strict_1.default.equal(runs.length, 1);
    },
  );
  (0, node_test_1.test)('the operator summary names ids, amount and schedule but no personal data', async () => {
    const checkoutId = (0, api_harness_1.uniqueId)('co');
    await post(
      '/checkouts',
      (0, api_harness_1.checkoutBody)(checkoutId, { schedule: [{ after: '30m' }, { after: '1d' }, { after: '3d' }] }),
    );
    const description = await api.client.workflow.getHandle((0, messages_1.workflowIdFor)(checkoutId)).describe();
    const summary = await description.staticSummary();
    strict_1.default.equal(summary, `Checkout ${checkoutId} · customer c-42 · 59.90 EUR · 3 reminders (30m, 1d, 3d)`);
    const details = (await description.staticDetails()) ?? '';
    strict_1.default.match(details, /1\. after 30m: friendly by email/);
    for (const text of [summary, details]) {
      strict_1.default.doesNotMatch(text ?? '', /ada@example\.com|Ada/);
    }
  });
  (0, node_test_1.test)('a checkout whose workflow has closed is answered as it is, not restarted', async () => {
    const checkoutId = (0, api_harness_1.uniqueId)('co');
    await post('/checkouts', (0, api_harness_1.checkoutBody)(checkoutId));
    await api.client.workflow.getHandle((0, messages_1.workflowIdFor)(checkoutId)).terminate('test');
    const again = await post('/checkouts', (0, api_harness_1.checkoutBody)(checkoutId));
    strict_1.default.equal(again.status, 202);
    strict_1.default.equal(again.body.created, false);
    strict_1.default.equal(again.body.status, 'terminated');
  });
});
(0, node_test_1.describe)('routes on one checkout', () => {
  (0, node_test_1.test)('an unknown checkout is a 404 on GET, activity, schedule and DELETE', async () => {
    const checkoutId = (0, api_harness_1.uniqueId)('unknown');
    for (const [method, path, body] of [
      ['GET', `/checkouts/${checkoutId}`, undefined],
      ['POST', `/checkouts/${checkoutId}/activity`, {}],
      ['PUT', `/checkouts/${checkoutId}/schedule`, { schedule: [{ after: '1h' }] }],
      ['DELETE', `/checkouts/${checkoutId}`, undefined],
    ]) {
      const res = await (0, api_harness_1.call)(`${api.url}${path}`, method, body);
      strict_1.default.equal(res.status, 404, `${method} ${path}`);
      strict_1.default.equal(res.body.message, `checkout ${checkoutId} not found`);
    }
  });
  (0, node_test_1.test)('activity on a running checkout is accepted', async () => {
    const checkoutId = (0, api_harness_1.uniqueId)('co');
    await post('/checkouts', (0, api_harness_1.checkoutBody)(checkoutId));
    const res = await post(`/checkouts/${checkoutId}/activity`, { at: new Date().toISOString() });
    strict_1.default.equal(res.status, 202);
    strict_1.default.deepEqual(res.body, { checkoutId, accepted: true });
  });
  (0, node_test_1.test)('activity and DELETE on a closed checkout are a 409 naming its state', async () => {
    const checkoutId = (0, api_harness_1.uniqueId)('co');
    await post('/checkouts', (0, api_harness_1.checkoutBody)(checkoutId));
    await api.client.workflow.getHandle((0, messages_1.workflowIdFor)(checkoutId)).terminate('test');
    const activity = await post(`/checkouts/${checkoutId}/activity`, {});
    strict_1.default.equal(activity.status, 409);
    strict_1.default.equal(activity.body.message, 'checkout is already terminated');
    const cancel = await (0, api_harness_1.call)(`${api.url}/checkouts/${checkoutId}`, 'DELETE');
    strict_1.default.equal(cancel.status, 409);
  });
  (0, node_test_1.test)('DELETE requests cancellation of a running checkout', async () => {
    const checkoutId = (0, api_harness_1.uniqueId)('co');
    await post('/checkouts', (0, api_harness_1.checkoutBody)(checkoutId));
    const res = await (0, api_harness_1.call)(`${api.url}/checkouts/${checkoutId}`, 'DELETE');
    strict_1.default.equal(res.status, 202);
    strict_1.default.deepEqual(res.body, {
      checkoutId,
      workflowId: (0, messages_1.workflowIdFor)(checkoutId),
      cancelRequested: true,
    });
    const history = await api.client.workflow.getHandle((0, messages_1.workflowIdFor)(checkoutId)).fetchHistory();
    strict_1.default.ok(history.events?.some((e) => e.workflowExecutionCancelRequestedEventAttributes));
    strict_1.default.equal(await stops().get(checkoutId), 'cancelled', "recorded for the sends' claims");
  });
});
(0, node_test_1.describe)('POST /orders', () => {
  (0, node_test_1.test)(
    'an order before its checkout is remembered, and the checkout then starts nothing new',
    async () => {
      const checkoutId = (0, api_harness_1.uniqueId)('co');
      const order = await post('/orders', { checkoutId, orderId: 'o-1', total: 59.9 });
      strict_1.default.equal(order.status, 202);
      // No worker here: the order is recorded by its signal after ORDER_ACK_TIMEOUT, unconfirmed.
      strict_1.default.deepEqual(order.body, {
        checkoutId,
        orderId: 'o-1',
        accepted: true,
        confirmed: false,
        status: 'ordered',
      });
      const history = await api.client.workflow.getHandle((0, messages_1.workflowIdFor)(checkoutId)).fetchHistory();
      const started = history.events?.find((e) => e.workflowExecutionStartedEventAttributes);
      strict_1.default.ok(started, 'the early order started a workflow');
      strict_1.default.ok(
        history.events?.some((e) => e.workflowExecutionSignaledEventAttributes?.signalName === 'ordered'),
      );
      const checkout = await post('/checkouts', (0, api_harness_1.checkoutBody)(checkoutId));
      strict_1.default.equal(checkout.status, 202);
      strict_1.default.equal(checkout.body.created, false);
      strict_1.default.equal(checkout.body.status, 'ordered', 'the checkout reads as ordered before any worker ran');
    },
  );
  (0, node_test_1.test)(
    'with no worker to acknowledge it, an order is recorded durably by signal and answered unconfirmed after ORDER_ACK_TIMEOUT',
    async () => {
      const checkoutId = (0, api_harness_1.uniqueId)('co');
      await post('/checkouts', (0, api_harness_1.checkoutBody)(checkoutId));
      const started = Date.now();
      const order = await post('/orders', { checkoutId, orderId: 'o-late' });
      strict_1.default.equal(order.status, 202);
      strict_1.default.equal(order.body.confirmed, false);
      strict_1.default.ok(
        Date.now() - started >= 1_000,
        'it waited ORDER_ACK_TIMEOUT (1s here) for an acknowledgement',
      );
      const history = await api.client.workflow.getHandle((0, messages_1.workflowIdFor)(checkoutId)).fetchHistory();
      strict_1.default.ok(
        history.events?.some((e) => e.workflowExecutionSignaledEventAttributes?.signalName === 'ordered'),
      );
      // The signal path's guard: a send claimed from now on finds the order in its own claim.
      strict_1.default.equal(await stops().get(checkoutId), 'ordered');
    },
  );
  (0, node_test_1.test)('an order for a closed checkout is accepted with a note, not an error', async () => {
    const checkoutId = (0, api_harness_1.uniqueId)('co');
    await post('/checkouts', (0, api_harness_1.checkoutBody)(checkoutId));
    await api.client.workflow.getHandle((0, messages_1.workflowIdFor)(checkoutId)).terminate('test');
    const res = await post('/orders', { checkoutId, orderId: 'o-2' });
    strict_1.default.equal(res.status, 202);
    strict_1.default.equal(res.body.accepted, true);
    strict_1.default.equal(res.body.status, 'terminated');
    strict_1.default.match(res.body.note, /after the checkout closed/);
  });
});
(0, node_test_1.describe)('GET /customers/:customerId/checkouts', () => {
  (0, node_test_1.test)("lists a customer's checkouts newest first with their search attributes", async () => {
    const customerId = (0, api_harness_1.uniqueId)('cust');
    const older = (0, api_harness_1.uniqueId)('co');
    const newer = (0, api_harness_1.uniqueId)('co');
    const customer = { id: customerId, email: 'bo@example.com' };
    await post('/checkouts', (0, api_harness_1.checkoutBody)(older, { customer }));
    await post('/checkouts', (0, api_harness_1.checkoutBody)(newer, { customer }));
    await post('/checkouts', (0, api_harness_1.checkoutBody)((0, api_harness_1.uniqueId)('co'))); // another customer's
    let listed = [];
    for (let attempt = 0; attempt < 50 && listed.length < 2; attempt++) {
      // Visibility is eventually consistent: poll briefly.
      const res = await (0, api_harness_1.call)(`${api.url}/customers/${customerId}/checkouts`, 'GET');
      strict_1.default.equal(res.status, 200);
      listed = res.body;
      if (listed.length < 2) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    strict_1.default.deepEqual(
      listed.map((c) => c.checkoutId),
      [newer, older],
    );
    const [first] = listed;
    strict_1.default.equal(first?.workflowId, (0, messages_1.workflowIdFor)(newer));
    strict_1.default.equal(first?.status, 'waiting');
    strict_1.default.equal(first?.cartTotal, 59.9);
    strict_1.default.equal(first?.remindersSent, 0);
    strict_1.default.equal(first?.closedAt, null);
    strict_1.default.ok(!Number.isNaN(Date.parse(String(first?.startedAt))));
  });
});
//# sourceMappingURL=checkouts.test.js.map
