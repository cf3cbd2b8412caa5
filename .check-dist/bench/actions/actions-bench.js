Object.defineProperty(exports, '__esModule', { value: true });
exports.ACTION_TARGETS = void 0;
exports.benchActions = benchActions;
const messages_1 = require('../../common/messages');
const bench_stack_1 = require('../support/bench-stack');
const checkout_starts_1 = require('../support/checkout-starts');
const local_ses_1 = require('../support/local-ses');
const processes_1 = require('../support/processes');
const billing_rules_1 = require('./billing-rules');
// Far enough apart that "ordered after reminder 1" lands between reminders 1 and 2 on a busy machine.
const SCHEDULE = [{ after: '2s' }, { after: '5s' }, { after: '8s' }];
const REMINDER_WAIT_MS = 30_000;
/** The targets, in Actions per checkout; a path without one has none. */
exports.ACTION_TARGETS = {
  'never ordered': 6,
  'ordered before any reminder': 2,
};
const PATHS = [
  { path: 'ordered before any reminder', remindersBeforeOrder: 0 },
  { path: 'ordered after reminder 1', remindersBeforeOrder: 1 },
  { path: 'never ordered', remindersBeforeOrder: null },
];
async function benchActions() {
  const stack = await bench_stack_1.BenchStack.start('actions');
  const taskQueue = `bench-actions-${(0, checkout_starts_1.runId)()}`;
  try {
    const ses = await (0, local_ses_1.startLocalSes)();
    stack.track(ses.child);
    await stack.startWorker(taskQueue, ses.url);
    const apis = {
      on: (await stack.startApi(taskQueue)).url,
      off: (await stack.startApi(taskQueue, { ORDER_CONFIRMATION: 'off' })).url,
    };
    const client = stack.client;
    const runOne = async ({ path, remindersBeforeOrder }, orderConfirmation) => {
      const api = orderConfirmation ? apis.on : apis.off;
      const checkoutId = `act-${(0, checkout_starts_1.runId)()}`;
      const email = `${checkoutId}@shoppers.example.com`;
      await post(`${api}/checkouts`, { ...(0, checkout_starts_1.checkoutBody)(checkoutId, email), schedule: SCHEDULE });
      if (remindersBeforeOrder !== null) {
        if (remindersBeforeOrder > 0) await waitForEmails(() => ses.recipients(), email, remindersBeforeOrder);
        await post(`${api}/orders`, { checkoutId, orderId: `ord-${checkoutId}` });
      }
      const handle = client.workflow.getHandle((0, messages_1.workflowIdFor)(checkoutId));
      const status = await handle.result();
      const counts = (0, billing_rules_1.countActions)((await handle.fetchHistory()).events ?? []);
      const ordered = remindersBeforeOrder !== null;
      const expectedSent = remindersBeforeOrder ?? SCHEDULE.length;
      const confirms = ordered && orderConfirmation;
      const baseline = (0, billing_rules_1.totalActions)(
        (0, billing_rules_1.countActions)(
          (0, billing_rules_1.straightforwardHistory)(expectedSent, ordered, SCHEDULE.length, confirms),
        ),
      );
      const actions = (0, billing_rules_1.totalActions)(counts);
      const confirmed = status.order?.confirmation?.outcome === 'sent';
      const target = exports.ACTION_TARGETS[path];
      return {
        path,
        orderConfirmation,
        counts,
        actions,
        baselineActions: baseline,
        usdPer1000: (0, billing_rules_1.usdPerThousandCheckouts)(actions),
        baselineUsdPer1000: (0, billing_rules_1.usdPerThousandCheckouts)(baseline),
        ...(target !== undefined && { target }),
        asExpected:
          status.state === (ordered ? 'ordered' : 'expired') &&
          status.remindersSent === expectedSent &&
          confirmed === confirms,
      };
    };
    const modes = [true, false];
    return await Promise.all(modes.flatMap((on) => PATHS.map((plan) => runOne(plan, on))));
  } finally {
    await stack.stop();
  }
}
async function post(url, body) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`POST ${url} answered ${res.status}: ${await res.text()}`);
}
async function waitForEmails(recipients, email, count) {
  const deadline = Date.now() + REMINDER_WAIT_MS;
  while (Date.now() < deadline) {
    if ((await recipients()).filter((r) => r.includes(email)).length >= count) return;
    await (0, processes_1.sleep)(100);
  }
  throw new Error(`${email} did not receive ${count} reminder(s) within ${REMINDER_WAIT_MS} ms`);
}
//# sourceMappingURL=actions-bench.js.map
