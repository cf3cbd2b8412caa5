// Signals, queries and updates of the checkout-recovery workflow. Side-effect free so the API
// can import them without pulling in workflow code.
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { CheckoutState, CheckoutStatus, ScheduleStepSpec } from './checkout';
import type { CheckoutEvent } from './checkout-events';
import type { CustomerPreferences } from './customer-preferences';

export const WORKFLOW_TYPE = 'checkoutRecovery';
/** An order that arrived before its checkout (same workflow id as the checkout's). */
export const EARLY_ORDER_WORKFLOW_TYPE = 'earlyOrder';

export interface OrderedSignal {
  orderId: string;
  total?: number;
}

export interface ActivitySignal {
  /** Epoch ms of the shopper's action; defaults to when the workflow receives the signal. */
  at?: number;
}

export interface CheckoutEventsSignal {
  events: CheckoutEvent[];
}

export interface SupersededSignal {
  /** The newer checkout of the same customer. */
  by: string;
}

export interface PreferencesSignal {
  preferences: CustomerPreferences;
}

export const orderedSignal = defineSignal<[OrderedSignal]>('ordered');

/** What the `order` update answers: the order is recorded and no reminder send is in flight any more. */
export interface OrderAck {
  confirmed: true;
  /** The order the checkout keeps (the first one, if another came before). */
  orderId: string;
  state: CheckoutState;
  /** Reminders sent before the order took effect (a send in flight when it arrived counts, if it went out). */
  remindersSent: number;
}
/**
 * The order, acknowledged: the handler records it, stops the schedule and answers once any send in
 * flight has ended, so no provider call can begin after the answer.
 */
export const orderUpdate = defineUpdate<OrderAck, [OrderedSignal]>('order');
/** A newer checkout of the same customer took over: this one stops, sending nothing more. */
export const supersededSignal = defineSignal<[SupersededSignal]>('superseded');
/** The shopper's checkout steps; each counts as activity and feeds the abandonment reason. */
/** The customer changed their preferences: an opt-out stops the checkout, the rest re-plans it. */
export const preferencesSignal = defineSignal<[PreferencesSignal]>('preferences');
export const checkoutEventsSignal = defineSignal<[CheckoutEventsSignal]>('checkoutEvents');
export const activitySignal = defineSignal<[ActivitySignal]>('activity');
export const statusQuery = defineQuery<CheckoutStatus>('status');
/** Replaces the steps not yet sent; returns the new status. Rejected by its validator when invalid. */
export const rescheduleUpdate = defineUpdate<CheckoutStatus, [{ schedule: ScheduleStepSpec[] }]>('reschedule');

/** The workflow id is derived from the business key, so a repeated start finds the same workflow. */
export function workflowIdFor(checkoutId: string): string {
  return `checkout-${checkoutId}`;
}
