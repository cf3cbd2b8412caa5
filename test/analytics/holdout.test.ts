// The holdout: a stable, salted group per customer; a held-out checkout runs its whole schedule on
// the real workflow (time-skipping server) and records every step, but no message goes out.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { holdoutPosition, inHoldout } from '../../apps/shared/holdout-group';
import { statusQuery } from '../../common/messages';
import { RecoveryHarness, result } from '../workflow/recovery-harness';

describe('holdout group', () => {
  test('a customer stays in their group; the share held out is close to HOLDOUT_PERCENT', () => {
    const settings = { percent: 5, salt: 'salt-a' };
    const ids = Array.from({ length: 20_000 }, (_, i) => `cust-${i}`);
    const first = ids.map((id) => inHoldout(id, settings));
    assert.deepEqual(
      ids.map((id) => inHoldout(id, settings)),
      first,
      'the same answer every time',
    );
    const share = first.filter(Boolean).length / ids.length;
    assert.ok(share > 0.045 && share < 0.055, `held out ${share}`);
    assert.equal(
      ids.some((id) => inHoldout(id, { percent: 0, salt: 'salt-a' })),
      false,
      '0 holds nobody out',
    );
    // Raising the share keeps everyone already held out in the group (the position does not move).
    assert.ok(ids.every((id, i) => !first[i] || inHoldout(id, { percent: 10, salt: 'salt-a' })));
    // Another salt, another draw.
    assert.notEqual(holdoutPosition('cust-1', 'salt-a'), holdoutPosition('cust-1', 'salt-b'));
  });
});

describe('a holdout checkout on the real workflow', () => {
  let h: RecoveryHarness;
  before(async () => {
    h = await RecoveryHarness.start();
  });
  after(async () => {
    await h?.close();
  });

  test('runs every step and records it, sends nothing on any channel, and its status says holdout', async () => {
    await h.withWorker(async ({ taskQueue }) => {
      const { handle, email, checkoutId } = await h.startCheckout(
        taskQueue,
        [
          { after: '30m', channel: ['sms', 'email'] },
          { after: '1d', channel: 'email' },
        ],
        { holdout: true },
      );
      const running = await handle.query(statusQuery);
      assert.equal(running.holdout, true, 'the running status says holdout');
      const status = await result(handle);
      assert.equal(status.state, 'expired');
      assert.equal(status.holdout, true);
      assert.equal(status.remindersSent, 0);
      assert.deepEqual(
        status.reminders.map((r) => [r.step, r.outcome, r.reason]),
        [
          [1, 'suppressed', 'holdout'],
          [2, 'suppressed', 'holdout'],
        ],
      );
      assert.deepEqual(await h.inbox.messagesTo(email), [], 'no email');
      const timeline = await h.events.timeline(checkoutId);
      assert.deepEqual(
        timeline.map((e) => [e.type, 'reason' in e ? e.reason : 'state' in e ? e.state : undefined]),
        [
          ['reminder_suppressed', 'holdout'],
          ['reminder_suppressed', 'holdout'],
          ['closed', 'expired'],
        ],
      );
    });
  });

  test('a treated checkout beside it is sent its reminder and the send is recorded', async () => {
    await h.withWorker(async ({ taskQueue }) => {
      const { handle, email, checkoutId } = await h.startCheckout(taskQueue, [{ after: '30m', channel: 'email' }]);
      const status = await result(handle);
      assert.equal(status.holdout, undefined);
      assert.equal((await h.inbox.messagesTo(email)).length, 1);
      const [sent] = await h.events.timeline(checkoutId);
      assert.equal(sent?.type, 'reminder_sent');
      assert.equal(sent.type === 'reminder_sent' && sent.messageId, status.reminders[0]?.messageId);
    });
  });
});
