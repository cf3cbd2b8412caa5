// Steps with channel lists on the time-skipping server, with the real send activities: SMS through
// the SNS sender to the local SNS endpoint, email to the local SES. The status says which channel
// delivered each reminder and why the others were passed over.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { smsChannel } from '../../activities/channels/sms-channel';
import { createSnsSmsSender, type SmsSender } from '../../activities/channels/sns-sms-sender';
import type { CheckoutRecoveryInput, RecoveryPolicy, ScheduleStepSpec } from '../../common/checkout';
import { statusQuery, WORKFLOW_TYPE, workflowIdFor } from '../../common/messages';
import { resolveSchedule } from '../../common/schedule';
import { type LocalSns, startLocalSnsServer } from '../../stand-ins/local-sns/main';
import { openAll } from '../support/open-all';
import { RecoveryHarness, result } from './recovery-harness';

const POLICY: RecoveryPolicy = {
  quietHours: null,
  defaultTimezone: 'UTC',
  frequencyCap: null,
  smsRules: { maxTexts: 1, within: '48h' },
};

describe('reminders by SMS with fallback to email', () => {
  let h: RecoveryHarness;
  let sns: LocalSns;
  let sms: SmsSender;
  before(async () => {
    [h, sns] = await openAll([
      [RecoveryHarness.start(), (harness) => harness.close()],
      [startLocalSnsServer('127.0.0.1', 0), (s) => s.close()],
    ]);
    sms = createSnsSmsSender({ endpoint: sns.url, region: 'us-east-1' });
  });
  after(async () => {
    sms?.close();
    await sns?.close();
    await h?.close();
  });

  /** A checkout of a customer with a phone number, started the way the API does. */
  async function start(taskQueue: string, schedule: ScheduleStepSpec[]) {
    const checkoutId = `co-${randomUUID().slice(0, 8)}`;
    const phone = `+1415${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
    const email = `${checkoutId}@shoppers.example.com`;
    const resolved = resolveSchedule(schedule);
    if (!resolved.ok) throw new Error(JSON.stringify(resolved.errors));
    const input: CheckoutRecoveryInput = {
      checkout: {
        checkoutId,
        customer: { id: `c-${checkoutId}`, email, phone, name: 'Ada', locale: 'en-US' },
        cart: { currency: 'USD', total: 42, items: [{ sku: 'SKU-1', name: 'Mug', quantity: 1, unitPrice: 42 }] },
        checkoutUrl: `https://shop.example.com/checkout/${checkoutId}`,
      },
      schedule: resolved.steps,
      policy: POLICY,
    };
    const handle = await h.env.client.workflow.start(WORKFLOW_TYPE, {
      taskQueue,
      workflowId: workflowIdFor(checkoutId),
      args: [input],
    });
    return { handle, phone, email };
  }

  test('["sms","email"]: the first reminder is a text, the second falls back to email (one text per checkout)', async () => {
    await h.withWorker(
      async ({ taskQueue }) => {
        const { handle, phone, email } = await start(taskQueue, [
          { after: '30m', channel: ['sms', 'email'] },
          { after: '1h', channel: ['sms', 'email'] },
        ]);
        const upcoming = await handle.query(statusQuery);
        assert.deepEqual(upcoming.upcoming[0]?.channels, ['sms', 'email']);
        assert.equal(upcoming.upcoming[0]?.channel, 'sms');

        const status = await result(handle);
        assert.deepEqual(
          status.reminders.map((r) => [r.step, r.outcome, r.channel]),
          [
            [1, 'sent', 'sms'],
            [2, 'sent', 'email'],
          ],
        );
        const [text, ...moreTexts] = sns.messages().filter((m) => m.phoneNumber === phone);
        assert.equal(moreTexts.length, 0);
        assert.equal(status.reminders[0]?.messageId, text?.messageId);
        assert.match(text?.message ?? '', /https:\/\/recovery\.example\.test\/r\//);
        assert.equal(status.reminders[0]?.skipped, undefined);
        assert.deepEqual(status.reminders[1]?.skipped, [
          { channel: 'sms', reason: 'SMS rules: 1 text(s) already sent for this checkout (at most 1)' },
        ]);
        assert.equal((await h.inbox.messagesTo(email)).length, 1);
      },
      undefined,
      { channels: [smsChannel(sms, 'Shop', { allowedCallingCodes: ['+1'] })] },
    );
  });

  test('a step due more than 48 h after abandonment goes by email, and the status says why', async () => {
    await h.withWorker(
      async ({ taskQueue }) => {
        const { handle, phone } = await start(taskQueue, [{ after: '49h', channel: ['sms', 'email'] }]);
        const status = await result(handle);
        assert.equal(status.reminders[0]?.outcome, 'sent');
        assert.equal(status.reminders[0]?.channel, 'email');
        assert.deepEqual(status.reminders[0]?.skipped, [
          { channel: 'sms', reason: 'SMS rules: more than 48h since the checkout was abandoned' },
        ]);
        assert.equal(sns.messages().filter((m) => m.phoneNumber === phone).length, 0);
      },
      undefined,
      { channels: [smsChannel(sms, 'Shop', { allowedCallingCodes: ['+1'] })] },
    );
  });
});
