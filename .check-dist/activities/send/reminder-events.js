Object.defineProperty(exports, '__esModule', { value: true });
exports.HOLDOUT_REASON = void 0;
exports.reminderEvents = reminderEvents;
exports.recordReminderEvents = recordReminderEvents;
// The analytics record of a reminder's outcome, written by the send activity that knows it. A
// failed write fails the attempt (retryable): Temporal retries it, the ledger answers "already
// sent" without a second provider call, and the record is written then (its id makes it once).
const activity_1 = require('@temporalio/activity');
const recovery_events_1 = require('../../common/recovery-events');
const contract_1 = require('../contract');
/** The suppression reason of a holdout checkout's reminders. */
exports.HOLDOUT_REASON = 'holdout';
const offerKind = (offer) =>
  offer.freeShipping ? 'free_shipping' : offer.percent !== undefined ? `${offer.percent}%` : `${offer.amount} off`;
/** The records one outcome makes: the reminder's, and the close when it ended the checkout. */
function reminderEvents(input, outcome, now) {
  const { checkout, step, stepsTotal } = input;
  const { checkoutId } = checkout;
  const at = now.toISOString();
  const base = {
    checkoutId,
    customerId: checkout.customer.id,
    at,
    step,
    channel: 'result' in outcome ? (outcome.result.channel ?? input.channel) : input.channel,
    ...(input.offer && { offer: offerKind(input.offer), code: input.offer.code }),
    ...(input.abandonReason && { abandonReason: input.abandonReason }),
  };
  const events = [];
  let endsCheckout = step >= stepsTotal ? 'expired' : undefined;
  if ('failure' in outcome) {
    events.push({
      ...base,
      id: recovery_events_1.eventIds.reminder(checkoutId, step, 'failed'),
      type: 'reminder_failed',
      reason: outcome.failure,
    });
  } else {
    const { result } = outcome;
    const reason = result.reason ?? '';
    if (result.outcome === 'sent') {
      events.push({
        ...base,
        id: recovery_events_1.eventIds.reminder(checkoutId, step, 'sent'),
        type: 'reminder_sent',
        ...(result.messageId && { messageId: result.messageId }),
      });
    } else if (result.outcome === 'delayed') {
      const until = result.until ?? at;
      events.push({
        ...base,
        id: recovery_events_1.eventIds.delayed(checkoutId, step, until),
        type: 'reminder_delayed',
        reason,
        until,
      });
      endsCheckout = undefined; // the same step is tried again
    } else {
      events.push({
        ...base,
        id: recovery_events_1.eventIds.reminder(checkoutId, step, 'suppressed'),
        type: 'reminder_suppressed',
        reason,
      });
      if (result.optedOut) endsCheckout = 'unsubscribed';
      // Stopped by an order, a cancel or a supersede: the API recorded that close.
      if (outcome.stopped) endsCheckout = undefined;
    }
  }
  if (endsCheckout)
    events.push({
      checkoutId,
      customerId: checkout.customer.id,
      at,
      id: recovery_events_1.eventIds.closed(checkoutId),
      type: 'closed',
      state: endsCheckout,
    });
  return events;
}
/** Writes the records, or fails the attempt so that Temporal retries it. */
async function recordReminderEvents(store, events) {
  if (!store) return;
  try {
    await store.append(events);
  } catch (err) {
    throw activity_1.ApplicationFailure.create({
      type: contract_1.TRANSIENT_SEND_FAILURE,
      message: `could not record the reminder's outcome for analytics: ${err instanceof Error ? err.message : String(err)}`,
      details: [{ reason: 'error' }],
    });
  }
}
//# sourceMappingURL=reminder-events.js.map
