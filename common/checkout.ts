import type { AbandonReason, CheckoutProgress } from './checkout-events';
import type { CustomerPreferences } from './customer-preferences';
import type { DiscountPolicy, IssuedOffer } from './discount-offer';
import type { PushSubscriptionJSON } from './push-subscription';
import type { QuietHours } from './quiet-hours';

// The checkout as it travels from the API into the workflow input. Plain data, no I/O:
// imported by the API, the workflow bundle and the activities alike.

export interface CartLine {
  sku: string;
  name: string;
  quantity: number;
  /** Price of one unit in the cart's currency, major units (19.99). */
  unitPrice: number;
  imageUrl?: string;
}

export interface Cart {
  /** ISO 4217 code, e.g. "EUR". */
  currency: string;
  total: number;
  items: CartLine[];
}

export interface Customer {
  /** The shop's opaque customer id; the only customer field that reaches search attributes. */
  id: string;
  email: string;
  name?: string;
  /** BCP 47 tag used to format money and pick the greeting, e.g. "de-DE". */
  locale?: string;
  /** IANA zone, e.g. "Europe/Berlin". */
  timezone?: string;
  /** The shop's loyalty tier, e.g. "gold": discount rules may depend on it. */
  tier?: string;
  /** E.164 mobile number for SMS, e.g. "+14155550123". */
  phone?: string;
  /** The browser's PushSubscription.toJSON(), for web push. */
  pushSubscription?: PushSubscriptionJSON;
}

export interface Checkout {
  checkoutId: string;
  customer: Customer;
  cart: Cart;
  /** Where a reminder's button sends the shopper back to. */
  checkoutUrl: string;
}

export const CHANNELS = ['email', 'sms', 'push'] as const;
export type Channel = (typeof CHANNELS)[number];

export const TEMPLATES = ['friendly', 'cart', 'last-chance'] as const;
export type TemplateName = (typeof TEMPLATES)[number];

/** One reminder of a schedule, as configured or requested: `after` is a human duration. */
export interface ScheduleStepSpec {
  after: string;
  /** A channel, or channels to try in order (the next when the customer cannot be reached on one). */
  channel?: Channel | Channel[];
  template?: TemplateName;
}

/** A schedule step resolved for the workflow: offsets in ms from the shopper's last activity. */
export interface ScheduleStep {
  after: string;
  afterMs: number;
  /** The step's (first) channel: quiet hours and the status name it. */
  channel: Channel;
  /** Set when the step names a list: every channel to try, in order (`channel` is the first). */
  channels?: Channel[];
  template: TemplateName;
}

/**
 * How reminders respect the customer, as data copied into each workflow's input (configuration in
 * config/policy.json). Later rules (caps, consent, offers) join it here.
 */
export interface RecoveryPolicy {
  /** Local window, in the customer's zone, when no message goes out; null: none. */
  quietHours: QuietHours | null;
  /** Per-channel windows that replace `quietHours` for that channel (null: none for it). */
  channelQuietHours?: Partial<Record<Channel, QuietHours | null>>;
  /** IANA zone for customers whose checkout carries none. */
  defaultTimezone: string;
  /**
   * Reminders held by quiet hours go out within this long (a duration like "10m") after the window
   * ends, each at a stable offset from its checkout id, not all in the same second; absent or null: at the end.
   */
  quietHoursSpread?: string | null;
  /**
   * No recovery message within this long (a duration like "16h") of one sent for another of the
   * customer's checkouts; absent or null: no cap. A checkout's own schedule is never capped.
   */
  frequencyCap?: string | null;
  /** Offers with unique, expiring discount codes (common/discount-offer.ts); absent or null: none. */
  discount?: DiscountPolicy | null;
  /**
   * US-style rules for recovery texts: at most `maxTexts` SMS per checkout, none later than `within`
   * (a duration like "48h") after the abandonment. A step whose SMS they forbid falls back to its
   * next channel. Absent or null: no rules.
   */
  smsRules?: SmsRules | null;
}

export interface SmsRules {
  maxTexts: number;
  within: string;
}

export interface CheckoutRecoveryInput {
  checkout: Checkout;
  schedule: ScheduleStep[];
  /** Epoch ms of the shopper's last activity; defaults to the workflow's start. */
  lastActivityAt?: number;
  /**
   * Send an order confirmation when the order arrives (default true). Shops that confirm orders
   * themselves turn it off: one activity, i.e. one billable Action, less per ordered checkout.
   */
  sendOrderConfirmation?: boolean;
  /** Absent in inputs from before policies existed: no quiet hours. */
  policy?: RecoveryPolicy;
  /**
   * The customer's own preferences when the checkout started (opt-out, channels, quiet hours,
   * zone); later changes arrive as the `preferences` signal. Absent: none stored.
   */
  preferences?: CustomerPreferences;
  /**
   * The customer is in the holdout group (decided by the API at start, HOLDOUT_PERCENT): the schedule
   * runs and every step is recorded, but no recovery message goes out. Absent: treated as usual.
   */
  holdout?: boolean;
}

/**
 * Started by an order that arrived before its checkout (events arrive out of order): the workflow
 * records the order and closes, so the checkout, when it shows up, finds it ordered and sends nothing.
 */
export interface EarlyOrderInput {
  earlyOrder: { checkoutId: string };
}

export type RecoveryWorkflowInput = CheckoutRecoveryInput | EarlyOrderInput;

export const CHECKOUT_STATES = [
  'waiting',
  'reminding',
  'ordered',
  'expired',
  'cancelled',
  'superseded',
  'unsubscribed',
] as const;
export type CheckoutState = (typeof CHECKOUT_STATES)[number];

export interface ReminderRecord {
  step: number;
  /** The channel that delivered it; the step's first channel when none did. */
  channel: Channel;
  template: TemplateName;
  /** `delayed`: held back by the frequency cap; the same step is tried again at `delayed.until`. */
  outcome: 'sent' | 'failed' | 'suppressed' | 'delayed';
  /** ISO time the outcome was recorded. */
  at: string;
  /** ISO time the step was due. */
  dueAt: string;
  messageId?: string;
  reason?: string;
  /** Sent later than due, and why (quiet hours). */
  delayed?: SendDelay;
  /** Suppressed because the customer had opted out: the checkout stops. */
  optedOut?: boolean;
  /** The discount code this reminder carried. */
  offer?: IssuedOffer;
  /** The policy offered a discount but no code could be issued: the reminder went without it, and why. */
  offerError?: string;
  /** Channels of the step passed over before `channel`, and why (no address, consent, SMS rules, rejected). */
  skipped?: ChannelSkip[];
}

export interface ChannelSkip {
  channel: Channel;
  reason: string;
}

export interface SendDelay {
  reason: string;
  /** ISO time the message was allowed to go. */
  until: string;
}

export interface OrderRecord {
  orderId: string;
  total?: number;
  receivedAt: string;
  /** 0 when the order came before any reminder, else the number of reminders sent before it. */
  afterStep: number;
  /** The order arrived before the checkout itself was known. */
  beforeCheckout?: boolean;
  confirmation?: { outcome: 'sent' | 'failed' | 'skipped'; messageId?: string; reason?: string };
}

export interface CheckoutStatus {
  checkoutId: string;
  /** Empty when only an early order is known. */
  customerId: string;
  state: CheckoutState;
  startedAt: string;
  lastActivityAt: string;
  nextDueAt: string | null;
  remindersSent: number;
  reminders: ReminderRecord[];
  /** Steps not yet run, with their due times. */
  upcoming: Array<ScheduleStep & { step: number; dueAt: string; delayed?: SendDelay }>;
  order: OrderRecord | null;
  /** The newer checkout of the same customer that replaced this one (state `superseded`). */
  supersededBy?: string;
  /** The customer's preferences as the checkout last heard of them (absent: none stored). */
  preferences?: CustomerPreferences;
  /** What the shopper's checkout events add up to (absent before events existed). */
  progress?: CheckoutProgress;
  abandonReason?: AbandonReason;
  /** Set when the checkout is in the holdout group: no recovery message goes out. */
  holdout?: true;
}
