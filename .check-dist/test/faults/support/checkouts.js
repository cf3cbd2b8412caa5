var __importDefault = (this && this.__importDefault) || ((mod) => (mod && mod.__esModule ? mod : { default: mod }));
Object.defineProperty(exports, '__esModule', { value: true });
exports.faultCheckoutBody = faultCheckoutBody;
exports.postCheckouts = postCheckouts;
exports.waitUntilSleeping = waitUntilSleeping;
exports.waitUntilClosed = waitUntilClosed;
exports.assertNoBrokenWorkflow = assertNoBrokenWorkflow;
const strict_1 = __importDefault(require('node:assert/strict'));
const messages_1 = require('../../../common/messages');
const api_harness_1 = require('../../api/support/api-harness');
/** A valid POST /checkouts body whose emails are addressed to the checkout itself. */
function faultCheckoutBody(checkoutId, schedule, extra = {}) {
  return (0, api_harness_1.checkoutBody)(checkoutId, {
    customer: { id: 'c-faults', email: `${checkoutId}@shoppers.example.com`, locale: 'en-US' },
    schedule,
    ...extra,
  });
}
/** Posts `count` new checkouts at once over HTTP; answers their ids once every one was accepted as created. */
async function postCheckouts(stack, count, schedule) {
  const ids = Array.from({ length: count }, () => (0, api_harness_1.uniqueId)('co'));
  const responses = await Promise.all(
    ids.map((id) => stack.request('POST', '/checkouts', faultCheckoutBody(id, schedule))),
  );
  for (const res of responses) {
    strict_1.default.equal(res.status, 202, JSON.stringify(res.body));
    strict_1.default.equal(res.body.created, true);
  }
  return ids;
}
/** Waits until every checkout's workflow has run its first task and sleeps on a timer. */
async function waitUntilSleeping(stack, ids, timeoutMs = 30_000) {
  await stack.waitUntil(
    'every checkout sleeps: in its start delay (no task yet) or on a timer',
    () => Promise.all(ids.map((id) => stack.eventTypes((0, messages_1.workflowIdFor)(id)))),
    (histories) =>
      histories.every(
        (events) =>
          events.includes('EVENT_TYPE_TIMER_STARTED') || !events.includes('EVENT_TYPE_WORKFLOW_TASK_SCHEDULED'),
      ),
    timeoutMs,
  );
}
/** Waits until every checkout's workflow has closed. */
async function waitUntilClosed(stack, ids, timeoutMs) {
  await stack.waitUntil(
    `all ${ids.length} checkouts have closed`,
    () => Promise.all(ids.map((id) => stack.closed(id))),
    (closed) => closed.every(Boolean),
    timeoutMs,
  );
}
/** No workflow task failed and no workflow failed, in any of these checkouts. */
async function assertNoBrokenWorkflow(stack, ids) {
  const broken = await Promise.all(
    ids.map(async (id) => [id, await stack.brokenEvents((0, messages_1.workflowIdFor)(id))]),
  );
  strict_1.default.deepEqual(
    broken.filter(([, events]) => events.length > 0),
    [],
  );
}
//# sourceMappingURL=checkouts.js.map
