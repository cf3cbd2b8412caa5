Object.defineProperty(exports, '__esModule', { value: true });
exports.checkoutRecovery = checkoutRecovery;
// One workflow per checkout: wait out the shopper's inactivity, send each reminder of the
// schedule when it falls due, stop the moment an order arrives. Deterministic: no I/O here,
// only Temporal's clock and the activities below. The file reads in the samples' order: the
// message definitions (common/messages.ts, shared with the API), activity proxies with their
// timeouts, state (one machine, common/checkout-machine.ts), handlers, then the logic.
const workflow_1 = require('@temporalio/workflow');
const checkout_events_1 = require('../common/checkout-events');
const checkout_failures_1 = require('../common/checkout-failures');
const checkout_machine_1 = require('../common/checkout-machine');
const discount_offer_1 = require('../common/discount-offer');
const duration_1 = require('../common/duration');
const messages_1 = require('../common/messages');
const recovery_plan_1 = require('../common/recovery-plan');
const schedule_1 = require('../common/schedule');
const search_attributes_1 = require('../common/search-attributes');
const validate_checkout_1 = require('../common/validate-checkout');
const early_order_1 = require('./early-order');
const patches_1 = require('./patches');
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
};
// Issuing is one insert in the ledger's database, or one call to the shop platform's API. 15 min of
// retries rides out a database failover; after that the reminder goes without the offer rather than
// late, and the status says why.
const ISSUE_OPTIONS = {
  startToCloseTimeout: '30s',
  scheduleToCloseTimeout: '15m',
  retry: { initialInterval: '1s', backoffCoefficient: 2, maximumInterval: '1m' },
};
/** One proxy per call, so each activity carries its own summary in the UI's timeline. */
const sendActivities = (summary) => (0, workflow_1.proxyActivities)({ ...SEND_OPTIONS, summary });
const issueActivities = (summary) => (0, workflow_1.proxyActivities)({ ...ISSUE_OPTIONS, summary });
const iso = (ms) => new Date(ms).toISOString();
async function checkoutRecovery(input) {
  // Early orders recorded before they had a workflow type of their own (earlyOrder) replay here.
  if (input && 'earlyOrder' in input) return (0, early_order_1.legacyEarlyOrder)(input);
  const errors = (0, validate_checkout_1.validateRecoveryInput)(input);
  if (errors.length > 0) {
    throw workflow_1.ApplicationFailure.nonRetryable(
      `Invalid checkout input: ${(0, validate_checkout_1.describeErrors)(errors)}`,
      checkout_failures_1.INVALID_CHECKOUT_INPUT,
    );
  }
  const { checkout } = input;
  const holdout = input.holdout === true;
  // ---- Behaviour gates (workflows/patches.ts says when each old branch can go) ----
  const lean = (0, workflow_1.patched)(patches_1.PATCHES.leanActions);
  /** The start request's time, not the first task's: with a start delay they are far apart. */
  const startFromRequestTime = lean;
  /** Search attributes set once at start; the status lives in the query and the result. */
  const statusOnlyInQueryAndResult = lean;
  /** Quiet hours and the frequency cap came with the policy, which only this version carries. */
  const honoursSendPolicy = lean;
  /** The order confirmation can be turned off (`sendOrderConfirmation: false`). */
  const confirmationOptional = lean;
  /** Reminders held by quiet hours leave spread over the policy's quietHoursSpread. */
  const spreadQuietHours = (0, workflow_1.patched)(patches_1.PATCHES.quietHoursSpread);
  // ---- State: one machine, changed only through apply (common/checkout-machine.ts) ----
  let machine = (0, checkout_machine_1.start)(
    input,
    startFromRequestTime ? (0, workflow_1.workflowInfo)().startTime.getTime() : Date.now(),
  );
  const update = (message) => {
    machine = (0, checkout_machine_1.apply)(machine, message);
  };
  let published = { reason: 'unknown', step: '' }; // search attributes as last upserted
  // Set when the frequency cap held a step back: the step waits at least until then.
  let heldUntil = 0;
  // Codes issued per step: a step the frequency cap held back offers the same code without asking again.
  const issuedOffers = new Map();
  const discountPolicy = input.policy?.discount;
  const capSpec = honoursSendPolicy ? input.policy?.frequencyCap : undefined;
  const capDuration = capSpec ? (0, duration_1.parseDuration)(capSpec) : undefined;
  const frequencyCapMs = capDuration?.ok ? capDuration.ms : undefined;
  const smsRules = input.policy?.smsRules ?? undefined;
  const status = () => (0, checkout_machine_1.statusOf)(machine);
  // ---- Handlers (set before the first await: signals sent before the start are delivered here) ----
  (0, workflow_1.setHandler)(messages_1.statusQuery, status);
  (0, workflow_1.setHandler)(messages_1.orderedSignal, ({ orderId, total }) =>
    update({ type: 'ordered', orderId, total, receivedAt: Date.now() }),
  );
  (0, workflow_1.setHandler)(messages_1.orderUpdate, async ({ orderId, total }) => {
    update({ type: 'ordered', orderId, total, receivedAt: Date.now() });
    // The loop starts no send once an order is recorded; one already running ends before the answer.
    await (0, workflow_1.condition)(() => !machine.sendInFlight);
    const order = machine.order;
    return {
      confirmed: true,
      orderId: order.orderId,
      state: 'ordered',
      remindersSent: (0, checkout_machine_1.sentCount)(machine),
    };
  });
  (0, workflow_1.setHandler)(messages_1.activitySignal, ({ at }) =>
    update({ type: 'activity', at, receivedAt: Date.now() }),
  );
  (0, workflow_1.setHandler)(messages_1.supersededSignal, ({ by }) => update({ type: 'superseded', by }));
  (0, workflow_1.setHandler)(messages_1.preferencesSignal, ({ preferences }) =>
    update({ type: 'preferences', preferences }),
  );
  (0, workflow_1.setHandler)(messages_1.checkoutEventsSignal, ({ events }) => {
    update({ type: 'checkoutEvents', events, receivedAt: Date.now() });
    const reason = (0, checkout_events_1.abandonReason)(machine.progress);
    // A custom step named with free text is published as "custom" (CheckoutStep is never encrypted);
    // the gate is asked only when a name needs it, so older histories publish what they did then.
    const given = machine.progress.lastStep ?? '';
    const safe = (0, checkout_events_1.publishableStep)(given);
    const step = safe === given || !(0, workflow_1.patched)(patches_1.PATCHES.checkoutStepSlug) ? given : safe;
    if (reason !== published.reason || step !== published.step) {
      (0, workflow_1.upsertSearchAttributes)([
        { key: search_attributes_1.AbandonReasonKey, value: reason },
        { key: search_attributes_1.CheckoutStepKey, value: step },
      ]);
      published = { reason, step };
    }
  });
  (0, workflow_1.setHandler)(
    messages_1.rescheduleUpdate,
    ({ schedule: specs }) => {
      const resolved = resolveRemaining(specs);
      if (!resolved.ok)
        throw (0, checkout_failures_1.invalidSchedule)((0, validate_checkout_1.describeErrors)(resolved.errors)); // unreachable: validator ran
      update({ type: 'rescheduled', steps: resolved.steps });
      return status();
    },
    {
      validator: ({ schedule: specs }) => {
        if (machine.order) throw (0, checkout_failures_1.checkoutClosed)('ordered');
        if (!(0, checkout_machine_1.isOpen)(machine)) throw (0, checkout_failures_1.checkoutClosed)(machine.phase);
        const resolved = resolveRemaining(specs);
        if (!resolved.ok) {
          const lastRun = machine.schedule[machine.nextIndex - 1];
          const after = lastRun
            ? ` (steps are offsets from the last activity; ${machine.nextIndex} already ran, the last at ${lastRun.after})`
            : '';
          throw (0, checkout_failures_1.invalidSchedule)(
            `${(0, validate_checkout_1.describeErrors)(resolved.errors)}${after}`,
          );
        }
      },
    },
  );
  // ---- Logic ----
  const publish = () => {
    (0, workflow_1.setCurrentDetails)(describeForUi(status()));
    if (statusOnlyInQueryAndResult) return;
    (0, workflow_1.upsertSearchAttributes)([
      { key: search_attributes_1.CheckoutStatusKey, value: machine.phase },
      { key: search_attributes_1.RemindersSentKey, value: (0, checkout_machine_1.sentCount)(machine) },
    ]);
  };
  if (!(0, workflow_1.workflowInfo)().typedSearchAttributes.get(search_attributes_1.CustomerIdKey)) {
    // Started by a client that did not set them: the UI filter by customer must still work.
    (0, workflow_1.upsertSearchAttributes)([
      { key: search_attributes_1.CustomerIdKey, value: checkout.customer.id },
      { key: search_attributes_1.CartTotalKey, value: checkout.cart.total },
    ]);
  }
  publish();
  try {
    while (!(0, checkout_machine_1.stopReason)(machine) && machine.nextIndex < machine.schedule.length) {
      const step = machine.schedule[machine.nextIndex];
      const number = machine.nextIndex + 1;
      const dueMs = machine.lastActivityAt + step.afterMs;
      // Quiet hours move the send, never drop it; a step the frequency cap held back waits for the
      // cap, then for quiet hours again.
      const moment = honoursSendPolicy
        ? (0, recovery_plan_1.sendMoment)(
            (0, checkout_machine_1.planOf)(machine),
            step,
            Math.max(dueMs, heldUntil),
            spreadQuietHours,
          )
        : { at: dueMs, delayed: undefined };
      const waitMs = moment.at - Date.now();
      if (waitMs > 0) {
        update({ type: 'planned' });
        const why = moment.delayed
          ? ` (${moment.delayed.reason})`
          : heldUntil > dueMs
            ? ' (frequency cap: another checkout of this customer was messaged)'
            : '';
        const summary = `wait ${(0, duration_1.formatDuration)(waitMs)} for reminder ${number}${why}`;
        await (0, workflow_1.condition)(
          () => machine.order !== null || machine.supersededBy !== null || machine.replan,
          waitMs,
          {
            summary,
          },
        );
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
    const stop = (0, checkout_machine_1.stopReason)(machine);
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
    await (0, workflow_1.condition)(workflow_1.allHandlersFinished);
    return status();
  } catch (err) {
    if ((0, workflow_1.isCancellation)(err)) {
      update({ type: 'closed', phase: 'cancelled' });
      await workflow_1.CancellationScope.nonCancellable(async () => publish());
    }
    throw err;
  }
  /** The update's steps resolved as the steps after the ones already run. */
  function resolveRemaining(specs) {
    return (0, schedule_1.resolveSchedule)(
      specs,
      'schedule',
      machine.nextIndex,
      machine.schedule[machine.nextIndex - 1]?.afterMs ?? 0,
    );
  }
  async function runSend(step, number, total, dueAt) {
    const { offer, offerError } = await offerForStep(number, total);
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
      const result = await sendReminder({
        checkout,
        step: number,
        stepsTotal: total,
        channel: step.channel,
        ...(step.channels && { channels: step.channels }),
        template: step.template,
        ...(progress.events > 0 && { abandonReason: (0, checkout_events_1.abandonReason)(progress), progress }),
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
      if ((0, workflow_1.isCancellation)(err)) throw err;
      return { ...base, outcome: 'failed', at: iso(Date.now()), reason: failureReason(err) };
    }
  }
  /** The discount code this step offers, if the policy gives it one; why not, if issuing failed. */
  async function offerForStep(number, total) {
    const policy = discountPolicy;
    const { progress } = machine;
    const reason = progress.events > 0 ? (0, checkout_events_1.abandonReason)(progress) : undefined;
    const wanted = policy ? (0, discount_offer_1.offerFor)(policy, checkout, reason, number, total) : null;
    // A holdout checkout is sent nothing, so no code is issued for it (absent in older inputs).
    if (!policy || !wanted || holdout || !(0, workflow_1.patched)(patches_1.PATCHES.discountOffers)) return {};
    const known = issuedOffers.get(number);
    if (known) return { offer: known };
    try {
      const { issueDiscountCode } = issueActivities(`issue discount code for reminder ${number}`);
      const issued = await issueDiscountCode({
        checkoutId: checkout.checkoutId,
        customerId: checkout.customer.id,
        step: number,
        offer: wanted,
        validForMs: (0, discount_offer_1.offerValidForMs)(policy),
        requestedAt: Date.now(),
      });
      const offer = { ...issued.offer, code: issued.code, expiresAt: issued.expiresAt };
      issuedOffers.set(number, offer);
      return { offer };
    } catch (err) {
      if ((0, workflow_1.isCancellation)(err)) throw err;
      return { offerError: failureReason(err) };
    }
  }
  async function sendConfirmation(placed) {
    try {
      const { sendOrderConfirmation } = sendActivities(`send order confirmation for ${placed.orderId}`);
      const result = await sendOrderConfirmation({ checkout, orderId: placed.orderId, total: placed.total });
      return {
        outcome: result.outcome === 'sent' ? 'sent' : 'skipped',
        messageId: result.messageId,
        reason: result.reason,
      };
    } catch (err) {
      if ((0, workflow_1.isCancellation)(err)) throw err;
      return { outcome: 'failed', reason: failureReason(err) };
    }
  }
}
function failureReason(err) {
  const cause = err instanceof workflow_1.ActivityFailure ? err.cause : err;
  if (cause instanceof workflow_1.ApplicationFailure)
    return cause.type ? `${cause.type}: ${cause.message}` : cause.message;
  return cause instanceof Error ? cause.message : String(cause);
}
/** Markdown for the Temporal UI's "current details": the customer's story so far. */
function describeForUi(s) {
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
//# sourceMappingURL=checkout-recovery.js.map
