// One workflow per checkout: wait out the shopper's inactivity, send each reminder of the
// schedule when it falls due, stop the moment an order arrives. Deterministic: no I/O here,
// only Temporal's clock and the activities below. The file reads in the samples' order: the
// message definitions (common/messages.ts, shared with the API), activity proxies with their
// timeouts, state (one machine, common/checkout-machine.ts), handlers, then the logic.
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
  CheckoutStatus,
  OrderRecord,
  RecoveryWorkflowInput,
  ReminderRecord,
  ScheduleStep,
} from '../common/checkout';
import { abandonReason, publishableStep } from '../common/checkout-events';
import { checkoutClosed, INVALID_CHECKOUT_INPUT, invalidSchedule } from '../common/checkout-failures';
import {
  apply,
  type CheckoutMessage,
  isOpen,
  planOf,
  sentCount,
  start,
  statusOf,
  stopReason,
} from '../common/checkout-machine';
import { type DiscountPolicy, type IssuedOffer, offerFor, offerValidForMs } from '../common/discount-offer';
import { formatDuration, parseDuration } from '../common/duration';
import {
  activitySignal,
  checkoutEventsSignal,
  orderedSignal,
  orderUpdate,
  preferencesSignal,
  rescheduleUpdate,
  statusQuery,
  supersededSignal,
} from '../common/messages';
import { sendMoment } from '../common/recovery-plan';
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
import { legacyEarlyOrder } from './early-order';
import { PATCHES } from './patches';

// ---- Activity proxies and their timeouts ----

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
// Issuing is one insert in the ledger's database, or one call to the shop platform's API. 15 min of
// retries rides out a database failover; after that the reminder goes without the offer rather than
// late, and the status says why.
const ISSUE_OPTIONS = {
  startToCloseTimeout: '30s',
  scheduleToCloseTimeout: '15m',
  retry: { initialInterval: '1s', backoffCoefficient: 2, maximumInterval: '1m' },
} as const;
/** One proxy per call, so each activity carries its own summary in the UI's timeline. */
const sendActivities = (summary: string) => proxyActivities<RecoveryActivities>({ ...SEND_OPTIONS, summary });
const issueActivities = (summary: string) => proxyActivities<RecoveryActivities>({ ...ISSUE_OPTIONS, summary });

const iso = (ms: number) => new Date(ms).toISOString();

export async function checkoutRecovery(input: RecoveryWorkflowInput): Promise<CheckoutStatus> {
  // Early orders recorded before they had a workflow type of their own (earlyOrder) replay here.
  if (input && 'earlyOrder' in input) return legacyEarlyOrder(input);
  const errors = validateRecoveryInput(input);
  if (errors.length > 0) {
    throw ApplicationFailure.nonRetryable(`Invalid checkout input: ${describeErrors(errors)}`, INVALID_CHECKOUT_INPUT);
  }
  const { checkout } = input;
  const holdout = input.holdout === true;

  // ---- Behaviour gates (workflows/patches.ts says when each old branch can go) ----
  const lean = patched(PATCHES.leanActions);
  /** The start request's time, not the first task's: with a start delay they are far apart. */
  const startFromRequestTime = lean;
  /** Search attributes set once at start; the status lives in the query and the result. */
  const statusOnlyInQueryAndResult = lean;
  /** Quiet hours and the frequency cap came with the policy, which only this version carries. */
  const honoursSendPolicy = lean;
  /** The order confirmation can be turned off (`sendOrderConfirmation: false`). */
  const confirmationOptional = lean;
  /** Reminders held by quiet hours leave spread over the policy's quietHoursSpread. */
  const spreadQuietHours = patched(PATCHES.quietHoursSpread);

  // ---- State: one machine, changed only through apply (common/checkout-machine.ts) ----
  let machine = start(input, startFromRequestTime ? workflowInfo().startTime.getTime() : Date.now());
  const update = (message: CheckoutMessage) => {
    machine = apply(machine, message);
  };
  let published = { reason: 'unknown', step: '' }; // search attributes as last upserted
  // Set when the frequency cap held a step back: the step waits at least until then.
  let heldUntil = 0;
  // Codes issued per step: a step the frequency cap held back offers the same code without asking again.
  const issuedOffers = new Map<number, IssuedOffer>();
  const discountPolicy = input.policy?.discount;
  const capSpec = honoursSendPolicy ? input.policy?.frequencyCap : undefined;
  const capDuration = capSpec ? parseDuration(capSpec) : undefined;
  const frequencyCapMs = capDuration?.ok ? capDuration.ms : undefined;
  const smsRules = input.policy?.smsRules ?? undefined;
  const status = () => statusOf(machine);

  // ---- Handlers (set before the first await: signals sent before the start are delivered here) ----
  setHandler(statusQuery, status);
  setHandler(orderedSignal, ({ orderId, total }) =>
    update({ type: 'ordered', orderId, total, receivedAt: Date.now() }),
  );
  setHandler(orderUpdate, async ({ orderId, total }) => {
    update({ type: 'ordered', orderId, total, receivedAt: Date.now() });
    // The loop starts no send once an order is recorded; one already running ends before the answer.
    await condition(() => !machine.sendInFlight);
    const order = machine.order as OrderRecord;
    return { confirmed: true, orderId: order.orderId, state: 'ordered', remindersSent: sentCount(machine) };
  });
  setHandler(activitySignal, ({ at }) => update({ type: 'activity', at, receivedAt: Date.now() }));
  setHandler(supersededSignal, ({ by }) => update({ type: 'superseded', by }));
  setHandler(preferencesSignal, ({ preferences }) => update({ type: 'preferences', preferences }));
  setHandler(checkoutEventsSignal, ({ events }) => {
    update({ type: 'checkoutEvents', events, receivedAt: Date.now() });
    const reason = abandonReason(machine.progress);
    // A custom step named with free text is published as "custom" (CheckoutStep is never encrypted);
    // the gate is asked only when a name needs it, so older histories publish what they did then.
    const given = machine.progress.lastStep ?? '';
    const safe = publishableStep(given);
    const step = safe === given || !patched(PATCHES.checkoutStepSlug) ? given : safe;
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
      const resolved = resolveRemaining(specs);
      if (!resolved.ok) throw invalidSchedule(describeErrors(resolved.errors)); // unreachable: validator ran
      update({ type: 'rescheduled', steps: resolved.steps });
      return status();
    },
    {
      validator: ({ schedule: specs }) => {
        if (machine.order) throw checkoutClosed('ordered');
        if (!isOpen(machine)) throw checkoutClosed(machine.phase);
        const resolved = resolveRemaining(specs);
        if (!resolved.ok) {
          const lastRun = machine.schedule[machine.nextIndex - 1];
          const after = lastRun
            ? ` (steps are offsets from the last activity; ${machine.nextIndex} already ran, the last at ${lastRun.after})`
            : '';
          throw invalidSchedule(`${describeErrors(resolved.errors)}${after}`);
        }
      },
    },
  );

  // ---- Logic ----
  const publish = () => {
    setCurrentDetails(describeForUi(status()));
    if (statusOnlyInQueryAndResult) return;
    upsertSearchAttributes([
      { key: CheckoutStatusKey, value: machine.phase },
      { key: RemindersSentKey, value: sentCount(machine) },
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
    while (!stopReason(machine) && machine.nextIndex < machine.schedule.length) {
      const step = machine.schedule[machine.nextIndex] as ScheduleStep;
      const number = machine.nextIndex + 1;
      const dueMs = machine.lastActivityAt + step.afterMs;
      // Quiet hours move the send, never drop it; a step the frequency cap held back waits for the
      // cap, then for quiet hours again.
      const moment = honoursSendPolicy
        ? sendMoment(planOf(machine), step, Math.max(dueMs, heldUntil), spreadQuietHours)
        : { at: dueMs, delayed: undefined };
      const waitMs = moment.at - Date.now();
      if (waitMs > 0) {
        update({ type: 'planned' });
        const why = moment.delayed
          ? ` (${moment.delayed.reason})`
          : heldUntil > dueMs
            ? ' (frequency cap: another checkout of this customer was messaged)'
            : '';
        const summary = `wait ${formatDuration(waitMs)} for reminder ${number}${why}`;
        await condition(() => machine.order !== null || machine.supersededBy !== null || machine.replan, waitMs, {
          summary,
        });
        if (machine.order || machine.supersededBy || machine.replan) continue; // the loop's condition sees an opt-out
      }
      update({ type: 'sending' });
      const record = await runSend(step, number, machine.schedule.length, iso(dueMs));
      const held = record.outcome === 'delayed' && record.delayed !== undefined;
      update({
        type: 'reminderRecorded',
        record: moment.delayed && !record.delayed ? { ...record, delayed: moment.delayed } : record,
        advance: !held && !record.optedOut,
      });
      if (record.optedOut) {
        // The activity found the opt-out in the store before its signal reached us.
        update({ type: 'optedOutAtSend' });
        publish();
        break;
      }
      if (held && record.delayed) {
        // At least a second: worker and server clocks differ by milliseconds, never loop on them.
        heldUntil = Math.max(Date.parse(record.delayed.until), Date.now() + 1_000);
        publish();
        continue; // the same step again, once the cap allows
      }
      heldUntil = 0;
      publish();
    }
    const stop = stopReason(machine);
    if (stop === 'ordered' && machine.order) {
      update({ type: 'closed', phase: 'ordered' });
      publish();
      if (!confirmationOptional || input.sendOrderConfirmation !== false) {
        update({ type: 'confirmationRecorded', confirmation: await sendConfirmation(machine.order) });
      }
    } else {
      update({ type: 'closed', phase: stop ?? 'expired' });
    }
    publish();
    if (!allHandlersFinished()) await condition(allHandlersFinished);
    return status();
  } catch (err) {
    if (isCancellation(err)) {
      update({ type: 'closed', phase: 'cancelled' });
      await CancellationScope.nonCancellable(async () => publish());
    }
    throw err;
  }

  /** The update's steps resolved as the steps after the ones already run. */
  function resolveRemaining(specs: Parameters<typeof resolveSchedule>[0]) {
    return resolveSchedule(specs, 'schedule', machine.nextIndex, machine.schedule[machine.nextIndex - 1]?.afterMs ?? 0);
  }

  async function runSend(step: ScheduleStep, number: number, total: number, dueAt: string): Promise<ReminderRecord> {
    // Without a discount policy there is nothing to issue: no call, no promise (each costs the SDK a stack trace).
    const { offer, offerError } = discountPolicy ? await offerForStep(discountPolicy, number, total) : {};
    // Read after issuing the offer: checkout events that arrived meanwhile count for this send.
    const { progress, lastActivityAt } = machine;
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
      const { sendReminder } = sendActivities(`send reminder ${number} by ${by}`);
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
        // The activity records the step and sends nothing: the holdout's record of what it missed.
        ...(holdout && { holdout: true }),
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
  async function offerForStep(
    policy: DiscountPolicy,
    number: number,
    total: number,
  ): Promise<{ offer?: IssuedOffer; offerError?: string }> {
    const { progress } = machine;
    const reason = progress.events > 0 ? abandonReason(progress) : undefined;
    const wanted = offerFor(policy, checkout, reason, number, total);
    // A holdout checkout is sent nothing, so no code is issued for it (absent in older inputs).
    if (!wanted || holdout || !patched(PATCHES.discountOffers)) return {};
    const known = issuedOffers.get(number);
    if (known) return { offer: known };
    try {
      const { issueDiscountCode } = issueActivities(`issue discount code for reminder ${number}`);
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
      const { sendOrderConfirmation } = sendActivities(`send order confirmation for ${placed.orderId}`);
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
