// One interface for every way a reminder reaches a customer: email (SES), SMS (SNS), web push.
// The send activity tries a step's channels in order through it (activities/index.ts); each
// channel knows the customer's address on it, renders its own form of the reminder and sends it.
import type { Channel, Checkout, Customer, TemplateName } from '../../common/checkout';
import type { IssuedOffer } from '../../common/discount-offer';
import type { ReminderLinks } from '../links';
import type { ReasonNote } from '../templates/reason-note';

/** Everything a channel may say in a reminder; links are signed for this checkout and step. */
export interface ReminderContent {
  checkout: Checkout;
  step: number;
  stepsTotal: number;
  template: TemplateName;
  links: ReminderLinks;
  note?: ReasonNote;
  /** The discount code this reminder offers. */
  offer?: IssuedOffer;
  /** Makes and keeps the short form of the resume link (texts); absent: use `links.resumeUrl`. */
  shortResumeUrl?: () => Promise<string>;
}

/** A rendered reminder, ready to go: calling it is the provider call and nothing else. */
export type PreparedSend = () => Promise<{ messageId: string }>;

export interface ChannelSender {
  readonly channel: Channel;
  /** The customer's address on this channel (email, phone, push endpoint), or undefined: none. */
  addressOf(customer: Customer): string | undefined;
  /** Why this channel will not carry a message to this address (e.g. a country texts may not go to). */
  refuses?(customer: Customer): string | undefined;
  /**
   * Renders the reminder for this channel. Throws when it cannot be built (a template bug: the
   * activity fails it permanently). The returned send throws ApplicationFailures: non-retryable
   * (type PERMANENT_SEND_FAILURE) when the provider refuses this address for good, retryable else.
   */
  prepare(content: ReminderContent): Promise<PreparedSend>;
}
