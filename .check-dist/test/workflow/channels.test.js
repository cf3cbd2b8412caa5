var __importDefault = (this && this.__importDefault) || ((mod) => (mod && mod.__esModule ? mod : { default: mod }));
Object.defineProperty(exports, '__esModule', { value: true });
// Steps with channel lists on the time-skipping server, with the real send activities: SMS through
// the SNS sender to the local SNS endpoint, email to the local SES. The status says which channel
// delivered each reminder and why the others were passed over.
const strict_1 = __importDefault(require('node:assert/strict'));
const node_crypto_1 = require('node:crypto');
const node_test_1 = require('node:test');
const sms_channel_1 = require('../../activities/channels/sms-channel');
const sns_sms_sender_1 = require('../../activities/channels/sns-sms-sender');
const messages_1 = require('../../common/messages');
const schedule_1 = require('../../common/schedule');
const main_1 = require('../../stand-ins/local-sns/main');
const recovery_harness_1 = require('./recovery-harness');
const POLICY = {
  quietHours: null,
  defaultTimezone: 'UTC',
  frequencyCap: null,
  smsRules: { maxTexts: 1, within: '48h' },
};
(0, node_test_1.describe)('reminders by SMS with fallback to email', () => {
  let h;
  let sns;
  let sms;
  (0, node_test_1.before)(async () => {
    [h, sns] = await Promise.all([
      recovery_harness_1.RecoveryHarness.start(),
      (0, main_1.startLocalSnsServer)('127.0.0.1', 0),
    ]);
    sms = (0, sns_sms_sender_1.createSnsSmsSender)({ endpoint: sns.url, region: 'us-east-1' });
  });
  (0, node_test_1.after)(async () => {
    sms?.close();
    await sns?.close();
    await h?.close();
  });
  /** A checkout of a customer with a phone number, started the way the API does. */
  async function start(taskQueue, schedule) {
    const checkoutId = `co-${(0, node_crypto_1.randomUUID)().slice(0, 8)}`;
    const phone = `+1415${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
    const email = `${checkoutId}@shoppers.example.com`;
    const resolved = (0, schedule_1.resolveSchedule)(schedule);
    if (!resolved.ok) throw new Error(JSON.stringify(resolved.errors));
    const input = {
      checkout: {
        checkoutId,
        customer: { id: `c-${checkoutId}`, email, phone, name: 'Ada', locale: 'en-US' },
        cart: { currency: 'USD', total: 42, items: [{ sku: 'SKU-1', name: 'Mug', quantity: 1, unitPrice: 42 }] },
        checkoutUrl: `https://shop.example.com/checkout/${checkoutId}`,
      },
      schedule: resolved.steps,
      policy: POLICY,
    };
    const handle = await h.env.client.workflow.start(messages_1.WORKFLOW_TYPE, {
      taskQueue,
      workflowId: (0, messages_1.workflowIdFor)(checkoutId),
      args: [input],
    });
    return { handle, phone, email };
  }
  (0, node_test_1.test)(
    '["sms","email"]: the first reminder is a text, the second falls back to email (one text per checkout)',
    async () => {
      await h.withWorker(
        async ({ taskQueue }) => {
          const { handle, phone, email } = await start(taskQueue, [
            { after: '30m', channel: ['sms', 'email'] },
            { after: '1h', channel: ['sms', 'email'] },
          ]);
          const upcoming = await handle.query(messages_1.statusQuery);
          strict_1.default.deepEqual(upcoming.upcoming[0]?.channels, ['sms', 'email']);
          strict_1.default.equal(upcoming.upcoming[0]?.channel, 'sms');
          const status = await (0, recovery_harness_1.result)(handle);
          strict_1.default.deepEqual(
            status.reminders.map((r) => [r.step, r.outcome, r.channel]),
            [
              [1, 'sent', 'sms'],
              [2, 'sent', 'email'],
            ],
          );
          const [text, ...moreTexts] = sns.messages().filter((m) => m.phoneNumber === phone);
          strict_1.default.equal(moreTexts.length, 0);
          strict_1.default.equal(status.reminders[0]?.messageId, text?.messageId);
          strict_1.default.match(text?.message ?? '', /https:\/\/recovery\.example\.test\/r\//);
          strict_1.default.equal(status.reminders[0]?.skipped, undefined);
          strict_1.default.deepEqual(status.reminders[1]?.skipped, [
            { channel: 'sms', reason: 'SMS rules: 1 text(s) already sent for this checkout (at most 1)' },
          ]);
          strict_1.default.equal((await h.inbox.messagesTo(email)).length, 1);
        },
        undefined,
        { channels: [(0, sms_channel_1.smsChannel)(sms, 'Shop', { allowedCallingCodes: ['+1'] })] },
      );
    },
  );
  (0, node_test_1.test)(
    'a step due more than 48 h after abandonment goes by email, and the status says why',
    async () => {
      await h.withWorker(
        async ({ taskQueue }) => {
          const { handle, phone } = await start(taskQueue, [{ after: '49h', channel: ['sms', 'email'] }]);
          const status = await (0, recovery_harness_1.result)(handle);
          strict_1.default.equal(status.reminders[0]?.outcome, 'sent');
          strict_1.default.equal(status.reminders[0]?.channel, 'email');
          strict_1.default.deepEqual(status.reminders[0]?.skipped, [
            { channel: 'sms', reason: 'SMS rules: more than 48h since the checkout was abandoned' },
          ]);
          strict_1.default.equal(sns.messages().filter((m) => m.phoneNumber === phone).length, 0);
        },
        undefined,
        { channels: [(0, sms_channel_1.smsChannel)(sms, 'Shop', { allowedCallingCodes: ['+1'] })] },
      );
    },
  );
});
//# sourceMappingURL=channels.test.js.map
