Object.defineProperty(exports, '__esModule', { value: true });
exports.initialLastActivity = initialLastActivity;
exports.laterActivity = laterActivity;
exports.quietHoursOffsetMs = quietHoursOffsetMs;
exports.sendMoment = sendMoment;
exports.plannedSteps = plannedSteps;
exports.firstReminderDelayMs = firstReminderDelayMs;
const duration_1 = require('./duration');
const quiet_hours_1 = require('./quiet-hours');
/** The shopper's last activity as the workflow counts it: never later than the workflow's start. */
function initialLastActivity(input, startedAt) {
  return Math.min(input.lastActivityAt ?? startedAt, startedAt);
}
/** An activity signal moves the last activity forward, never into the future. */
function laterActivity(lastActivityAt, at, now) {
  return Math.max(lastActivityAt, Math.min(at ?? now, now));
}
/**
 * Where in the policy's spread window (0 to `quietHoursSpread`, whole seconds) a checkout held by
 * quiet hours goes out: FNV-1a of its id, so the workflow, its replays and the API agree, and the
 * night's held reminders leave over minutes instead of in one burst at the window's end.
 */
function quietHoursOffsetMs(checkoutId, spread) {
  const parsed = spread ? (0, duration_1.parseDuration)(spread) : undefined;
  const seconds = parsed?.ok ? Math.floor(parsed.ms / 1000) : 0;
  if (seconds <= 0) return 0;
  let hash = 0x811c9dc5;
  for (let i = 0; i < checkoutId.length; i++) hash = Math.imul(hash ^ checkoutId.charCodeAt(i), 0x01000193) >>> 0;
  return (hash % seconds) * 1000;
}
/**
 * When a step due at `dueMs` may go out, and why later if it must wait. `spread`: held reminders are
 * spread over the policy's quietHoursSpread (false replays histories from before it, PATCHES.quietHoursSpread).
 */
function sendMoment(input, step, dueMs, spread = true) {
  const { policy, preferences } = input;
  if (!policy) return { at: dueMs };
  const channelRule = policy.channelQuietHours?.[step.channel];
  // The customer's own window (or their "none") wins over the shop's, as does their zone.
  const quiet =
    preferences?.quietHours !== undefined
      ? preferences.quietHours
      : channelRule === undefined
        ? policy.quietHours
        : channelRule;
  const zone = preferences?.timezone ?? input.checkout.customer.timezone ?? policy.defaultTimezone;
  const allowed = (0, quiet_hours_1.nextAllowedMoment)(dueMs, quiet, zone);
  if (allowed === dueMs || !quiet) return { at: allowed };
  const at = allowed + (spread ? quietHoursOffsetMs(input.checkout.checkoutId, policy.quietHoursSpread) : 0);
  return {
    at,
    delayed: { reason: `quiet hours ${quiet.start}–${quiet.end} ${zone}`, until: new Date(at).toISOString() },
  };
}
/** The steps from `nextIndex` on, numbered from 1, with their due times (and quiet-hour moves). */
function plannedSteps(input, schedule, nextIndex, lastActivityAt) {
  return schedule.slice(nextIndex).map((s, i) => {
    const dueMs = lastActivityAt + s.afterMs;
    const { delayed } = sendMoment(input, s, dueMs);
    return { ...s, step: nextIndex + i + 1, dueAt: new Date(dueMs).toISOString(), ...(delayed && { delayed }) };
  });
}
/**
 * How long the API delays the workflow's start (Temporal's startDelay): until the first reminder
 * may go out. The delay replaces the first timer, which saves an Action per checkout; an order
 * (signal-with-start) or an update ends the delay early, plain signals wait for it.
 */
function firstReminderDelayMs(input, now) {
  const first = input.schedule[0];
  // An opted-out customer's checkout records that and ends at once.
  if (!first || input.preferences?.optedOut) return 0;
  return Math.max(0, sendMoment(input, first, initialLastActivity(input, now) + first.afterMs).at - now);
}
//# sourceMappingURL=recovery-plan.js.map
