// When each reminder falls due: shared by the workflow (its timers and status) and the API (the
// status of a checkout whose workflow has not run its first task yet, see startDelay).
import type { CheckoutRecoveryInput, ScheduleStep } from './checkout';

export type PlannedStep = ScheduleStep & { step: number; dueAt: string };

/** The shopper's last activity as the workflow counts it: never later than the workflow's start. */
export function initialLastActivity(input: CheckoutRecoveryInput, startedAt: number): number {
  return Math.min(input.lastActivityAt ?? startedAt, startedAt);
}

/** An activity signal moves the last activity forward, never into the future. */
export function laterActivity(lastActivityAt: number, at: number | undefined, now: number): number {
  return Math.max(lastActivityAt, Math.min(at ?? now, now));
}

/** The steps from `nextIndex` on, numbered from 1, with their due times. */
export function plannedSteps(
  schedule: readonly ScheduleStep[],
  nextIndex: number,
  lastActivityAt: number,
): PlannedStep[] {
  return schedule.slice(nextIndex).map((s, i) => ({
    ...s,
    step: nextIndex + i + 1,
    dueAt: new Date(lastActivityAt + s.afterMs).toISOString(),
  }));
}

/**
 * How long the API delays the workflow's start (Temporal's startDelay): until the first reminder
 * is due. The delay replaces the first timer, which saves an Action per checkout; an order
 * (signal-with-start) or an update ends the delay early, plain signals wait for it.
 */
export function firstReminderDelayMs(input: CheckoutRecoveryInput, now: number): number {
  const first = input.schedule[0];
  if (!first) return 0;
  return Math.max(0, initialLastActivity(input, now) + first.afterMs - now);
}
