var __importDefault = (this && this.__importDefault) || ((mod) => (mod && mod.__esModule ? mod : { default: mod }));
Object.defineProperty(exports, '__esModule', { value: true });
// The frequency cap across a customer's checkouts, on the time-skipping server with the real send
// activities and ledger: the second checkout's reminder waits, it is not dropped.
const strict_1 = __importDefault(require('node:assert/strict'));
const node_test_1 = require('node:test');
const recovery_harness_1 = require('./recovery-harness');
const HOUR = 3_600_000;
const CAPPED = { quietHours: null, defaultTimezone: 'UTC', frequencyCap: '16h' };
(0, node_test_1.describe)('frequency cap across a customer’s checkouts', () => {
  let h;
  (0, node_test_1.before)(async () => {
    h = await recovery_harness_1.RecoveryHarness.start();
  });
  (0, node_test_1.after)(async () => {
    await h?.close();
  });
  (0, node_test_1.test)(
    'a second checkout’s reminder waits 16 h after the first checkout’s, then goes out',
    async () => {
      await h.withWorker(async ({ taskQueue }) => {
        // Both belong to customer c-42 (the harness's customer).
        const first = await h.startCheckout(taskQueue, [{ after: '30m' }], { policy: CAPPED });
        const second = await h.startCheckout(taskQueue, [{ after: '1h' }], { policy: CAPPED });
        // One result at a time: the time-skipping client does not take two concurrent waits well.
        const a = await (0, recovery_harness_1.result)(first.handle);
        const b = await (0, recovery_harness_1.result)(second.handle);
        const sentA = Date.parse(a.reminders[0]?.at ?? '');
        strict_1.default.deepEqual(
          b.reminders.map((r) => [r.step, r.outcome]),
          [
            [1, 'delayed'],
            [1, 'sent'],
          ],
        );
        const held = b.reminders[0];
        strict_1.default.match(held?.delayed?.reason ?? '', /frequency cap/);
        const until = Date.parse(held?.delayed?.until ?? '');
        strict_1.default.ok(
          Math.abs(until - (sentA + 16 * HOUR)) < 5_000,
          'held until 16 h after the other checkout’s message',
        );
        const sentB = Date.parse(b.reminders[1]?.at ?? '');
        strict_1.default.ok(sentB >= until && sentB - until < 10_000, `sent ${sentB - until} ms after the cap allowed`);
        strict_1.default.equal(b.remindersSent, 1);
        strict_1.default.equal((await h.inbox.messagesTo(second.email)).length, 1, 'delayed, not dropped, not doubled');
      });
    },
  );
  (0, node_test_1.test)('a checkout’s own schedule is not capped against itself', async () => {
    await h.withWorker(async ({ taskQueue }) => {
      const { handle } = await h.startCheckout(
        taskQueue,
        [{ after: '30m' }, { after: '1h' }],
        { policy: CAPPED },
        'c-own-schedule',
      );
      const status = await (0, recovery_harness_1.result)(handle);
      strict_1.default.deepEqual(
        status.reminders.map((r) => r.outcome),
        ['sent', 'sent'],
      );
    });
  });
});
//# sourceMappingURL=frequency-cap.test.js.map
