Object.defineProperty(exports, '__esModule', { value: true });
exports.planOf = exports.isOpen = exports.isUnsubscribed = exports.sentCount = void 0;
exports.start = start;
exports.stopReason = stopReason;
exports.apply = apply;
exports.statusOf = statusOf;
const checkout_events_1 = require('./checkout-events');
const recovery_plan_1 = require('./recovery-plan');
function start(input, startedAt) {
  return {
    input,
    startedAt,
    phase: 'waiting',
    lastActivityAt: (0, recovery_plan_1.initialLastActivity)(input, startedAt),
    schedule: [...input.schedule],
    nextIndex: 0,
    reminders: [],
    order: null,
    supersededBy: null,
    preferences: input.preferences,
    progress: checkout_events_1.NO_PROGRESS,
    replan: false,
    sendInFlight: false,
  };
}
const sentCount = (s) => s.reminders.filter((r) => r.outcome === 'sent').length;
exports.sentCount = sentCount;
const isUnsubscribed = (s) => s.preferences?.optedOut === true;
exports.isUnsubscribed = isUnsubscribed;
const isOpen = (s) => s.phase === 'waiting' || s.phase === 'reminding';
exports.isOpen = isOpen;
/** What the plan depends on: the input's policy and checkout, and the customer's current preferences. */
const planOf = (s) => ({ ...s.input, preferences: s.preferences });
exports.planOf = planOf;
/** Whether the schedule must stop before its next step, and as what. */
function stopReason(s) {
  if (s.order) return 'ordered';
  if (s.supersededBy) return 'superseded';
  if ((0, exports.isUnsubscribed)(s)) return 'unsubscribed';
  return null;
}
function apply(s, message) {
  switch (message.type) {
    case 'ordered':
      if (s.order) return s; // a repeated order event changes nothing
      return {
        ...s,
        order: {
          orderId: message.orderId,
          total: message.total,
          receivedAt: new Date(message.receivedAt).toISOString(),
          afterStep: (0, exports.sentCount)(s),
        },
      };
    case 'activity':
      // Only before the first reminder: after that the recovery sequence has begun and keeps its pace.
      if (s.order || s.nextIndex > 0) return s;
      return {
        ...s,
        lastActivityAt: (0, recovery_plan_1.laterActivity)(s.lastActivityAt, message.at, message.receivedAt),
        replan: true,
      };
    case 'checkoutEvents':
      return applyCheckoutEvents(s, message.events, message.receivedAt);
    case 'superseded':
      if (s.order || s.supersededBy || typeof message.by !== 'string') return s;
      return { ...s, supersededBy: message.by };
    case 'preferences':
      if (s.order || typeof message.preferences !== 'object' || message.preferences === null) return s;
      // Their quiet hours or zone may move the next send; an opt-out ends the wait.
      return { ...s, preferences: message.preferences, replan: true };
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
function applyCheckoutEvents(s, events, receivedAt) {
  if (s.order || !Array.isArray(events)) return s;
  const usable = events.filter(
    (e) => checkout_events_1.CHECKOUT_EVENT_TYPES.includes(e?.type) && Number.isFinite(Date.parse(e?.at ?? '')),
  );
  let next = s;
  for (const event of (0, checkout_events_1.inTimeOrder)(usable)) {
    next = { ...next, progress: (0, checkout_events_1.applyEvent)(next.progress, event) };
    // Like the activity signal: before the first reminder each step pushes the schedule back.
    if (next.nextIndex === 0) {
      next = {
        ...next,
        lastActivityAt: (0, recovery_plan_1.laterActivity)(next.lastActivityAt, Date.parse(event.at), receivedAt),
        replan: true,
      };
    }
  }
  return next;
}
/** The status the query, the result and the API report. */
function statusOf(s) {
  const upcoming = (0, exports.isOpen)(s)
    ? (0, recovery_plan_1.plannedSteps)((0, exports.planOf)(s), s.schedule, s.nextIndex, s.lastActivityAt)
    : [];
  return {
    checkoutId: s.input.checkout.checkoutId,
    customerId: s.input.checkout.customer.id,
    state: s.phase,
    startedAt: new Date(s.startedAt).toISOString(),
    lastActivityAt: new Date(s.lastActivityAt).toISOString(),
    nextDueAt: upcoming[0]?.dueAt ?? null,
    remindersSent: (0, exports.sentCount)(s),
    reminders: [...s.reminders],
    upcoming,
    order: s.order,
    ...(s.supersededBy && { supersededBy: s.supersededBy }),
    ...(s.preferences && { preferences: s.preferences }),
    ...(s.progress.events > 0 && {
      progress: s.progress,
      abandonReason: (0, checkout_events_1.abandonReason)(s.progress),
    }),
    ...(s.input.holdout === true && { holdout: true }),
  };
}
//# sourceMappingURL=checkout-machine.js.map
