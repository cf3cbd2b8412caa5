var __importDefault = (this && this.__importDefault) || ((mod) => (mod && mod.__esModule ? mod : { default: mod }));
Object.defineProperty(exports, '__esModule', { value: true });
// Scenario: SES misbehaves. An outage (5xx), then throttling, then recovery: every reminder is
// delivered once after recovery. A permanent rejection is not retried and the schedule goes on.
const strict_1 = __importDefault(require('node:assert/strict'));
const node_test_1 = require('node:test');
const checkouts_1 = require('./support/checkouts');
const deliveries_1 = require('./support/deliveries');
const fault_stack_1 = require('./support/fault-stack');
const processes_1 = require('./support/processes');
(0, node_test_1.describe)('SES failing', () => {
  (0, node_test_1.test)(
    '5xx, then throttling, then recovery: every reminder is delivered once, after recovery',
    {
      timeout: 120_000,
    },
    async () => {
      const stack = await fault_stack_1.FaultStack.start({ ses: { kind: 'fail' } });
      try {
        const t0 = Date.now();
        const ids = await (0, checkouts_1.postCheckouts)(stack, 3, [{ after: '1s' }, { after: '2s' }]);
        await stack.waitUntil(
          'SES saw a first attempt of each checkout',
          () => stack.ses.count,
          (n) => n >= 3,
          20_000,
        );
        await (0, processes_1.pause)(4_000); // the outage: InternalFailure (500) for every request
        stack.ses.setDefault({ kind: 'throttle' });
        const throttledFrom = stack.ses.count;
        await (0, processes_1.pause)(7_000); // throttling: 400 Throttling "Maximum sending rate exceeded."
        stack.ses.setDefault({ kind: 'ok' });
        const recoveredFrom = stack.ses.count;
        const recoveredAt = Date.now() - t0;
        await (0, checkouts_1.waitUntilClosed)(stack, ids, 60_000);
        const all = (0, deliveries_1.reminderKeys)(ids, 2);
        strict_1.default.deepEqual(
          (0, deliveries_1.deliveredOnce)(stack.ses, all),
          (0, deliveries_1.expectedOnce)(all),
        );
        strict_1.default.ok(
          stack.ses.requests.slice(0, recoveredFrom).every((r) => r.behaviour !== 'ok'),
          'nothing was delivered before recovery',
        );
        const byMessage = (0, deliveries_1.requestsByMessage)(stack.ses);
        for (const id of ids) {
          const first = byMessage.get((0, deliveries_1.keyText)({ checkoutId: id, step: 1 })) ?? [];
          strict_1.default.ok(first.includes('fail'), `reminder 1 of ${id} met the outage: ${first}`);
          strict_1.default.ok(first.includes('throttle'), `reminder 1 of ${id} met the throttling: ${first}`);
          strict_1.default.equal(first.at(-1), 'ok');
          const status = await stack.request('GET', `/checkouts/${id}`);
          strict_1.default.equal(status.body.state, 'expired');
          strict_1.default.deepEqual(
            status.body.reminders.map((r) => r.outcome),
            ['sent', 'sent'],
          );
        }
        await (0, checkouts_1.assertNoBrokenWorkflow)(stack, ids);
        const counts = Object.fromEntries([...byMessage].map(([k, v]) => [k, v.join(',')]));
        console.log(
          `SES outage: ${throttledFrom} requests failed (5xx), ${recoveredFrom - throttledFrom} throttled, ` +
            `recovered at ${recoveredAt} ms, ${stack.ses.count} requests in all; all closed at ${Date.now() - t0} ms; ` +
            JSON.stringify(counts),
        );
      } finally {
        await stack.close();
      }
    },
  );
  (0, node_test_1.test)(
    'a permanent rejection (MessageRejected) is not retried: one request per reminder, the schedule goes on',
    {
      timeout: 90_000,
    },
    async () => {
      const stack = await fault_stack_1.FaultStack.start();
      try {
        const rejected = `co-rejected-${Date.now().toString(36)}`;
        stack.ses.setRule((request) =>
          (0, deliveries_1.messageKeyOf)(request)?.checkoutId === rejected ? { kind: 'reject' } : undefined,
        );
        const schedule = [{ after: '1s' }, { after: '2s' }];
        const res = await stack.request('POST', '/checkouts', (0, checkouts_1.faultCheckoutBody)(rejected, schedule));
        strict_1.default.equal(res.status, 202, JSON.stringify(res.body));
        const [healthy = ''] = await (0, checkouts_1.postCheckouts)(stack, 1, schedule);
        await (0, checkouts_1.waitUntilClosed)(stack, [rejected, healthy], 30_000);
        await (0, processes_1.pause)(3_000); // a retry would come 1 s after the rejection: give it more than that
        const byMessage = Object.fromEntries((0, deliveries_1.requestsByMessage)(stack.ses));
        strict_1.default.deepEqual(byMessage, {
          [(0, deliveries_1.keyText)({ checkoutId: rejected, step: 1 })]: ['reject'],
          [(0, deliveries_1.keyText)({ checkoutId: rejected, step: 2 })]: ['reject'],
          [(0, deliveries_1.keyText)({ checkoutId: healthy, step: 1 })]: ['ok'],
          [(0, deliveries_1.keyText)({ checkoutId: healthy, step: 2 })]: ['ok'],
        });
        const status = await stack.request('GET', `/checkouts/${rejected}`);
        strict_1.default.equal(status.body.state, 'expired');
        for (const reminder of status.body.reminders) {
          strict_1.default.equal(reminder.outcome, 'failed');
          strict_1.default.match(reminder.reason ?? '', /MessageRejected/);
          strict_1.default.doesNotMatch(
            reminder.reason ?? '',
            /shopper@example\.com/,
            'the address is redacted from history',
          );
        }
        await (0, checkouts_1.assertNoBrokenWorkflow)(stack, [rejected, healthy]);
        console.log(`MessageRejected: ${JSON.stringify(byMessage)}`);
      } finally {
        await stack.close();
      }
    },
  );
});
//# sourceMappingURL=ses-outage.fault.js.map
