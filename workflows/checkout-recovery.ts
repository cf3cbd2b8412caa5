// One workflow per checkout: wait out the shopper's inactivity, send each reminder of the
// schedule when it falls due, stop the moment an order arrives. Deterministic: no I/O here,
// only Temporal's clock and the activities below.
import {
  ActivityFailure,
  ApplicationFailure,
  allHandlersFinished,
  CancellationScope,
  condition,
  isCancellation,
  patched,
  proxyActivities,
  setCurrentDetails,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { RecoveryActivities, SendResult } from '../activities/contract';
import type {
  CheckoutState,
  CheckoutStatus,
  EarlyOrderInput,
  OrderRecord,
  RecoveryWorkflowInput,
  ReminderRecord,
  ScheduleStep,
} from '../common/checkout';
import {
  abandonReason,
  applyEvent,
  CHECKOUT_EVENT_TYPES,
  type CheckoutProgress,
  inTimeOrder,
  NO_PROGRESS,
  publishableStep,
} from '../common/checkout-events';
import type { CustomerPreferences } from '../common/customer-preferences';
import { type IssuedOffer, offerFor, offerValidForMs } from '../common/discount-offer';
import { formatDuration, parseDuration } from '../common/duration';
import {
  activitySignal,
  checkoutEventsSignal,
  orderedSignal,
  preferencesSignal,
  rescheduleUpdate,
  statusQuery,
  supersededSignal,
} from '../common/messages';
import { initialLastActivity, laterActivity, type PlanInput, plannedSteps, sendMoment } from '../common/recovery-plan';
import { resolveSchedule } from '../common/schedule';
import {
  AbandonReasonKey,
  CartTotalKey,
  CheckoutStatusKey,
  CheckoutStepKey,
  CustomerIdKey,
  RemindersSentKey,
} from '../common/search-attributes';
import { describeErrors, validateRecoveryInput } from '../common/validate-checkout';

/**
 * Workflows started from this version on spend fewer billable Actions: the API's startDelay
 * replaces the first timer, search attributes are set once at start instead of per transition
 * (status lives in the query and the result), and the order confirmation can be turned off
 * (`sendOrderConfirmation`). Histories recorded before keep their old behaviour on replay.
 */
const LEAN_ACTIONS_PATCH = 'lean-actions-v2';

// An SES call takes well under a second; 30 s per attempt covers a slow network without
// holding a dead attempt long. Transient failures (throttling, 5xx) retry with backoff for up to
// 6 h: a reminder that late still helps, one later than that is recorded as failed instead.
const SEND_ATTEMPT_TIMEOUT = '30s';
const SEND_GIVE_UP_AFTER = '6h';
const SEND_OPTIONS = {
  startToCloseTimeout: SEND_ATTEMPT_TIMEOUT,
  scheduleToCloseTimeout: SEND_GIVE_UP_AFTER,
  retry: { initialInterval: '1s', backoffCoefficient: 2, maximumInterval: '5m' },
} as const;
/**
 * Reminders the discount policy gives an offer carry a unique code, issued right before the send.
 * Older histories never issued one (and had no discount policy to ask for it).
 */
const DISCOUNT_OFFERS_PATCH = 'discount-offers-v3';
// Issuing is one insert in the ledger's database, or one call to the shop platform's API. 15 min of
// retries rides out a database failover; after that the reminder goes without the offer rather than
// late, and the status says why.
const ISSUE_OPTIONS = {
  startToCloseTimeout: '30s',
  scheduleToCloseTimeout: '15m',
  retry: { initialInterval: '1s', backoffCoefficient: 2, maximumInterval: '1m' },
} as const;
/**
 * A custom step named with free text is published as "custom" (CheckoutStep is never encrypted).
 * Asked only when a name needs it, so histories recorded before publish what they published then.
 */
const STEP_SLUG_PATCH = 'checkout-step-slug-v5';
/** A proxy per call so each activity carries its own summary in the UI's timeline. */
const activitiesFor = (summary: string) => proxyActivities<RecoveryActivities>({ ...SEND_OPTIONS, summary });

const iso = (ms: number) => new Date(ms).toISOString();

export async function checkoutRecovery(input: RecoveryWorkflowInput): Promise<CheckoutStatus> {
  if (input && 'earlyOrder' in input) return recordEarlyOrder(input);
  const errors = validateRecoveryInput(input);
  if (errors.length > 0) {
    throw ApplicationFailure.nonRetryable(`Invalid checkout input: ${describeErrors(errors)}`, 'InvalidCheckoutInput');
  }
  const { checkout } = input;
  const lean = patched(LEAN_ACTIONS_PATCH);
  // The start request's time, not the first task's: with a start delay they are far apart.
  const startedAt = lean ? workflowInfo().startTime.getTime() : Date.now();
  let lastActivityAt = initialLastActivity(input, startedAt);
  let schedule: ScheduleStep[] = [...input.schedule];
  let nextIndex = 0; // steps before it have run
  let state: CheckoutState = 'waiting';
  let order: OrderRecord | null = null;
  let replan = false; // set when the due time of the next step may have changed
  const reminders: ReminderRecord[] = [];
  let progress: CheckoutProgress = NO_PROGRESS;
  let supersededBy: string | null = null;
  // The customer's own preferences: the input's snapshot, replaced by each `preferences` signal.
  let preferences: CustomerPreferences | undefined = input.preferences;
  const unsubscribed = () => preferences?.optedOut === true;
  const plan = (): PlanInput => ({ ...input, preferences });
  let published = { reason: 'unknown', step: '' }; // search attributes as last upserted
  // Set when the frequency cap held a step back: the step waits at least until then.
  let heldUntil = 0;
  // Codes issued per step: a step the frequency cap held back offers the same code without asking again.
  const issuedOffers = new Map<number, IssuedOffer>();
  const discountPolicy = input.policy?.discount;
  const capSpec = lean ? input.policy?.frequencyCap : undefined;
  const capDuration = capSpec ? parseDuration(capSpec) : undefined;
  const frequencyCapMs = capDuration?.ok ? capDuration.ms : undefined;
  const smsRules = input.policy?.smsRules ?? undefined;
  const sentCount = () => reminders.filter((r) => r.outcome === 'sent').length;

  const status = (): CheckoutStatus => {
    const planned =
      state === 'waiting' || state === 'reminding' ? plannedSteps(plan(), schedule, nextIndex, lastActivityAt) : [];
    return {
      checkoutId: checkout.checkoutId,
      customerId: checkout.customer.id,
      state,
      startedAt: iso(startedAt),
      lastActivityAt: iso(lastActivityAt),
      nextDueAt: planned[0]?.dueAt ?? null,
      remindersSent: sentCount(),
      reminders: [...reminders],
      upcoming: planned,
      order,
      ...(supersededBy && { supersededBy }),
      ...(preferences && { preferences }),
      ...(progress.events > 0 && { progress, abandonReason: abandonReason(progress) }),
    };
  };

  setHandler(statusQuery, status);
  setHandler(orderedSignal, ({ orderId, total }) => {
    if (order) return; // a repeated order event changes nothing
    order = { orderId, total, receivedAt: iso(Date.now()), afterStep: sentCount() };
  });
  setHandler(activitySignal, ({ at }) => {
    // Only before the first reminder: after that the recovery sequence has begun and keeps its pace.
    if (order || nextIndex > 0) return;
    lastActivityAt = laterActivity(lastActivityAt, at, Date.now());
    replan = true;
  });
  setHandler(supersededSignal, ({ by }) => {
    if (order || supersededBy || typeof by !== 'string') return;
    supersededBy = by;
  });
  setHandler(preferencesSignal, ({ preferences: changed }) => {
    if (order || typeof changed !== 'object' || changed === null) return;
    preferences = changed;
    replan = true; // their quiet hours or zone may move the next send; an opt-out ends the wait
  });
  setHandler(checkoutEventsSignal, ({ events }) => {
    if (order || !Array.isArray(events)) return;
    // Another client may signal anything: unknown types and unreadable times are skipped.
    const usable = events.filter((e) => CHECKOUT_EVENT_TYPES.includes(e?.type) && Number.isFinite(Date.parse(e?.at)));
    for (const event of inTimeOrder(usable)) {
      progress = applyEvent(progress, event);
      // Like the activity signal: before the first reminder each step pushes the schedule back.
      if (nextIndex === 0) {
        lastActivityAt = laterActivity(lastActivityAt, Date.parse(event.at), Date.now());
        replan = true;
      }
    }
    const reason = abandonReason(progress);
    const given = progress.lastStep ?? '';
    const safe = publishableStep(given);
    const step = safe === given || !patched(STEP_SLUG_PATCH) ? given : safe;
    if (reason !== published.reason || step !== published.step) {
      upsertSearchAttributes([
        { key: AbandonReasonKey, value: reason },
        { key: CheckoutStepKey, value: step },
      ]);
      published = { reason, step };
    }
  });
  setHandler(
    rescheduleUpdate,
    ({ schedule: specs }) => {
      const resolved = resolveSchedule(specs, 'schedule', nextIndex, schedule[nextIndex - 1]?.afterMs ?? 0);
      if (!resolved.ok) throw new Error(describeErrors(resolved.errors)); // unreachable: validator ran
      schedule = [...schedule.slice(0, nextIndex), ...resolved.steps];
      replan = true;
      return status();
    },
    {
      validator: ({ schedule: specs }) => {
        if (state !== 'waiting' && state !== 'reminding') throw new Error(`checkout is already ${state}`);
        if (order) throw new Error('checkout is already ordered');
        const lastSent = schedule[nextIndex - 1];
        const resolved = resolveSchedule(specs, 'schedule', nextIndex, lastSent?.afterMs ?? 0);
        if (!resolved.ok) {
          const after = lastSent
            ? ` (steps are offsets from the last activity; ${nextIndex} already ran, the last at ${lastSent.after})`
            : '';
          throw new Error(`${describeErrors(resolved.errors)}${after}`);
        }
      },
    },
  );

  const publish = () => {
    setCurrentDetails(describeForUi(status()));
    if (lean) return;
    upsertSearchAttributes([
      { key: CheckoutStatusKey, value: state },
      { key: RemindersSentKey, value: sentCount() },
    ]);
  };
  if (!workflowInfo().typedSearchAttributes.get(CustomerIdKey)) {
    // Started by a client that did not set them: the UI filter by customer must still work.
    upsertSearchAttributes([
      { key: CustomerIdKey, value: checkout.customer.id },
      { key: CartTotalKey, value: checkout.cart.total },
    ]);
  }
  publish();

  try {
    while (!order && !supersededBy && !unsubscribed() && nextIndex < schedule.length) {
      const step = schedule[nextIndex] as ScheduleStep;
      const number = nextIndex + 1;
      const dueMs = lastActivityAt + step.afterMs;
      // Quiet hours move the send, never drop it (only workflows of the lean version carry a policy);
      // a step the frequency cap held back waits for the cap, then for quiet hours again.
      const moment = lean ? sendMoment(plan(), step, Math.max(dueMs, heldUntil)) : { at: dueMs, delayed: undefined };
      const waitMs = moment.at - Date.now();
      if (waitMs > 0) {
        replan = false;
        const why = moment.delayed
          ? ` (${moment.delayed.reason})`
          : heldUntil > dueMs
            ? ' (frequency cap: another checkout of this customer was messaged)'
            : '';
        const summary = `wait ${formatDuration(waitMs)} for reminder ${number}${why}`;
        await condition(() => order !== null || supersededBy !== null || replan, waitMs, { summary });
        if (order || supersededBy || replan) continue; // the loop's condition sees an opt-out
      }
      state = 'reminding';
      const record = await runSend(step, number, schedule.length, iso(dueMs));
      reminders.push(moment.delayed && !record.delayed ? { ...record, delayed: moment.delayed } : record);
      if (record.optedOut) {
        // The activity found the opt-out in the store before its signal reached us.
        preferences = { ...(preferences ?? {}), optedOut: true };
        publish();
        break;
      }
      if (record.outcome === 'delayed' && record.delayed) {
        // At least a second: worker and server clocks differ by milliseconds, never loop on them.
        heldUntil = Math.max(Date.parse(record.delayed.until), Date.now() + 1_000);
        publish();
        continue; // the same step again, once the cap allows
      }
      heldUntil = 0;
      nextIndex += 1;
      publish();
    }
    if (order) {
      state = 'ordered';
      publish();
      const placed: OrderRecord = order;
      if (!lean || input.sendOrderConfirmation !== false) placed.confirmation = await sendConfirmation(placed);
    } else if (supersededBy) {
      state = 'superseded';
    } else if (unsubscribed()) {
      state = 'unsubscribed';
    } else {
      state = 'expired';
    }
    publish();
    await condition(allHandlersFinished);
    return status();
  } catch (err) {
    if (isCancellation(err)) {
      state = 'cancelled';
      await CancellationScope.nonCancellable(async () => publish());
    }
    throw err;
  }

  async function runSend(step: ScheduleStep, number: number, total: number, dueAt: string): Promise<ReminderRecord> {
    const { offer, offerError } = await offerForStep(number, total);
    const base = {
      step: number,
      channel: step.channel,
      template: step.template,
      dueAt,
      ...(offer && { offer }),
      ...(offerError && { offerError }),
    };
    try {
      const by = step.channels ? step.channels.join(' or ') : step.channel;
      const { sendReminder } = activitiesFor(`send reminder ${number} by ${by}`);
      const result: SendResult = await sendReminder({
        checkout,
        step: number,
        stepsTotal: total,
        channel: step.channel,
        ...(step.channels && { channels: step.channels }),
        template: step.template,
        ...(progress.events > 0 && { abandonReason: abandonReason(progress), progress }),
        ...(frequencyCapMs !== undefined && { frequencyCapMs }),
        // The SMS rules' window counts from the abandonment, on the workflow's clock.
        ...(smsRules && { smsRules, abandonedAt: lastActivityAt }),
        ...((frequencyCapMs !== undefined || smsRules) && { requestedAt: Date.now() }),
        ...(offer && { offer }),
      });
      return {
        ...base,
        ...(result.channel && { channel: result.channel }),
        ...(result.skipped && result.skipped.length > 0 && { skipped: result.skipped }),
        outcome: result.outcome,
        at: iso(Date.now()),
        ...(result.optedOut && { optedOut: true }),
        messageId: result.messageId,
        reason: result.reason,
        ...(result.outcome === 'delayed' &&
          result.until && { delayed: { reason: result.reason ?? 'frequency cap', until: result.until } }),
      };
    } catch (err) {
      if (isCancellation(err)) throw err;
      return { ...base, outcome: 'failed', at: iso(Date.now()), reason: failureReason(err) };
    }
  }

  /** The discount code this step offers, if the policy gives it one; why not, if issuing failed. */
  async function offerForStep(number: number, total: number): Promise<{ offer?: IssuedOffer; offerError?: string }> {
    const policy = discountPolicy;
    const reason = progress.events > 0 ? abandonReason(progress) : undefined;
    const wanted = policy ? offerFor(policy, checkout, reason, number, total) : null;
    if (!policy || !wanted || !patched(DISCOUNT_OFFERS_PATCH)) return {};
    const known = issuedOffers.get(number);
    if (known) return { offer: known };
    try {
      const { issueDiscountCode } = proxyActivities<RecoveryActivities>({
        ...ISSUE_OPTIONS,
        summary: `issue discount code for reminder ${number}`,
      });
      const issued = await issueDiscountCode({
        checkoutId: checkout.checkoutId,
        customerId: checkout.customer.id,
        step: number,
        offer: wanted,
        validForMs: offerValidForMs(policy),
        requestedAt: Date.now(),
      });
      const offer: IssuedOffer = { ...issued.offer, code: issued.code, expiresAt: issued.expiresAt };
      issuedOffers.set(number, offer);
      return { offer };
    } catch (err) {
      if (isCancellation(err)) throw err;
      return { offerError: failureReason(err) };
    }
  }

  async function sendConfirmation(placed: OrderRecord): Promise<OrderRecord['confirmation']> {
    try {
      const { sendOrderConfirmation } = activitiesFor(`send order confirmation for ${placed.orderId}`);
      const result = await sendOrderConfirmation({ checkout, orderId: placed.orderId, total: placed.total });
      return {
        outcome: result.outcome === 'sent' ? 'sent' : 'skipped',
        messageId: result.messageId,
        reason: result.reason,
      };
    } catch (err) {
      if (isCancellation(err)) throw err;
      return { outcome: 'failed', reason: failureReason(err) };
    }
  }
}

/** The order came first: remember it, so the checkout finds this closed workflow and sends nothing. */
async function recordEarlyOrder(input: EarlyOrderInput): Promise<CheckoutStatus> {
  const startedAt = Date.now();
  let order: OrderRecord | null = null;
  setHandler(orderedSignal, ({ orderId, total }) => {
    order ??= { orderId, total, receivedAt: iso(Date.now()), afterStep: 0, beforeCheckout: true };
  });
  const status = (): CheckoutStatus => ({
    checkoutId: input.earlyOrder.checkoutId,
    customerId: '',
    state: order ? 'ordered' : 'waiting',
    startedAt: iso(startedAt),
    lastActivityAt: iso(startedAt),
    nextDueAt: null,
    remindersSent: 0,
    reminders: [],
    upcoming: [],
    order,
  });
  setHandler(statusQuery, status);
  await condition(() => order !== null);
  // The API sets CheckoutStatus=ordered when it starts this workflow; older starts relied on this.
  if (!patched(LEAN_ACTIONS_PATCH)) upsertSearchAttributes([{ key: CheckoutStatusKey, value: 'ordered' }]);
  return status();
}

function failureReason(err: unknown): string {
  const cause = err instanceof ActivityFailure ? err.cause : err;
  if (cause instanceof ApplicationFailure) return cause.type ? `${cause.type}: ${cause.message}` : cause.message;
  return cause instanceof Error ? cause.message : String(cause);
}

/** Markdown for the Temporal UI's "current details": the customer's story so far. */
function describeForUi(s: CheckoutStatus): string {
  const lines = [`**${s.state}** · ${s.remindersSent} reminder(s) sent`];
  for (const r of s.reminders) {
    const offer = r.offer ? ` · offer ${r.offer.code}` : r.offerError ? ` · no offer: ${r.offerError}` : '';
    lines.push(
      `- reminder ${r.step} (${r.template}, ${r.channel}): ${r.outcome}${r.reason ? ` — ${r.reason}` : ''}${offer}`,
    );
    for (const skip of r.skipped ?? []) lines.push(`  - not by ${skip.channel}: ${skip.reason}`);
  }
  if (s.nextDueAt) lines.push(`- next reminder due ${s.nextDueAt}`);
  if (s.order) lines.push(`- ordered ${s.order.orderId} after ${s.order.afterStep} reminder(s)`);
  return lines.join('\n');
}
