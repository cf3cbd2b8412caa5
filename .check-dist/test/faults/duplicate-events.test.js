var __importDefault = (this && this.__importDefault) || ((mod) => (mod && mod.__esModule ? mod : { default: mod }));
Object.defineProperty(exports, '__esModule', { value: true });
// Scenario: the shop's events arrive duplicated, concurrently and out of order over HTTP (the real
// API app, a real dev server, a worker process). Counted at the SES endpoint per (checkout, step).
const strict_1 = __importDefault(require('node:assert/strict'));
const node_test_1 = require('node:test');
const messages_1 = require('../../common/messages');
const api_harness_1 = require('../api/support/api-harness');
const checkouts_1 = require('./support/checkouts');
const deliveries_1 = require('./support/deliveries');
const fault_stack_1 = require('./support/fault-stack');
const processes_1 = require('./support/processes');
const times = (n, make) => Promise.all(Array.from({ length: n }, make));
(0, node_test_1.describe)('duplicate and reordered events over HTTP', () => {
  let stack;
  (0, node_test_1.before)(async () => {
    stack = await fault_stack_1.FaultStack.start();
  });
  (0, node_test_1.after)(async () => {
    await stack?.close();
  });
  /** What SES received for this checkout, per message ("1", "2", "confirmation"). */
  const sentFor = (checkoutId) =>
    Object.fromEntries(
      [...(0, deliveries_1.requestsByMessage)(stack.ses)]
        .filter(([key]) => key.startsWith(`${checkoutId}#`))
        .map(([key, behaviours]) => [key.slice(checkoutId.length + 1), behaviours.length]),
    );
  (0, node_test_1.test)(
    'the same checkout posted ten times at once starts one workflow and sends each reminder once',
    async () => {
      const id = (0, api_harness_1.uniqueId)('co');
      const body = (0, checkouts_1.faultCheckoutBody)(id, [{ after: '1s' }, { after: '2s' }]);
      const responses = await times(10, () => stack.request('POST', '/checkouts', body));
      strict_1.default.deepEqual(
        responses.map((r) => r.status),
        responses.map(() => 202),
      );
      strict_1.default.equal(
        responses.filter((r) => r.body.created === true).length,
        1,
        'exactly one request created it',
      );
      strict_1.default.deepEqual(
        new Set(responses.map((r) => r.body.workflowId)),
        new Set([(0, messages_1.workflowIdFor)(id)]),
      );
      await (0, checkouts_1.waitUntilClosed)(stack, [id], 30_000);
      const runs = [];
      for await (const run of stack.client.workflow.list({
        query: `WorkflowId = '${(0, messages_1.workflowIdFor)(id)}'`,
      })) {
        runs.push(run.runId);
      }
      strict_1.default.equal(runs.length, 1, 'one workflow run');
      strict_1.default.deepEqual(sentFor(id), { 1: 1, 2: 1 });
      await (0, checkouts_1.assertNoBrokenWorkflow)(stack, [id]);
    },
  );
  (0, node_test_1.test)(
    'orders posted before their checkout mean the checkout, posted repeatedly after, sends nothing',
    async () => {
      const id = (0, api_harness_1.uniqueId)('co');
      const orders = await times(5, () => stack.request('POST', '/orders', { checkoutId: id, orderId: 'ord-early' }));
      strict_1.default.deepEqual(
        orders.map((r) => r.status),
        orders.map(() => 202),
      );
      const body = (0, checkouts_1.faultCheckoutBody)(id, [{ after: '1s' }]);
      const checkouts = await times(5, () => stack.request('POST', '/checkouts', body));
      for (const res of checkouts) {
        strict_1.default.equal(res.status, 202, JSON.stringify(res.body));
        strict_1.default.equal(res.body.created, false);
        strict_1.default.equal(res.body.status, 'ordered');
      }
      await (0, checkouts_1.waitUntilClosed)(stack, [id], 10_000);
      await (0, processes_1.pause)(2_000); // past the reminder's due time
      strict_1.default.deepEqual(sentFor(id), {});
      strict_1.default.equal(await stack.state(id), 'ordered');
      await (0, checkouts_1.assertNoBrokenWorkflow)(stack, [id]);
    },
  );
  (0, node_test_1.test)('activity after the order is refused or ignored, and the order is confirmed once', async () => {
    const id = (0, api_harness_1.uniqueId)('co');
    const schedule = [{ after: '1s' }, { after: '3s' }];
    strict_1.default.equal(
      (await stack.request('POST', '/checkouts', (0, checkouts_1.faultCheckoutBody)(id, schedule))).status,
      202,
    );
    await stack.waitUntil(
      'reminder 1 was sent',
      () =>
        (0, deliveries_1.requestsByMessage)(stack.ses).get((0, deliveries_1.keyText)({ checkoutId: id, step: 1 }))
          ?.length ?? 0,
      (n) => n > 0,
      15_000,
    );
    // The same order ten times, a different order and shopper activity, all at once, then activity again.
    const [orders, other, activity] = await Promise.all([
      times(10, () => stack.request('POST', '/orders', { checkoutId: id, orderId: 'ord-1', total: 59.9 })),
      stack.request('POST', '/orders', { checkoutId: id, orderId: 'ord-2' }),
      stack.request('POST', `/checkouts/${id}/activity`, {}),
    ]);
    for (const res of [...orders, other]) strict_1.default.equal(res.status, 202, JSON.stringify(res.body));
    strict_1.default.ok([202, 409].includes(activity.status), JSON.stringify(activity.body));
    await (0, checkouts_1.waitUntilClosed)(stack, [id], 15_000);
    const late = await stack.request('POST', `/checkouts/${id}/activity`, {});
    strict_1.default.equal(late.status, 409, JSON.stringify(late.body));
    await (0, processes_1.pause)(3_000); // past where reminder 2 was due
    strict_1.default.deepEqual(sentFor(id), { 1: 1, confirmation: 1 });
    const status = await stack.request('GET', `/checkouts/${id}`);
    strict_1.default.equal(status.body.state, 'ordered');
    strict_1.default.equal(status.body.order.afterStep, 1);
    strict_1.default.equal(status.body.order.confirmation.outcome, 'sent');
    await (0, checkouts_1.assertNoBrokenWorkflow)(stack, [id]);
  });
});
//# sourceMappingURL=duplicate-events.test.js.map
