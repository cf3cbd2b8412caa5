var __importDefault = (this && this.__importDefault) || ((mod) => (mod && mod.__esModule ? mod : { default: mod }));
Object.defineProperty(exports, '__esModule', { value: true });
// The holdout: a stable, salted group per customer; a held-out checkout runs its whole schedule on
// the real workflow (time-skipping server) and records every step, but no message goes out.
const strict_1 = __importDefault(require('node:assert/strict'));
const node_test_1 = require('node:test');
const holdout_group_1 = require('../../apps/shared/holdout-group');
const messages_1 = require('../../common/messages');
const recovery_harness_1 = require('../workflow/recovery-harness');
(0, node_test_1.describe)('holdout group', () => {
  (0, node_test_1.test)('a customer stays in their group; the share held out is close to HOLDOUT_PERCENT', () => {
    const settings = { percent: 5, salt: 'salt-a' };
    const ids = Array.from({ length: 20_000 }, (_, i) => `cust-${i}`);
    const first = ids.map((id) => (0, holdout_group_1.inHoldout)(id, settings));
    strict_1.default.deepEqual(
      ids.map((id) => (0, holdout_group_1.inHoldout)(id, settings)),
      first,
      'the same answer every time',
    );
    const share = first.filter(Boolean).length / ids.length;
    strict_1.default.ok(share > 0.045 && share < 0.055, `held out ${share}`);
    strict_1.default.equal(
      ids.some((id) => (0, holdout_group_1.inHoldout)(id, { percent: 0, salt: 'salt-a' })),
      false,
      '0 holds nobody out',
    );
    // Raising the share keeps everyone already held out in the group (the position does not move).
    strict_1.default.ok(
      ids.every((id, i) => !first[i] || (0, holdout_group_1.inHoldout)(id, { percent: 10, salt: 'salt-a' })),
    );
    // Another salt, another draw.
    strict_1.default.notEqual(
      (0, holdout_group_1.holdoutPosition)('cust-1', 'salt-a'),
      (0, holdout_group_1.holdoutPosition)('cust-1', 'salt-b'),
    );
  });
});
(0, node_test_1.describe)('a holdout checkout on the real workflow', () => {
  let h;
  (0, node_test_1.before)(async () => {
    h = await recovery_harness_1.RecoveryHarness.start();
  });
  (0, node_test_1.after)(async () => {
    await h?.close();
  });
  (0, node_test_1.test)(
    'runs every step and records it, sends nothing on any channel, and its status says holdout',
    async () => {
      await h.withWorker(async ({ taskQueue }) => {
        const { handle, email, checkoutId } = await h.startCheckout(
          taskQueue,
          [
            { after: '30m', channel: ['sms', 'email'] },
            { after: '1d', channel: 'email' },
          ],
          { holdout: true },
        );
        const running = await handle.query(messages_1.statusQuery);
        strict_1.default.equal(running.holdout, true, 'the running status says holdout');
        const status = await (0, recovery_harness_1.result)(handle);
        strict_1.default.equal(status.state, 'expired');
        strict_1.default.equal(status.holdout, true);
        strict_1.default.equal(status.remindersSent, 0);
        strict_1.default.deepEqual(
          status.reminders.map((r) => [r.step, r.outcome, r.reason]),
          [
            [1, 'suppressed', 'holdout'],
            [2, 'suppressed', 'holdout'],
          ],
        );
        strict_1.default.deepEqual(await h.inbox.messagesTo(email), [], 'no email');
        const timeline = await h.events.timeline(checkoutId);
        strict_1.default.deepEqual(
          timeline.map((e) => [e.type, 'reason' in e ? e.reason : 'state' in e ? e.state : undefined]),
          [
            ['reminder_suppressed', 'holdout'],
            ['reminder_suppressed', 'holdout'],
            ['closed', 'expired'],
          ],
        );
      });
    },
  );
  (0, node_test_1.test)('a treated checkout beside it is sent its reminder and the send is recorded', async () => {
    await h.withWorker(async ({ taskQueue }) => {
      const { handle, email, checkoutId } = await h.startCheckout(taskQueue, [{ after: '30m', channel: 'email' }]);
      const status = await (0, recovery_harness_1.result)(handle);
      strict_1.default.equal(status.holdout, undefined);
      strict_1.default.equal((await h.inbox.messagesTo(email)).length, 1);
      const [sent] = await h.events.timeline(checkoutId);
      strict_1.default.equal(sent?.type, 'reminder_sent');
      strict_1.default.equal(sent.type === 'reminder_sent' && sent.messageId, status.reminders[0]?.messageId);
    });
  });
});
//# sourceMappingURL=holdout.test.js.map
