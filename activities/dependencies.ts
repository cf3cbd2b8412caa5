// What the activities are built from: the worker wires the real ones, tests their own.
import type { BrandConfig } from '../config/brand';
import type { EventStore } from '../storage/event-store';
import type { SendLedger } from '../storage/send-ledger';
import type { ShortLinks } from '../storage/short-links';
import type { ChannelSender } from './channels/channel-sender';
import type { CustomerConsent } from './contract';
import type { DiscountCodeIssuer } from './discounts/issuer';
import type { LinkSettings } from './links';
import type { Mailer } from './ses-mailer';

export interface ActivityDependencies {
  mailer: Mailer;
  ledger: SendLedger;
  /** The From header and SES Source, e.g. "Your Shop <shop@example.com>". */
  from: string;
  /** The shop's name, logo and colours in emails (config/brand.ts); default: DEFAULT_BRAND with `from`. */
  brand?: BrandConfig;
  /** The API's public URL and the secrets and lifetimes of the signed links in reminders. */
  links: LinkSettings;
  /**
   * The checkout's current state, asked right before a reminder goes out when the ledger holds no
   * stop record for it (the API records orders there first; tests and other integrations may ask elsewhere).
   */
  checkoutState?: (workflowId: string) => Promise<string | undefined>;
  /**
   * Senders of the other channels (SMS, web push); email is always `mailer`'s. A step's channel
   * with no sender here is skipped in favour of the step's next channel.
   */
  channels?: ChannelSender[];
  /** What the customer allows (the preference store), asked right before a reminder goes out. */
  consent?: (customerId: string) => Promise<CustomerConsent | undefined>;
  /** `consent` reads the ledger's own database: the send's claim reads it in the same statement instead. */
  consentInLedger?: boolean;
  /**
   * Hands out the discount codes reminders offer: the ledger's own (LedgerDiscountCodes) or the
   * shop platform's. Without one, issueDiscountCode refuses and reminders go without offers.
   */
  discounts?: DiscountCodeIssuer;
  /**
   * At most `maxTexts` texts to one phone number within `withinMs`, whatever checkout or customer id
   * they were for (SMS_PHONE_CAP): the per-customer frequency cap trusts the caller's customer id.
   */
  smsPhoneCap?: { maxTexts: number; withinMs: number; spec: string };
  /** The analytics event stream: each reminder's outcome is recorded there (absent: not recorded). */
  events?: EventStore;
  /** `events` is in the ledger's own database: a sent reminder's records go in the statement that marks it sent. */
  eventsInLedger?: boolean;
  /** Where texts' short resume links are kept (`/r/<id>`); without it a text carries the long signed link. */
  shortLinks?: ShortLinks;
}
