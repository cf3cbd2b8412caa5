var __importDefault = (this && this.__importDefault) || ((mod) => (mod && mod.__esModule ? mod : { default: mod }));
Object.defineProperty(exports, '__esModule', { value: true });
// Scenario: the worker process dies (SIGKILL, no drain) while checkouts sleep and while a send is
// in flight; a new worker process takes over with the same send ledger on disk. Counted at the SES
// endpoint per (checkout, step): every reminder arrives, none twice.
const strict_1 = __importDefault(require('node:assert/strict'));
const node_test_1 = require('node:test');
const messages_1 = require('../../common/messages');
const checkouts_1 = require('./support/checkouts');
const deliveries_1 = require('./support/deliveries');
const fault_stack_1 = require('./support/fault-stack');
const processes_1 = require('./support/processes');
(0, node_test_1.describe)('a worker process killed with SIGKILL', () => {
  (0, node_test_1.test)(
    'while checkouts sleep: a new worker delivers every reminder exactly once',
    { timeout: 150_000 },
    async () => {
      const stack = await fault_stack_1.FaultStack.start();
      try {
        // Reminder 1 falls due while no worker runs; reminders 2 and 3 after the second kill.
        const schedule = [{ after: '2s' }, { after: '30s' }, { after: '33s' }];
        const t0 = Date.now();
        const ids = await (0, checkouts_1.postCheckouts)(stack, 5, schedule);
        await (0, checkouts_1.waitUntilSleeping)(stack, ids);
        await stack.workers[0]?.kill();
        strict_1.default.equal(stack.ses.count, 0, 'nothing was due yet');
        await (0, processes_1.pause)(Math.max(0, t0 + 3_000 - Date.now())); // reminder 1 is overdue with no worker alive
        await stack.startWorker();
        const secondUp = Date.now() - t0;
        // Reminder 1 is done when its activity completed: SES answered, the ledger recorded it, Temporal knows.
        await stack.waitUntil(
          'reminder 1 of every checkout completed',
          () => Promise.all(ids.map((id) => stack.eventTypes((0, messages_1.workflowIdFor)(id)))),
          (histories) => histories.every((events) => events.includes('EVENT_TYPE_ACTIVITY_TASK_COMPLETED')),
          40_000,
        );
        const firstDone = Date.now() - t0;
        strict_1.default.deepEqual(
          (0, deliveries_1.deliveredOnce)(stack.ses, (0, deliveries_1.reminderKeys)(ids, 1)),
          (0, deliveries_1.expectedOnce)((0, deliveries_1.reminderKeys)(ids, 1)),
        );
        // Kill again between reminders: nothing is being sent (the next one is seconds away).
        strict_1.default.ok(
          Date.now() < t0 + 27_000,
          `precondition: reminder 2 is not due yet (${Date.now() - t0} ms in)`,
        );
        await stack.workers[1]?.kill();
        await stack.startWorker();
        const thirdUp = Date.now() - t0;
        await (0, checkouts_1.waitUntilClosed)(stack, ids, 90_000);
        const all = (0, deliveries_1.reminderKeys)(ids, 3);
        strict_1.default.deepEqual(
          (0, deliveries_1.deliveredOnce)(stack.ses, all),
          (0, deliveries_1.expectedOnce)(all),
        );
        strict_1.default.equal(stack.ses.count, all.length, 'no request beyond one per reminder');
        strict_1.default.deepEqual(
          await Promise.all(ids.map((id) => stack.state(id))),
          ids.map(() => 'expired'),
        );
        for (const id of ids) {
          const status = await stack.request('GET', `/checkouts/${id}`);
          strict_1.default.equal(status.body.remindersSent, 3);
        }
        await (0, checkouts_1.assertNoBrokenWorkflow)(stack, ids);
        console.log(
          `killed worker-1 before reminder 1, worker-2 up at ${secondUp} ms, reminder 1 done at ${firstDone} ms, ` +
            `worker-2 killed, worker-3 up at ${thirdUp} ms; ${all.length} reminders once each in ${stack.ses.count} ` +
            `SES requests; all closed at ${Date.now() - t0} ms`,
        );
      } finally {
        await stack.close();
      }
    },
  );
  (0, node_test_1.test)(
    'while SES holds a reminder request: the retry waits out the dead attempt and delivers it once',
    {
      timeout: 180_000,
    },
    async () => {
      const stack = await fault_stack_1.FaultStack.start();
      try {
        const inFlight = 'co-inflight-' + Date.now().toString(36);
        const sleeping = 'co-asleep-' + Date.now().toString(36);
        // The first request for the in-flight checkout's reminder 1 reaches SES and is never answered.
        let held = false;
        stack.ses.setRule((request) => {
          if (held || (0, deliveries_1.messageKeyOf)(request)?.checkoutId !== inFlight) return undefined;
          held = true;
          return { kind: 'hang' };
        });
        const t0 = Date.now();
        for (const [id, schedule] of [
          [inFlight, [{ after: '1s' }, { after: '2s' }]],
          [sleeping, [{ after: '15s' }, { after: '16s' }]],
        ]) {
          const res = await stack.request('POST', '/checkouts', (0, checkouts_1.faultCheckoutBody)(id, [...schedule]));
          strict_1.default.equal(res.status, 202, JSON.stringify(res.body));
        }
        await stack.waitUntil('SES received the request it holds', () => held, Boolean, 20_000);
        await (0, processes_1.pause)(200); // the worker is now waiting on SES's answer
        await stack.workers[0]?.kill();
        const killedAt = Date.now() - t0;
        await stack.startWorker();
        await (0, checkouts_1.waitUntilClosed)(stack, [inFlight, sleeping], 150_000);
        const requests = Object.fromEntries((0, deliveries_1.requestsByMessage)(stack.ses));
        strict_1.default.deepEqual(requests, {
          [(0, deliveries_1.keyText)({ checkoutId: inFlight, step: 1 })]: ['hang', 'ok'],
          [(0, deliveries_1.keyText)({ checkoutId: inFlight, step: 2 })]: ['ok'],
          [(0, deliveries_1.keyText)({ checkoutId: sleeping, step: 1 })]: ['ok'],
          [(0, deliveries_1.keyText)({ checkoutId: sleeping, step: 2 })]: ['ok'],
        });
        const status = await stack.request('GET', `/checkouts/${inFlight}`);
        strict_1.default.equal(status.body.state, 'expired');
        strict_1.default.deepEqual(
          status.body.reminders.map((r) => r.outcome),
          ['sent', 'sent'],
        );
        const completed = (await stack.eventTypes((0, messages_1.workflowIdFor)(inFlight))).filter(
          (e) => e === 'EVENT_TYPE_ACTIVITY_TASK_COMPLETED',
        ).length;
        strict_1.default.equal(completed, 2, 'one completed send activity per reminder');
        await (0, checkouts_1.assertNoBrokenWorkflow)(stack, [inFlight, sleeping]);
        console.log(
          `worker killed with a send in flight at ${killedAt} ms: redelivered once, all closed after ${Date.now() - t0} ms`,
        );
      } finally {
        await stack.close();
      }
    },
  );
});
//# sourceMappingURL=worker-crash.fault.js.map
