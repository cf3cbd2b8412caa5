// The customer's consent and preferences on the time-skipping server with the real activities:
// an opt-out stops everything, whichever way it reaches the checkout; their own quiet hours and
// zone move the sends.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { RecoveryPolicy } from '../../common/checkout';
import { preferencesSignal } from '../../common/messages';
import { nextLocalHour } from '../support/calendar';
import { RecoveryHarness, result, timerDurations } from './recovery-harness';

const NO_RULES: RecoveryPolicy = { quietHours: null, defaultTimezone: 'UTC', frequencyCap: null };
const HOUR = 3_600_000;
/** Quiet hours that leave only 23:00–24:00: a reminder due at noon waits until 23:00 local. */
const ALL_DAY_BUT_23H = { start: '00:00', end: '23:00' };

describe("the customer's preferences", () => {
  let h: RecoveryHarness;
  before(async () => {
    h = await RecoveryHarness.start();
  });
  after(async () => {
    await h?.close();
  });

  /**
   * At noon in `noonIn` (on the test server's clock), a checkout with one reminder due in 30 min and no
   * shop quiet hours; the customer then asks for quiet hours all day but 23:00–24:00 in `timezone`.
   */
  async function startWithOwnQuietHours(taskQueue: string, checkoutId: string, noonIn: string, timezone: string) {
    const now = await h.env.currentTimeMs();
    await h.env.sleep(nextLocalHour(now, noonIn, 12) - now);
    const started = await h.startCheckout(taskQueue, [{ after: '30m' }], { policy: NO_RULES }, checkoutId);
    await started.handle.signal(preferencesSignal, {
      preferences: { optedOut: false, quietHours: ALL_DAY_BUT_23H, timezone },
    });
    return started;
  }

  test('an opt-out signalled after the first reminder stops the checkout at once: nothing more is sent', async () => {
    await h.withWorker(async ({ taskQueue }) => {
      const { handle, email } = await h.startCheckout(
        taskQueue,
        [{ after: '30m' }, { after: '1d' }, { after: '3d' }],
        { policy: NO_RULES },
        'c-optout-signal',
      );
      // Let reminder 1 go out (30 min on the server's clock), then opt out.
      await h.env.sleep('31m');
      assert.equal((await h.inbox.messagesTo(email)).length, 1);
      const before = Date.now();
      await handle.signal(preferencesSignal, { preferences: { optedOut: true } });
      const status = await result(handle);
      assert.equal(status.state, 'unsubscribed');
      assert.equal(status.remindersSent, 1);
      assert.deepEqual(status.upcoming, []);
      assert.equal(status.preferences?.optedOut, true);
      // Stopped on the signal, not at the next due time a day later (time skips only while waiting).
      assert.ok(Date.now() - before < 30_000);
      assert.equal((await h.inbox.messagesTo(email)).length, 1, 'reminders 2 and 3 never sent');
    });
  });

  test('a checkout whose customer opted out before it started sends nothing and says why', async () => {
    await h.withWorker(async ({ taskQueue }) => {
      const { handle, email } = await h.startCheckout(
        taskQueue,
        [{ after: '30m' }],
        { policy: NO_RULES, preferences: { optedOut: true } },
        'c-optout-input',
      );
      const status = await result(handle);
      assert.equal(status.state, 'unsubscribed');
      assert.deepEqual(status.reminders, []);
      assert.equal((await h.inbox.messagesTo(email)).length, 0);
    });
  });

  test('an opt-out only the store knows of (its signal never arrived) is honoured by the send, which stops the checkout', async () => {
    await h.withWorker(async ({ taskQueue }) => {
      const customerId = 'c-optout-store';
      await h.preferences.optOut(customerId, 'link');
      const { handle, email } = await h.startCheckout(
        taskQueue,
        [{ after: '30m' }, { after: '1d' }],
        { policy: NO_RULES },
        customerId,
      );
      const status = await result(handle);
      assert.equal(status.state, 'unsubscribed');
      assert.deepEqual(
        status.reminders.map((r) => [r.step, r.outcome, r.reason]),
        [[1, 'suppressed', 'customer unsubscribed from recovery messages']],
      );
      assert.equal((await h.inbox.messagesTo(email)).length, 0);
    });
  });

  test('a channel the customer refuses is not used', async () => {
    await h.withWorker(async ({ taskQueue }) => {
      const customerId = 'c-no-email';
      await h.preferences.put(customerId, { optedOut: false, channels: [] });
      const { handle, email } = await h.startCheckout(taskQueue, [{ after: '30m' }], { policy: NO_RULES }, customerId);
      const status = await result(handle);
      assert.equal(status.reminders[0]?.outcome, 'suppressed');
      assert.equal(status.reminders[0]?.reason, 'customer does not accept email');
      assert.equal((await h.inbox.messagesTo(email)).length, 0);
    });
  });

  test("the customer's own quiet hours and zone replace the shop's, also when changed while waiting", async () => {
    await h.withWorker(async ({ taskQueue }) => {
      // The shop has no quiet hours. The customer (in New York) wants none between 00:00 and 23:00.
      // At noon in New York (on the server's clock), so reminder 1 falls due inside their window.
      const { handle, email } = await startWithOwnQuietHours(
        taskQueue,
        'c-own-quiet-hours',
        'America/New_York',
        'America/New_York',
      );
      const status = await result(handle);
      const sent = status.reminders[0];
      assert.equal(sent?.outcome, 'sent');
      assert.match(sent?.delayed?.reason ?? '', /quiet hours 00:00–23:00 America\/New_York/);
      const local = new Intl.DateTimeFormat('en-US', {
        timeZone: 'America/New_York',
        hour: 'numeric',
        hourCycle: 'h23',
      }).format(new Date(sent?.at ?? ''));
      assert.equal(local, '23', `sent at ${sent?.at}, 23 h local in New York`);
      assert.equal((await h.inbox.messagesTo(email)).length, 1);
      // The first wait was replanned by the signal: more than one timer, the last one longer than 30 min.
      const timers = await timerDurations(handle);
      assert.ok(
        timers.some((t) => t > HOUR / 2),
        `timers ${timers}`,
      );
    });
  });

  test('a zone the API would refuse, signalled by hand (the Temporal UI, say), is ignored: the checkout keeps its own and sends', async () => {
    await h.withWorker(async ({ taskQueue }) => {
      // At noon in Berlin (the harness's customers live there), so quiet hours 00:00–23:00 hold the reminder.
      const { handle, email } = await startWithOwnQuietHours(
        taskQueue,
        'c-bad-zone',
        'Europe/Berlin',
        'Mars/Olympus_Mons',
      );
      // Before the fix every workflow task after the signal failed: the checkout never finished.
      const status = await Promise.race([
        result(handle),
        new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 60_000).unref()),
      ]);
      assert.ok(status, 'the checkout finished');
      assert.equal(status.reminders[0]?.outcome, 'sent');
      assert.match(status.reminders[0]?.delayed?.reason ?? '', /quiet hours 00:00–23:00 Europe\/Berlin/);
      assert.equal(status.preferences?.timezone, undefined);
      assert.equal((await h.inbox.messagesTo(email)).length, 1);
    });
  });
});
