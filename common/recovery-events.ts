// Every step of a checkout's journey as a typed, append-only record (the analytics' raw data).
// Written where each thing happens — the API for what comes in, the send activities for sends —
// never from workflow code. Each record's id is derived from what it records, so a retried write
// finds its row already there and does nothing.
import type { Channel } from './checkout';
import type { AbandonReason, CheckoutEvent } from './checkout-events';

export const RECOVERY_EVENT_TYPES = [
  'checkout_started',
  'checkout_event',
  'activity',
  'reminder_sent',
  'reminder_suppressed',
  'reminder_failed',
  'reminder_delayed',
  'link_clicked',
  'unsubscribed',
  'ordered',
  'closed',
] as const;
export type RecoveryEventType = (typeof RECOVERY_EVENT_TYPES)[number];

/** What every record carries. `at`: ISO time it happened. */
interface Envelope {
  id: string;
  checkoutId: string;
  /** Empty when unknown (an order that came before its checkout). */
  customerId: string;
  at: string;
}

/** What a reminder record says about the reminder. */
interface ReminderFields {
  step: number;
  channel: Channel;
  /** The offer's kind ("percent", "fixed", "free_shipping") and code, when the reminder carried one. */
  offer?: string;
  code?: string;
  /** Why the shopper likely left, as the message was tailored to it. */
  abandonReason?: AbandonReason;
}

export type RecoveryEventBody =
  | {
      type: 'checkout_started';
      cartValue: number;
      currency: string;
      customerTier?: string;
      /** In the holdout group: the checkout runs and records everything, but no recovery message goes out. */
      holdout: boolean;
    }
  /**
   * One event accepted by POST /checkouts/:id/events (without the partial address: analytics need no
   * part of it), with the abandonment reason all the checkout's events so far add up to.
   */
  | { type: 'checkout_event'; event: RecordedCheckoutEvent; reason: AbandonReason }
  | { type: 'activity' }
  | ({ type: 'reminder_sent'; messageId?: string } & ReminderFields)
  | ({ type: 'reminder_suppressed'; reason: string } & ReminderFields)
  | ({ type: 'reminder_failed'; reason: string } & ReminderFields)
  | ({ type: 'reminder_delayed'; reason: string; until: string } & ReminderFields)
  /** A resume link followed; `channel`: the one that delivered that step's reminder, when known. */
  | { type: 'link_clicked'; step: number; channel?: Channel }
  | { type: 'unsubscribed'; source: 'link' | 'api' }
  | {
      type: 'ordered';
      orderId: string;
      total?: number;
      currency?: string;
      discountCode?: string;
      /** Reminders sent before the order (0: it came before any). */
      afterStep: number;
    }
  | { type: 'closed'; state: 'ordered' | 'expired' | 'cancelled' | 'superseded' | 'unsubscribed' };

export type RecoveryEvent = Envelope & RecoveryEventBody;

export type RecordedCheckoutEvent = Omit<CheckoutEvent, 'address'>;

/** Ids of the records a retry must not repeat: one per thing that happened. */
export const eventIds = {
  started: (checkoutId: string) => `${checkoutId}:started`,
  reminder: (checkoutId: string, step: number, outcome: 'sent' | 'suppressed' | 'failed') =>
    `${checkoutId}:reminder:${step}:${outcome}`,
  delayed: (checkoutId: string, step: number, until: string) => `${checkoutId}:reminder:${step}:delayed:${until}`,
  order: (checkoutId: string, orderId: string) => `${checkoutId}:order:${orderId}`,
  closed: (checkoutId: string) => `${checkoutId}:closed`,
};
