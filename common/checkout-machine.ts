// A checkout's state and the one set of rules that changes it. Pure and deterministic: the
// workflow's handlers and loop apply every change through `apply`, and the API folds the signals
// kept for a checkout still in its start delay through the same `apply`, so the two cannot drift.
import type {
  CheckoutRecoveryInput,
  CheckoutState,
  CheckoutStatus,
  OrderRecord,
  ReminderRecord,
  ScheduleStep,
} from './checkout';
import {
  abandonReason,
  applyEvent,
  CHECKOUT_EVENT_TYPES,
  type CheckoutEvent,
  type CheckoutProgress,
  inTimeOrder,
  NO_PROGRESS,
} from './checkout-events';
import type { CustomerPreferences } from './customer-preferences';
import { isTimeZone } from './quiet-hours';
import { initialLastActivity, laterActivity, type PlanInput, plannedSteps } from './recovery-plan';

export interface CheckoutMachine {
  readonly input: CheckoutRecoveryInput;
  /** The start request's time (epoch ms). */
  readonly startedAt: number;
  readonly phase: CheckoutState;
  readonly lastActivityAt: number;
  readonly schedule: readonly ScheduleStep[];
  /** Steps before it have run (sent, failed or suppressed). */
  readonly nextIndex: number;
  readonly reminders: readonly ReminderRecord[];
  readonly order: OrderRecord | null;
  readonly supersededBy: string | null;
  /** The input's snapshot of the customer's preferences, replaced by each `preferences` message. */
  readonly preferences: CustomerPreferences | undefined;
  readonly progress: CheckoutProgress;
  /** Set when the due time of the next step may have changed since it was last planned. */
  readonly replan: boolean;
  /** A reminder's send activity is running: an order's acknowledgement waits for it to end. */
  readonly sendInFlight: boolean;
}

/**
 * Everything that changes a checkout. The first five arrive as signals from any client, so their
 * payloads are checked here (unknown event types, unreadable times, a `by` that is no string are
 * ignored); `at`/`receivedAt` are the workflow's clock when the message arrived.
 */
export type CheckoutMessage =
  | { type: 'ordered'; orderId: string; total?: number; receivedAt: number }
  | { type: 'activity'; at?: number; receivedAt: number }
  | { type: 'checkoutEvents'; events: unknown; receivedAt: number }
  | { type: 'superseded'; by: unknown }
  | { type: 'preferences'; preferences: unknown }
  /** The steps not yet run are replaced (the `reschedule` update, already validated). */
  | { type: 'rescheduled'; steps: readonly ScheduleStep[] }
  /** The workflow planned the next send: its due time is current again. */
  | { type: 'planned' }
  | { type: 'sending' }
  /** A step ran; `advance` false when it must run again later (held back by the frequency cap). */
  | { type: 'reminderRecorded'; record: ReminderRecord; advance: boolean }
  /** The send found the customer opted out before the preferences signal arrived. */
  | { type: 'optedOutAtSend' }
  | { type: 'closed'; phase: Exclude<CheckoutState, 'waiting' | 'reminding'> }
  | { type: 'confirmationRecorded'; confirmation: OrderRecord['confirmation'] };

export function start(input: CheckoutRecoveryInput, startedAt: number): CheckoutMachine {
  return {
    input,
    startedAt,
    phase: 'waiting',
    lastActivityAt: initialLastActivity(input, startedAt),
    schedule: [...input.schedule],
    nextIndex: 0,
    reminders: [],
    order: null,
    supersededBy: null,
    preferences: input.preferences,
    progress: NO_PROGRESS,
    replan: false,
    sendInFlight: false,
  };
}

export const sentCount = (s: CheckoutMachine) => s.reminders.filter((r) => r.outcome === 'sent').length;
export const isUnsubscribed = (s: CheckoutMachine) => s.preferences?.optedOut === true;
export const isOpen = (s: CheckoutMachine) => s.phase === 'waiting' || s.phase === 'reminding';
/** What the plan depends on: the input's policy and checkout, and the customer's current preferences. */
export const planOf = (s: CheckoutMachine): PlanInput => ({ ...s.input, preferences: s.preferences });

/** Whether the schedule must stop before its next step, and as what. */
export function stopReason(s: CheckoutMachine): 'ordered' | 'superseded' | 'unsubscribed' | null {
  if (s.order) return 'ordered';
  if (s.supersededBy) return 'superseded';
  if (isUnsubscribed(s)) return 'unsubscribed';
  return null;
}

export function apply(s: CheckoutMachine, message: CheckoutMessage): CheckoutMachine {
  switch (message.type) {
    case 'ordered':
      if (s.order) return s; // a repeated order event changes nothing
      return {
        ...s,
        order: {
          orderId: message.orderId,
          total: message.total,
          receivedAt: new Date(message.receivedAt).toISOString(),
          afterStep: sentCount(s),
        },
      };
    case 'activity':
      // Only before the first reminder: after that the recovery sequence has begun and keeps its pace.
      if (s.order || s.nextIndex > 0) return s;
      return { ...s, lastActivityAt: laterActivity(s.lastActivityAt, message.at, message.receivedAt), replan: true };
    case 'checkoutEvents':
      return applyCheckoutEvents(s, message.events, message.receivedAt);
    case 'superseded':
      if (s.order || s.supersededBy || typeof message.by !== 'string') return s;
      return { ...s, supersededBy: message.by };
    case 'preferences':
      if (s.order || typeof message.preferences !== 'object' || message.preferences === null) return s;
      // Their quiet hours or zone may move the next send; an opt-out ends the wait.
      return { ...s, preferences: withKnownZone(message.preferences as CustomerPreferences), replan: true };
    case 'rescheduled':
      return { ...s, schedule: [...s.schedule.slice(0, s.nextIndex), ...message.steps], replan: true };
    case 'planned':
      return { ...s, replan: false };
    case 'sending':
      return { ...s, phase: 'reminding', sendInFlight: true };
    case 'reminderRecorded':
      return {
        ...s,
        sendInFlight: false,
        reminders: [...s.reminders, message.record],
        nextIndex: message.advance ? s.nextIndex + 1 : s.nextIndex,
      };
    case 'optedOutAtSend':
      return { ...s, preferences: { ...(s.preferences ?? {}), optedOut: true } };
    case 'closed':
      return { ...s, phase: message.phase };
    case 'confirmationRecorded':
      return s.order ? { ...s, order: { ...s.order, confirmation: message.confirmation } } : s;
  }
}

/** Another client may signal anything: unknown types and unreadable times are skipped. */
function applyCheckoutEvents(s: CheckoutMachine, events: unknown, receivedAt: number): CheckoutMachine {
  if (s.order || !Array.isArray(events)) return s;
  const usable = (events as Partial<CheckoutEvent>[]).filter(
    (e): e is CheckoutEvent =>
      CHECKOUT_EVENT_TYPES.includes(e?.type as CheckoutEvent['type']) && Number.isFinite(Date.parse(e?.at ?? '')),
  );
  let next = s;
  for (const event of inTimeOrder(usable)) {
    next = { ...next, progress: applyEvent(next.progress, event) };
    // Like the activity signal: before the first reminder each step pushes the schedule back.
    if (next.nextIndex === 0) {
      next = {
        ...next,
        lastActivityAt: laterActivity(next.lastActivityAt, Date.parse(event.at), receivedAt),
        replan: true,
      };
    }
  }
  return next;
}

/** The status the query, the result and the API report. */
export function statusOf(s: CheckoutMachine): CheckoutStatus {
  const upcoming = isOpen(s) ? plannedSteps(planOf(s), s.schedule, s.nextIndex, s.lastActivityAt) : [];
  return {
    checkoutId: s.input.checkout.checkoutId,
    customerId: s.input.checkout.customer.id,
    state: s.phase,
    startedAt: new Date(s.startedAt).toISOString(),
    lastActivityAt: new Date(s.lastActivityAt).toISOString(),
    nextDueAt: upcoming[0]?.dueAt ?? null,
    remindersSent: sentCount(s),
    reminders: [...s.reminders],
    upcoming,
    order: s.order,
    ...(s.supersededBy && { supersededBy: s.supersededBy }),
    ...(s.preferences && { preferences: s.preferences }),
    ...(s.progress.events > 0 && { progress: s.progress, abandonReason: abandonReason(s.progress) }),
    ...(s.input.holdout === true && { holdout: true as const }),
  };
}

/**
 * A zone Intl does not know would make every later task throw where quiet hours apply: the API
 * refuses one, but a signal sent by hand (from the Temporal UI, say) may carry it. The checkout then
 * keeps the zone it had; with no quiet hours the zone is never read, so older histories replay alike.
 */
function withKnownZone(preferences: CustomerPreferences): CustomerPreferences {
  if (preferences.timezone === undefined || isTimeZone(preferences.timezone)) return preferences;
  const { timezone: _unknown, ...rest } = preferences;
  return rest;
}
