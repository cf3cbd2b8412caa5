// The records the API writes for what comes in, built from the request (pure: ids derived from
// what each record says, so a retried request writes nothing new).
import { createHash } from 'node:crypto';
import type { CheckoutRecoveryInput } from '../../../common/checkout';
import {
  abandonReason,
  applyEvent,
  type CheckoutEvent,
  inTimeOrder,
  NO_PROGRESS,
} from '../../../common/checkout-events';
import { eventIds, type RecordedCheckoutEvent, type RecoveryEvent } from '../../../common/recovery-events';
import type { CheckoutFacts } from '../../../storage/event-store';

const digest = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('base64url').slice(0, 22);

export function startedRecord(input: CheckoutRecoveryInput, now: Date): RecoveryEvent {
  const { checkout } = input;
  return {
    id: eventIds.started(checkout.checkoutId),
    checkoutId: checkout.checkoutId,
    customerId: checkout.customer.id,
    at: now.toISOString(),
    type: 'checkout_started',
    cartValue: checkout.cart.total,
    currency: checkout.cart.currency,
    ...(checkout.customer.tier && { customerTier: checkout.customer.tier }),
    holdout: input.holdout === true,
  };
}

/** Each accepted event, with the abandonment reason the checkout's events add up to with it. */
export function checkoutEventRecords(
  checkoutId: string,
  facts: CheckoutFacts,
  events: CheckoutEvent[],
): RecoveryEvent[] {
  const customerId = facts.started?.customerId ?? '';
  const recorded = events.map(({ address: _address, ...rest }): RecordedCheckoutEvent => rest);
  const progress = inTimeOrder([...facts.checkoutEvents, ...recorded]).reduce(applyEvent, NO_PROGRESS);
  const reason = abandonReason(progress);
  return recorded.map((event) => ({
    id: `${checkoutId}:event:${digest(event)}`,
    checkoutId,
    customerId,
    at: event.at,
    type: 'checkout_event',
    event,
    reason,
  }));
}

export function activityRecord(checkoutId: string, at: Date): RecoveryEvent {
  const iso = at.toISOString();
  return { id: `${checkoutId}:activity:${iso}`, checkoutId, customerId: '', at: iso, type: 'activity' };
}

export function closedRecord(
  checkoutId: string,
  state: 'ordered' | 'cancelled' | 'superseded',
  now: Date,
): RecoveryEvent {
  return { id: eventIds.closed(checkoutId), checkoutId, customerId: '', at: now.toISOString(), type: 'closed', state };
}

export interface IncomingOrder {
  checkoutId: string;
  orderId: string;
  total?: number;
  discountCode?: string;
}

/** The order, completed from the checkout's records: its currency and how many reminders came before. */
export function orderRecord(order: IncomingOrder, facts: CheckoutFacts, now: Date): RecoveryEvent {
  const { checkoutId, orderId, total, discountCode } = order;
  return {
    id: eventIds.order(checkoutId, orderId),
    checkoutId,
    customerId: facts.started?.customerId ?? '',
    at: now.toISOString(),
    type: 'ordered',
    orderId,
    ...(total !== undefined && { total }),
    ...(facts.started?.currency && { currency: facts.started.currency }),
    ...(discountCode && { discountCode }),
    afterStep: facts.remindersSent,
  };
}
