// When each reminder falls due and when it may go out: shared by the workflow (its timers and
// status) and the API (the start delay, and the status of a checkout still in it).
import type { CheckoutRecoveryInput, ScheduleStep, SendDelay } from './checkout';
import { parseDuration } from './duration';
import { nextAllowedMoment } from './quiet-hours';

/** What the plan depends on: the shop's policy, the customer's zone and their own preferences. */
export type PlanInput = Pick<CheckoutRecoveryInput, 'policy' | 'checkout' | 'preferences'>;

export type PlannedStep = ScheduleStep & { step: number; dueAt: string; delayed?: SendDelay };

/** The shopper's last activity as the workflow counts it: never later than the workflow's start. */
export function initialLastActivity(input: CheckoutRecoveryInput, startedAt: number): number {
  return Math.min(input.lastActivityAt ?? startedAt, startedAt);
}

/** An activity signal moves the last activity forward, never into the future. */
export function laterActivity(lastActivityAt: number, at: number | undefined, now: number): number {
  return Math.max(lastActivityAt, Math.min(at ?? now, now));
}

/**
 * Where in the policy's spread window (0 to `quietHoursSpread`, whole seconds) a checkout held by
 * quiet hours goes out: FNV-1a of its id, so the workflow, its replays and the API agree, and the
 * night's held reminders leave over minutes instead of in one burst at the window's end.
 */
export function quietHoursOffsetMs(checkoutId: string, spread: string | null | undefined): number {
  const parsed = spread ? parseDuration(spread) : undefined;
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
export function sendMoment(
  input: PlanInput,
  step: Pick<ScheduleStep, 'channel'>,
  dueMs: number,
  spread = true,
): { at: number; delayed?: SendDelay } {
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
  const allowed = nextAllowedMoment(dueMs, quiet, zone);
  if (allowed === dueMs || !quiet) return { at: allowed };
  const at = allowed + (spread ? quietHoursOffsetMs(input.checkout.checkoutId, policy.quietHoursSpread) : 0);
  return {
    at,
    delayed: { reason: `quiet hours ${quiet.start}–${quiet.end} ${zone}`, until: new Date(at).toISOString() },
  };
}

/** The steps from `nextIndex` on, numbered from 1, with their due times (and quiet-hour moves). */
export function plannedSteps(
  input: PlanInput,
  schedule: readonly ScheduleStep[],
  nextIndex: number,
  lastActivityAt: number,
): PlannedStep[] {
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
export function firstReminderDelayMs(input: CheckoutRecoveryInput, now: number): number {
  const first = input.schedule[0];
  // An opted-out customer's checkout records that and ends at once.
  if (!first || input.preferences?.optedOut) return 0;
  return Math.max(0, sendMoment(input, first, initialLastActivity(input, now) + first.afterMs).at - now);
}
