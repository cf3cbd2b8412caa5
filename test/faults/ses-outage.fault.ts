// Scenario: SES misbehaves. An outage (5xx), then throttling, then recovery: every reminder is
// delivered once after recovery. A permanent rejection is not retried and the schedule goes on.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertNoBrokenWorkflow, faultCheckoutBody, postCheckouts, waitUntilClosed } from './support/checkouts';
import {
  deliveredOnce,
  expectedOnce,
  keyText,
  messageKeyOf,
  reminderKeys,
  requestsByMessage,
} from './support/deliveries';
import { FaultStack } from './support/fault-stack';
import { pause } from './support/processes';

describe('SES failing', () => {
  test('5xx, then throttling, then recovery: every reminder is delivered once, after recovery', {
    timeout: 120_000,
  }, async () => {
    const stack = await FaultStack.start({ ses: { kind: 'fail' } });
    try {
      const t0 = Date.now();
      const ids = await postCheckouts(stack, 3, [{ after: '1s' }, { after: '2s' }]);
      await stack.waitUntil(
        'SES saw a first attempt of each checkout',
        () => stack.ses.count,
        (n) => n >= 3,
        20_000,
      );
      await pause(4_000); // the outage: InternalFailure (500) for every request
      stack.ses.setDefault({ kind: 'throttle' });
      const throttledFrom = stack.ses.count;
      await pause(7_000); // throttling: 400 Throttling "Maximum sending rate exceeded."
      stack.ses.setDefault({ kind: 'ok' });
      const recoveredFrom = stack.ses.count;
      const recoveredAt = Date.now() - t0;

      await waitUntilClosed(stack, ids, 60_000);
      const all = reminderKeys(ids, 2);
      assert.deepEqual(deliveredOnce(stack.ses, all), expectedOnce(all));
      assert.ok(
        stack.ses.requests.slice(0, recoveredFrom).every((r) => r.behaviour !== 'ok'),
        'nothing was delivered before recovery',
      );
      const byMessage = requestsByMessage(stack.ses);
      for (const id of ids) {
        const first = byMessage.get(keyText({ checkoutId: id, step: 1 })) ?? [];
        assert.ok(first.includes('fail'), `reminder 1 of ${id} met the outage: ${first}`);
        assert.ok(first.includes('throttle'), `reminder 1 of ${id} met the throttling: ${first}`);
        assert.equal(first.at(-1), 'ok');
        const status = await stack.request('GET', `/checkouts/${id}`);
        assert.equal(status.body.state, 'expired');
        assert.deepEqual(
          status.body.reminders.map((r: { outcome: string }) => r.outcome),
          ['sent', 'sent'],
        );
      }
      await assertNoBrokenWorkflow(stack, ids);
      const counts = Object.fromEntries([...byMessage].map(([k, v]) => [k, v.join(',')]));
      console.log(
        `SES outage: ${throttledFrom} requests failed (5xx), ${recoveredFrom - throttledFrom} throttled, ` +
          `recovered at ${recoveredAt} ms, ${stack.ses.count} requests in all; all closed at ${Date.now() - t0} ms; ` +
          JSON.stringify(counts),
      );
    } finally {
      await stack.close();
    }
  });

  test('a permanent rejection (MessageRejected) is not retried: one request per reminder, the schedule goes on', {
    timeout: 90_000,
  }, async () => {
    const stack = await FaultStack.start();
    try {
      const rejected = `co-rejected-${Date.now().toString(36)}`;
      stack.ses.setRule((request) => (messageKeyOf(request)?.checkoutId === rejected ? { kind: 'reject' } : undefined));
      const schedule = [{ after: '1s' }, { after: '2s' }];
      const res = await stack.request('POST', '/checkouts', faultCheckoutBody(rejected, schedule));
      assert.equal(res.status, 202, JSON.stringify(res.body));
      const [healthy = ''] = await postCheckouts(stack, 1, schedule);

      await waitUntilClosed(stack, [rejected, healthy], 30_000);
      await pause(3_000); // a retry would come 1 s after the rejection: give it more than that
      const byMessage = Object.fromEntries(requestsByMessage(stack.ses));
      assert.deepEqual(byMessage, {
        [keyText({ checkoutId: rejected, step: 1 })]: ['reject'],
        [keyText({ checkoutId: rejected, step: 2 })]: ['reject'],
        [keyText({ checkoutId: healthy, step: 1 })]: ['ok'],
        [keyText({ checkoutId: healthy, step: 2 })]: ['ok'],
      });
      const status = await stack.request('GET', `/checkouts/${rejected}`);
      assert.equal(status.body.state, 'expired');
      for (const reminder of status.body.reminders as Array<{ outcome: string; reason?: string }>) {
        assert.equal(reminder.outcome, 'failed');
        assert.match(reminder.reason ?? '', /MessageRejected/);
        assert.doesNotMatch(reminder.reason ?? '', /shopper@example\.com/, 'the address is redacted from history');
      }
      await assertNoBrokenWorkflow(stack, [rejected, healthy]);
      console.log(`MessageRejected: ${JSON.stringify(byMessage)}`);
    } finally {
      await stack.close();
    }
  });
});
