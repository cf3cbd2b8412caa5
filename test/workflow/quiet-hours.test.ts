// Quiet hours on the time-skipping server: the server's clock is moved to the nights that matter
// (env.sleep before the start), so the workflow computes local times as it would in production.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { RecoveryPolicy } from '../../common/checkout';
import { statusQuery } from '../../common/messages';
import { RecoveryHarness, result, timerDurations } from './recovery-harness';

/**
 * The test server's clock lands near a target, not on it: real seconds pass between moving it and
 * starting the checkout on a loaded machine (2 s was exceeded once). Quiet hours move sends by hours.
 */
const near = (actual: string | undefined, expected: string) =>
  assert.ok(Math.abs(Date.parse(actual ?? '') - Date.parse(expected)) < 10_000, `${actual} ≉ ${expected}`);

const NIGHT_POLICY: RecoveryPolicy = { quietHours: { start: '21:00', end: '08:00' }, defaultTimezone: 'UTC' };

describe('quiet hours in the checkout workflow', () => {
  let h: RecoveryHarness;
  before(async () => {
    h = await RecoveryHarness.start();
  });
  after(async () => {
    await h?.close();
  });

  /** Moves the test server's clock to `iso` (it only moves forward). */
  async function clockTo(iso: string): Promise<void> {
    const current = await h.env.currentTimeMs();
    const target = Date.parse(iso);
    assert.ok(target > current, `the test server is already past ${iso}`);
    await h.env.sleep(target - current);
  }

  test('a reminder due at 22:00 in Berlin goes out at 08:00 Berlin time, recorded as delayed', async () => {
    await h.withWorker(async ({ taskQueue }) => {
      await clockTo('2026-12-01T19:00:00Z'); // 20:00 in Berlin (CET)
      const { handle, email } = await h.startCheckout(taskQueue, [{ after: '2h' }], { policy: NIGHT_POLICY });
      const waiting = await handle.query(statusQuery);
      assert.equal(waiting.upcoming[0]?.delayed?.until, '2026-12-02T07:00:00.000Z');
      const status = await result(handle);
      const [reminder] = status.reminders;
      assert.equal(reminder?.outcome, 'sent');
      near(reminder?.dueAt, '2026-12-01T21:00:00.000Z');
      near(reminder?.at, '2026-12-02T07:00:00.000Z');
      assert.deepEqual(reminder?.delayed, {
        reason: 'quiet hours 21:00–08:00 Europe/Berlin',
        until: '2026-12-02T07:00:00.000Z',
      });
      assert.equal((await h.inbox.messagesTo(email)).length, 1, 'moved, not dropped');
    });
  });

  test('across the spring-forward night the morning is 08:00 summer time (06:00Z, not 07:00Z)', async () => {
    await h.withWorker(async ({ taskQueue }) => {
      await clockTo('2027-03-27T19:00:00Z'); // 20:00 CET; clocks jump 02:00 → 03:00 that night
      const { handle } = await h.startCheckout(taskQueue, [{ after: '2h' }], { policy: NIGHT_POLICY });
      const status = await result(handle);
      assert.equal(status.reminders[0]?.delayed?.until, '2027-03-28T06:00:00.000Z');
      near(status.reminders[0]?.at, '2027-03-28T06:00:00.000Z');
    });
  });

  test('a channel rule replaces the default window, and no window means on time', async () => {
    await h.withWorker(async ({ taskQueue }) => {
      await clockTo('2026-12-01T19:00:00Z');
      const policy: RecoveryPolicy = { ...NIGHT_POLICY, channelQuietHours: { email: null } };
      const { handle } = await h.startCheckout(taskQueue, [{ after: '2h' }], { policy });
      const status = await result(handle);
      assert.equal(status.reminders[0]?.delayed, undefined);
      near(status.reminders[0]?.at, '2026-12-01T21:00:00.000Z');
      const timers = await timerDurations(handle);
      assert.equal(timers.length, 1);
      assert.ok(Math.abs((timers[0] ?? 0) - 2 * 3_600_000) < 1_000, 'one timer, to the due time');
    });
  });
});
