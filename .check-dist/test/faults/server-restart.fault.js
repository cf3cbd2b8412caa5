var __importDefault = (this && this.__importDefault) || ((mod) => (mod && mod.__esModule ? mod : { default: mod }));
Object.defineProperty(exports, '__esModule', { value: true });
// Scenario: the Temporal server stops (SIGTERM) mid-schedule and starts again on its SQLite file,
// with reminders falling due during the outage. The worker and the API stay up and reconnect.
const strict_1 = __importDefault(require('node:assert/strict'));
const node_test_1 = require('node:test');
const messages_1 = require('../../common/messages');
const checkouts_1 = require('./support/checkouts');
const deliveries_1 = require('./support/deliveries');
const fault_stack_1 = require('./support/fault-stack');
const processes_1 = require('./support/processes');
(0, node_test_1.describe)('the Temporal dev server restarted on its database', () => {
  (0, node_test_1.test)(
    'mid-schedule: reminders due during the outage all arrive after the restart, none twice',
    {
      timeout: 120_000,
    },
    async () => {
      const stack = await fault_stack_1.FaultStack.start();
      try {
        const schedule = [{ after: '2s' }, { after: '9s' }, { after: '11s' }];
        const t0 = Date.now();
        const ids = await (0, checkouts_1.postCheckouts)(stack, 5, schedule);
        await stack.waitUntil(
          'reminder 1 of every checkout completed',
          () => Promise.all(ids.map((id) => stack.eventTypes((0, messages_1.workflowIdFor)(id)))),
          (histories) => histories.every((events) => events.includes('EVENT_TYPE_ACTIVITY_TASK_COMPLETED')),
          30_000,
        );
        strict_1.default.ok(
          Date.now() < t0 + 8_000,
          `precondition: reminder 2 is not due yet (${Date.now() - t0} ms in)`,
        );
        await stack.server.stop('SIGTERM');
        const stoppedAt = Date.now() - t0;
        await (0, processes_1.pause)(Math.max(0, t0 + 12_500 - Date.now())); // reminders 2 and 3 fall due while the server is down
        await stack.server.startAgain();
        const restartedAt = Date.now() - t0;
        await (0, checkouts_1.waitUntilClosed)(stack, ids, 60_000);
        const all = (0, deliveries_1.reminderKeys)(ids, 3);
        strict_1.default.deepEqual(
          (0, deliveries_1.deliveredOnce)(stack.ses, all),
          (0, deliveries_1.expectedOnce)(all),
        );
        strict_1.default.deepEqual(
          await Promise.all(ids.map((id) => stack.state(id))),
          ids.map(() => 'expired'),
        );
        strict_1.default.ok(stack.workers[0]?.running, 'the worker rode out the outage');
        // The API's client reconnected too: the status query goes through it to the worker.
        const status = await stack.request('GET', `/checkouts/${ids[0]}`);
        strict_1.default.equal(status.status, 200, JSON.stringify(status.body));
        strict_1.default.equal(status.body.remindersSent, 3);
        await (0, checkouts_1.assertNoBrokenWorkflow)(stack, ids);
        console.log(
          `server stopped at ${stoppedAt} ms, restarted at ${restartedAt} ms; ${all.length} reminders once each; ` +
            `${stack.ses.count} SES requests; all closed at ${Date.now() - t0} ms`,
        );
      } finally {
        await stack.close();
      }
    },
  );
});
//# sourceMappingURL=server-restart.fault.js.map
