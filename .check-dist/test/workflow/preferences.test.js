var __importDefault = (this && this.__importDefault) || ((mod) => (mod && mod.__esModule ? mod : { default: mod }));
Object.defineProperty(exports, '__esModule', { value: true });
// The customer's consent and preferences on the time-skipping server with the real activities:
// an opt-out stops everything, whichever way it reaches the checkout; their own quiet hours and
// zone move the sends.
const strict_1 = __importDefault(require('node:assert/strict'));
const node_test_1 = require('node:test');
const messages_1 = require('../../common/messages');
const calendar_1 = require('../support/calendar');
const recovery_harness_1 = require('./recovery-harness');
const NO_RULES = { quietHours: null, defaultTimezone: 'UTC', frequencyCap: null };
const HOUR = 3_600_000;
(0, node_test_1.describe)("the customer's preferences", () => {
  let h;
  (0, node_test_1.before)(async () => {
    h = await recovery_harness_1.RecoveryHarness.start();
  });
  (0, node_test_1.after)(async () => {
    await h?.close();
  });
  (0, node_test_1.test)(
    'an opt-out signalled after the first reminder stops the checkout at once: nothing more is sent',
    async () => {
      await h.withWorker(async ({ taskQueue }) => {
        const { handle, email } = await h.startCheckout(
          taskQueue,
          [{ after: '30m' }, { after: '1d' }, { after: '3d' }],
          { policy: NO_RULES },
          'c-optout-signal',
        );
        // Let reminder 1 go out (30 min on the server's clock), then opt out.
        await h.env.sleep('31m');
        strict_1.default.equal((await h.inbox.messagesTo(email)).length, 1);
        const before = Date.now();
        await handle.signal(messages_1.preferencesSignal, { preferences: { optedOut: true } });
        const status = await (0, recovery_harness_1.result)(handle);
        strict_1.default.equal(status.state, 'unsubscribed');
        strict_1.default.equal(status.remindersSent, 1);
        strict_1.default.deepEqual(status.upcoming, []);
        strict_1.default.equal(status.preferences?.optedOut, true);
        // Stopped on the signal, not at the next due time a day later (time skips only while waiting).
        strict_1.default.ok(Date.now() - before < 30_000);
        strict_1.default.equal((await h.inbox.messagesTo(email)).length, 1, 'reminders 2 and 3 never sent');
      });
    },
  );
  (0, node_test_1.test)(
    'a checkout whose customer opted out before it started sends nothing and says why',
    async () => {
      await h.withWorker(async ({ taskQueue }) => {
        const { handle, email } = await h.startCheckout(
          taskQueue,
          [{ after: '30m' }],
          { policy: NO_RULES, preferences: { optedOut: true } },
          'c-optout-input',
        );
        const status = await (0, recovery_harness_1.result)(handle);
        strict_1.default.equal(status.state, 'unsubscribed');
        strict_1.default.deepEqual(status.reminders, []);
        strict_1.default.equal((await h.inbox.messagesTo(email)).length, 0);
      });
    },
  );
  (0, node_test_1.test)(
    'an opt-out only the store knows of (its signal never arrived) is honoured by the send, which stops the checkout',
    async () => {
      await h.withWorker(async ({ taskQueue }) => {
        const customerId = 'c-optout-store';
        await h.preferences.optOut(customerId, 'link');
        const { handle, email } = await h.startCheckout(
          taskQueue,
          [{ after: '30m' }, { after: '1d' }],
          { policy: NO_RULES },
          customerId,
        );
        const status = await (0, recovery_harness_1.result)(handle);
        strict_1.default.equal(status.state, 'unsubscribed');
        strict_1.default.deepEqual(
          status.reminders.map((r) => [r.step, r.outcome, r.reason]),
          [[1, 'suppressed', 'customer unsubscribed from recovery messages']],
        );
        strict_1.default.equal((await h.inbox.messagesTo(email)).length, 0);
      });
    },
  );
  (0, node_test_1.test)('a channel the customer refuses is not used', async () => {
    await h.withWorker(async ({ taskQueue }) => {
      const customerId = 'c-no-email';
      await h.preferences.put(customerId, { optedOut: false, channels: [] });
      const { handle, email } = await h.startCheckout(taskQueue, [{ after: '30m' }], { policy: NO_RULES }, customerId);
      const status = await (0, recovery_harness_1.result)(handle);
      strict_1.default.equal(status.reminders[0]?.outcome, 'suppressed');
      strict_1.default.equal(status.reminders[0]?.reason, 'customer does not accept email');
      strict_1.default.equal((await h.inbox.messagesTo(email)).length, 0);
    });
  });
  (0, node_test_1.test)(
    "the customer's own quiet hours and zone replace the shop's, also when changed while waiting",
    async () => {
      await h.withWorker(async ({ taskQueue }) => {
        // The shop has no quiet hours. The customer (in New York) wants none between 00:00 and 23:00.
        // At noon in New York (on the server's clock), so reminder 1 falls due inside their window.
        const now = await h.env.currentTimeMs();
        await h.env.sleep((0, calendar_1.nextLocalHour)(now, 'America/New_York', 12) - now);
        const { handle, email } = await h.startCheckout(
          taskQueue,
          [{ after: '30m' }],
          { policy: NO_RULES },
          'c-own-quiet-hours',
        );
        await handle.signal(messages_1.preferencesSignal, {
          preferences: { optedOut: false, quietHours: { start: '00:00', end: '23:00' }, timezone: 'America/New_York' },
        });
        const status = await (0, recovery_harness_1.result)(handle);
        const sent = status.reminders[0];
        strict_1.default.equal(sent?.outcome, 'sent');
        strict_1.default.match(sent?.delayed?.reason ?? '', /quiet hours 00:00–23:00 America\/New_York/);
        const local = new Intl.DateTimeFormat('en-US', {
          timeZone: 'America/New_York',
          hour: 'numeric',
          hourCycle: 'h23',
        }).format(new Date(sent?.at ?? ''));
        strict_1.default.equal(local, '23', `sent at ${sent?.at}, 23 h local in New York`);
        strict_1.default.equal((await h.inbox.messagesTo(email)).length, 1);
        // The first wait was replanned by the signal: more than one timer, the last one longer than 30 min.
        const timers = await (0, recovery_harness_1.timerDurations)(handle);
        strict_1.default.ok(
          timers.some((t) => t > HOUR / 2),
          `timers ${timers}`,
        );
      });
    },
  );
});
//# sourceMappingURL=preferences.test.js.map
