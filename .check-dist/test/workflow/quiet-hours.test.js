var __importDefault = (this && this.__importDefault) || ((mod) => (mod && mod.__esModule ? mod : { default: mod }));
Object.defineProperty(exports, '__esModule', { value: true });
// Quiet hours on the time-skipping server: the server's clock is moved to the nights that matter
// (env.sleep before the start), so the workflow computes local times as it would in production.
// The nights are found from the server's own clock (which starts at the machine's "now"), so the
// tests pass on any date; the expectations stay exact (08:00 CET = 07:00Z, 08:00 CEST = 06:00Z).
const strict_1 = __importDefault(require('node:assert/strict'));
const node_test_1 = require('node:test');
const messages_1 = require('../../common/messages');
const recovery_plan_1 = require('../../common/recovery-plan');
const calendar_1 = require('../support/calendar');
const recovery_harness_1 = require('./recovery-harness');
/**
 * The test server's clock lands near a target, not on it: real seconds pass between moving it and
 * starting the checkout on a loaded machine (2 s was exceeded once). Quiet hours move sends by hours.
 */
const near = (actual, expected) =>
  strict_1.default.ok(Math.abs(Date.parse(actual ?? '') - Date.parse(expected)) < 10_000, `${actual} ≉ ${expected}`);
const HOUR = 3_600_000;
const NIGHT_POLICY = { quietHours: { start: '21:00', end: '08:00' }, defaultTimezone: 'UTC' };
(0, node_test_1.describe)('quiet hours in the checkout workflow', () => {
  let h;
  (0, node_test_1.before)(async () => {
    h = await recovery_harness_1.RecoveryHarness.start();
  });
  (0, node_test_1.after)(async () => {
    await h?.close();
  });
  /** Moves the test server's clock to `target` (it only moves forward). */
  async function clockTo(target) {
    const current = await h.env.currentTimeMs();
    strict_1.default.ok(target > current, `the test server is already past ${(0, calendar_1.isoOf)(target)}`);
    await h.env.sleep(target - current);
  }
  /** The next night the test needs, found from the test server's clock. */
  const serverNight = async (find) => find(await h.env.currentTimeMs());
  (0, node_test_1.test)(
    'a reminder due at 22:00 in Berlin goes out at 08:00 Berlin time, recorded as delayed',
    async () => {
      await h.withWorker(async ({ taskQueue }) => {
        const night = await serverNight(calendar_1.nextBerlinWinterNight);
        await clockTo(night.evening); // 20:00 in Berlin (CET)
        const { handle, email } = await h.startCheckout(taskQueue, [{ after: '2h' }], { policy: NIGHT_POLICY });
        const waiting = await handle.query(messages_1.statusQuery);
        strict_1.default.equal(waiting.upcoming[0]?.delayed?.until, (0, calendar_1.isoOf)(night.morning));
        const status = await (0, recovery_harness_1.result)(handle);
        const [reminder] = status.reminders;
        strict_1.default.equal(reminder?.outcome, 'sent');
        near(reminder?.dueAt, (0, calendar_1.isoOf)(night.evening + 2 * HOUR)); // 22:00 CET
        near(reminder?.at, (0, calendar_1.isoOf)(night.morning));
        strict_1.default.ok((0, calendar_1.isoOf)(night.morning).endsWith('T07:00:00.000Z'), '08:00 CET is 07:00Z');
        strict_1.default.deepEqual(reminder?.delayed, {
          reason: 'quiet hours 21:00–08:00 Europe/Berlin',
          until: (0, calendar_1.isoOf)(night.morning),
        });
        strict_1.default.equal((await h.inbox.messagesTo(email)).length, 1, 'moved, not dropped');
      });
    },
  );
  (0, node_test_1.test)(
    'across the spring-forward night the morning is 08:00 summer time (06:00Z, not 07:00Z)',
    async () => {
      await h.withWorker(async ({ taskQueue }) => {
        const night = await serverNight(calendar_1.nextBerlinSpringForward);
        await clockTo(night.evening); // 20:00 CET; clocks jump 02:00 → 03:00 that night
        const { handle } = await h.startCheckout(taskQueue, [{ after: '2h' }], { policy: NIGHT_POLICY });
        const status = await (0, recovery_harness_1.result)(handle);
        strict_1.default.ok((0, calendar_1.isoOf)(night.morning).endsWith('T06:00:00.000Z'), '08:00 CEST is 06:00Z');
        strict_1.default.equal(status.reminders[0]?.delayed?.until, (0, calendar_1.isoOf)(night.morning));
        near(status.reminders[0]?.at, (0, calendar_1.isoOf)(night.morning));
      });
    },
  );
  (0, node_test_1.test)('a channel rule replaces the default window, and no window means on time', async () => {
    await h.withWorker(async ({ taskQueue }) => {
      const night = await serverNight(calendar_1.nextBerlinWinterNight);
      await clockTo(night.evening);
      const policy = { ...NIGHT_POLICY, channelQuietHours: { email: null } };
      const { handle } = await h.startCheckout(taskQueue, [{ after: '2h' }], { policy });
      const status = await (0, recovery_harness_1.result)(handle);
      strict_1.default.equal(status.reminders[0]?.delayed, undefined);
      near(status.reminders[0]?.at, (0, calendar_1.isoOf)(night.evening + 2 * HOUR));
      const timers = await (0, recovery_harness_1.timerDurations)(handle);
      strict_1.default.equal(timers.length, 1);
      strict_1.default.ok(Math.abs((timers[0] ?? 0) - 2 * 3_600_000) < 1_000, 'one timer, to the due time');
    });
  });
  (0, node_test_1.test)(
    'two checkouts held by the same night leave at different minutes within the spread window, each at a stable offset',
    async () => {
      const SPREAD = '10m';
      // Fixed ids: their offsets (5 min 55 s and 2 min 54 s) are fixed by the hash, so the minutes differ on every run.
      const ids = ['co-spread-1', 'co-spread-2'];
      const offsets = ids.map((id) => (0, recovery_plan_1.quietHoursOffsetMs)(id, SPREAD));
      strict_1.default.notEqual(Math.floor((offsets[0] ?? 0) / 60_000), Math.floor((offsets[1] ?? 0) / 60_000));
      await h.withWorker(async ({ taskQueue }) => {
        const night = await serverNight(calendar_1.nextBerlinWinterNight);
        await clockTo(night.evening);
        const handles = [];
        for (const checkoutId of ids) {
          const { handle } = await h.startCheckout(taskQueue, [{ after: '2h' }], {
            policy: { ...NIGHT_POLICY, quietHoursSpread: SPREAD },
            checkout: {
              checkoutId,
              customer: {
                id: `c-${checkoutId}`,
                email: `${checkoutId}@shoppers.example.com`,
                timezone: 'Europe/Berlin',
              },
              cart: { currency: 'EUR', total: 20, items: [{ sku: 'SKU-1', name: 'Mug', quantity: 1, unitPrice: 20 }] },
              checkoutUrl: `https://shop.example.com/checkout/${checkoutId}`,
            },
          });
          handles.push(handle);
        }
        const sentAt = [];
        for (const [i, handle] of handles.entries()) {
          const [reminder] = (await (0, recovery_harness_1.result)(handle)).reminders;
          strict_1.default.equal(reminder?.outcome, 'sent');
          const expected = night.morning + (offsets[i] ?? 0);
          near(reminder?.at, (0, calendar_1.isoOf)(expected));
          strict_1.default.equal(
            reminder?.delayed?.until,
            (0, calendar_1.isoOf)(expected),
            'the status says when it really goes',
          );
          const at = Date.parse(reminder?.at ?? '');
          strict_1.default.ok(
            at >= night.morning && at < night.morning + 10 * 60_000,
            `${reminder?.at} is inside 08:00–08:10`,
          );
          sentAt.push(Math.floor((at - night.morning) / 60_000));
        }
        strict_1.default.notEqual(sentAt[0], sentAt[1], 'not in the same minute');
      });
    },
  );
});
//# sourceMappingURL=quiet-hours.test.js.map
