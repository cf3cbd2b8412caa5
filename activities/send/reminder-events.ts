// The analytics record of a reminder's outcome, written by the send activity that knows it. A
// failed write fails the attempt (retryable): Temporal retries it, the ledger answers "already
// sent" without a second provider call, and the record is written then (its id makes it once).
import { ApplicationFailure } from '@temporalio/activity';
import type { IssuedOffer } from '../../common/discount-offer';
import { eventIds, type RecoveryEvent } from '../../common/recovery-events';
import type { EventStore } from '../../storage/event-store';
import { type SendReminderInput, type SendResult, TRANSIENT_SEND_FAILURE } from '../contract';
import type { SendFailureReason } from '../failure-reasons';

/** The suppression reason of a holdout checkout's reminders. */
export const HOLDOUT_REASON = 'holdout';

const offerKind = (offer: IssuedOffer) =>
  offer.freeShipping ? 'free_shipping' : offer.percent !== undefined ? `${offer.percent}%` : `${offer.amount} off`;

/** The records one outcome makes: the reminder's, and the close when it ended the checkout. */
export function reminderEvents(
  input: SendReminderInput,
  outcome: { result: SendResult; stopped?: boolean } | { failure: string },
  now: Date,
): RecoveryEvent[] {
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
  const events: RecoveryEvent[] = [];
  let endsCheckout: 'expired' | 'unsubscribed' | undefined = step >= stepsTotal ? 'expired' : undefined;
  if ('failure' in outcome) {
    events.push({
      ...base,
      id: eventIds.reminder(checkoutId, step, 'failed'),
      type: 'reminder_failed',
      reason: outcome.failure,
    });
  } else {
    const { result } = outcome;
    const reason = result.reason ?? '';
    if (result.outcome === 'sent') {
      events.push({
        ...base,
        id: eventIds.reminder(checkoutId, step, 'sent'),
        type: 'reminder_sent',
        ...(result.messageId && { messageId: result.messageId }),
      });
    } else if (result.outcome === 'delayed') {
      const until = result.until ?? at;
      events.push({ ...base, id: eventIds.delayed(checkoutId, step, until), type: 'reminder_delayed', reason, until });
      endsCheckout = undefined; // the same step is tried again
    } else {
      events.push({
        ...base,
        id: eventIds.reminder(checkoutId, step, 'suppressed'),
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
      id: eventIds.closed(checkoutId),
      type: 'closed',
      state: endsCheckout,
    });
  return events;
}

/** Writes the records, or fails the attempt so that Temporal retries it. */
export async function recordReminderEvents(store: EventStore | undefined, events: RecoveryEvent[]): Promise<void> {
  if (!store) return;
  try {
    await store.append(events);
  } catch (err) {
    throw ApplicationFailure.create({
      type: TRANSIENT_SEND_FAILURE,
      message: `could not record the reminder's outcome for analytics: ${err instanceof Error ? err.message : String(err)}`,
      details: [{ reason: 'error' satisfies SendFailureReason }],
    });
  }
}
