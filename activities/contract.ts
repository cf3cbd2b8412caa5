// What the workflow may ask of the outside world. The workflow imports this file with
// `import type` only; implementations live beside it and are built by `createActivities`.
import type { Channel, ChannelSkip, Checkout, SmsRules, TemplateName } from '../common/checkout';
import type { AbandonReason, CheckoutProgress } from '../common/checkout-events';
import type { DiscountOffer, IssuedOffer } from '../common/discount-offer';

export interface SendReminderInput {
  checkout: Checkout;
  /** 1-based step number; with the checkout id it is the dedupe key of this message. */
  step: number;
  stepsTotal: number;
  channel: Channel;
  /** The step's channels in the order to try (absent: `channel` alone). */
  channels?: Channel[];
  template: TemplateName;
  /** Why the shopper likely left, and how far they got: picks the message's content. */
  abandonReason?: AbandonReason;
  progress?: CheckoutProgress;
  /** No message within this many ms of one sent for another of the customer's checkouts. */
  frequencyCapMs?: number;
  /** Epoch ms on the workflow's clock when it asked for this send: the frequency cap's clock. */
  requestedAt?: number;
  /** The policy's SMS rules (at most so many texts per checkout, none later than `within` after abandonment). */
  smsRules?: SmsRules;
  /** Epoch ms of the abandonment (the shopper's last activity): the SMS rules' window counts from it. */
  abandonedAt?: number;
  /** The discount code this reminder offers (issued by issueDiscountCode right before). */
  offer?: IssuedOffer;
  /** The checkout is in the holdout group: record the step, send nothing (reason `holdout`). */
  holdout?: boolean;
}

export interface IssueDiscountCodeInput {
  checkoutId: string;
  customerId: string;
  /** 1-based reminder step: with the checkout id it identifies the code, so a retry gets the same one. */
  step: number;
  offer: DiscountOffer;
  validForMs: number;
  /** Epoch ms on the workflow's clock: the code expires validForMs after it. */
  requestedAt: number;
}

export interface IssuedDiscountCode {
  code: string;
  /** ISO time the code stops working. */
  expiresAt: string;
  /** What the code gives (the first issue's, when the step is retried). */
  offer: DiscountOffer;
}

export interface SendOrderConfirmationInput {
  checkout: Checkout;
  orderId: string;
  total?: number;
}

export interface SendResult {
  /**
   * `suppressed`: nothing was sent on purpose (the checkout was ordered meanwhile). `delayed`: the
   * frequency cap holds it until `until` (another checkout of the customer was just messaged).
   */
  outcome: 'sent' | 'suppressed' | 'delayed';
  /** `delayed` only: ISO time the message may be tried again. */
  until?: string;
  messageId?: string;
  reason?: string;
  /** True when an earlier attempt had already sent this message and its id was reused. */
  deduplicated?: boolean;
  /** `suppressed` because the customer opted out of all recovery messages. */
  optedOut?: boolean;
  /** `sent`: the channel that delivered it. */
  channel?: Channel;
  /** The step's channels passed over, and why (no address, consent, SMS rules, a permanent rejection). */
  skipped?: ChannelSkip[];
}

/** What the customer allows, read right before each send (the preference store). */
export interface CustomerConsent {
  optedOut: boolean;
  /** Allowed channels; undefined: every channel. A step's refused channels fall back to its next one. */
  channels?: Channel[];
}

/** Failure types the activities raise; the workflow records them as the reminder's reason. */
export const PERMANENT_SEND_FAILURE = 'PermanentSendFailure';
export const TRANSIENT_SEND_FAILURE = 'TransientSendFailure';
/** The issuer (or the shop's platform) refused the offer: retrying cannot help, send without it. */
export const DISCOUNT_CODE_REFUSED = 'DiscountCodeRefused';

export interface RecoveryActivities {
  sendReminder(input: SendReminderInput): Promise<SendResult>;
  sendOrderConfirmation(input: SendOrderConfirmationInput): Promise<SendResult>;
  issueDiscountCode(input: IssueDiscountCodeInput): Promise<IssuedDiscountCode>;
}
