// The send activities, built from explicit dependencies so the worker and the tests wire them
// differently. Each message goes: dedupe claim → channels it may use → render → (re-check) →
// provider → mark sent. A step names its channels in order: one the customer has no address for,
// does not accept, or that the SMS rules forbid is skipped; one the provider rejects for good
// hands over to the next. Still one message per step: the claim is the step's, not the channel's.
// A failure before a provider accepted the message releases the claim so Temporal's retry may send.
// Every attempt is counted for the worker's metrics (metrics.ts).
import { createHmac } from 'node:crypto';
import { ApplicationFailure, Context } from '@temporalio/activity';
import type { Channel, ChannelSkip, Checkout, SmsRules } from '../common/checkout';
import { parseDuration } from '../common/duration';
import { type ClaimMeta, confirmationKey, reminderKey, type SendLedger } from '../storage/send-ledger';
import type { ChannelSender, PreparedSend, ReminderContent } from './channels/channel-sender';
import { emailChannel } from './channels/email-channel';
import {
  type CustomerConsent,
  PERMANENT_SEND_FAILURE,
  type RecoveryActivities,
  type SendOrderConfirmationInput,
  type SendReminderInput,
  type SendResult,
  TRANSIENT_SEND_FAILURE,
} from './contract';
import { issueDiscountCodeWith } from './discounts/activity';
import type { DiscountCodeIssuer } from './discounts/issuer';
import { failureReasonOf, type SendFailureReason } from './failure-reasons';
import { type LinkSettings, reminderLinks } from './links';
import { type MessageLabels, type SendMetrics, sendMetrics } from './metrics';
import { buildMime, confirmationHeaders } from './mime';
import type { Mailer } from './ses-mailer';
import { renderOrderConfirmation } from './templates';
import { reasonNote, resumeTarget } from './templates/reason-note';

export type { ChannelSender, PreparedSend, ReminderContent } from './channels/channel-sender';

export interface ActivityDependencies {
  mailer: Mailer;
  ledger: SendLedger;
  /** The From header and SES Source, e.g. "Your Shop <shop@example.com>". */
  from: string;
  /** The API's public URL and the secrets and lifetimes of the signed links in reminders. */
  links: LinkSettings;
  /** The checkout's current state, asked right before a reminder goes out (an order may land meanwhile). */
  checkoutState?: (workflowId: string) => Promise<string | undefined>;
  /**
   * Senders of the other channels (SMS, web push); email is always `mailer`'s. A step's channel
   * with no sender here is skipped in favour of the step's next channel.
   */
  channels?: ChannelSender[];
  /** What the customer allows (the preference store), asked right before a reminder goes out. */
  consent?: (customerId: string) => Promise<CustomerConsent | undefined>;
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
}

// Another attempt holds a fresh claim (usually one Temporal already timed out that is still
// finishing its SES call): by 10 s it has marked the message sent or released it.
export const BUSY_RETRY_DELAY_MS = 10_000;
const SUPPRESSING_STATES = ['ordered', 'cancelled', 'superseded'] as const;
/** A skip reason that starts so is the customer's refusal of that channel. */
const CONSENT_REFUSAL = 'customer does not accept';
const ADDRESS_NAMES: Record<Channel, string> = {
  email: 'email address',
  sms: 'phone number',
  push: 'push subscription',
};
type SuppressingState = (typeof SUPPRESSING_STATES)[number];

/** One way a message may go out. */
interface Route {
  channel: Channel;
  /** Why this channel cannot carry the message (no address, consent, SMS rules), or undefined. */
  skip?: () => Promise<string | undefined>;
  /** Builds the message (links are signed here, at send time); an error is permanent. */
  prepare: () => Promise<PreparedSend>;
  /** Gives back what `skip` reserved (a text under the phone cap) when this route did not deliver. */
  release?: () => Promise<void>;
}

interface Delivery {
  key: string;
  meta: ClaimMeta;
  /** Tried in order; the first that takes the message is the one. */
  routes: Route[];
  /** The checkout's state when it means the message must not go out any more. */
  recheck?: () => Promise<SuppressingState | undefined>;
  /** True when the customer has opted out of every recovery message (refused channels are the routes'). */
  optedOut?: () => Promise<boolean>;
  /** The frequency cap across the customer's checkouts, when the checkout's policy has one. */
  /** `nowMs`: the workflow's clock when it asked for the send, so the cap and its timers agree. */
  cap?: { customerId: string; checkoutId: string; capMs: number; nowMs: number };
  /** Metric labels of the first route; each provider call is labelled with its own channel. */
  labels: MessageLabels;
  logAttrs: Record<string, unknown>;
}

const isPermanent = (err: unknown) => err instanceof ApplicationFailure && err.nonRetryable === true;
const describeSkips = (skipped: ChannelSkip[]) => skipped.map((s) => `${s.channel}: ${s.reason}`).join('; ');

export function createActivities(deps: ActivityDependencies): RecoveryActivities {
  const senders = new Map<Channel, ChannelSender>([
    ['email', emailChannel(deps.mailer, deps.from)],
    ...(deps.channels ?? []).map((sender) => [sender.channel, sender] as const),
  ]);

  /** One attempt at one message, counted: sent, suppressed (with why) or failed (with why). */
  async function deliver(d: Delivery): Promise<SendResult> {
    const metrics = sendMetrics(Context.current().metricMeter);
    const current = { labels: d.labels }; // the channel being tried, for a failure's label
    let result: SendResult | undefined;
    try {
      result = await attempt(d, metrics, current);
      return result;
    } catch (err) {
      metrics.failed(current.labels, failureReasonOf(err));
      throw err;
    } finally {
      const delivered = result?.outcome === 'sent' ? result.channel : undefined;
      for (const route of d.routes) {
        if (route.release && route.channel !== delivered) await route.release().catch(() => undefined); // expires anyway
      }
    }
  }

  async function attempt(d: Delivery, metrics: SendMetrics, current: { labels: MessageLabels }): Promise<SendResult> {
    const { log } = Context.current();
    const claim = await deps.ledger.claim(d.key, d.meta);
    if (claim.state === 'sent') {
      log.info('message already sent by an earlier attempt; not sending again', {
        ...d.logAttrs,
        messageId: claim.messageId,
      });
      metrics.suppressed(d.labels, 'already_sent');
      const channel = (claim.channel ?? d.routes[0]?.channel) as Channel | undefined;
      return { outcome: 'sent', messageId: claim.messageId, deduplicated: true, ...(channel && { channel }) };
    }
    if (claim.state === 'busy') {
      throw ApplicationFailure.create({
        type: TRANSIENT_SEND_FAILURE,
        message: `another attempt is sending ${d.key} right now`,
        nextRetryDelay: BUSY_RETRY_DELAY_MS,
        details: [{ reason: 'busy' satisfies SendFailureReason }],
      });
    }

    let messageId: string | undefined;
    let channel: Channel | undefined;
    const skipped: ChannelSkip[] = [];
    try {
      // Composed first, so nothing but the provider call follows the re-check: an order acknowledged
      // after the re-check can only race that call (benchmark "races" measures the window).
      const usable: Array<{ channel: Channel; send: PreparedSend }> = [];
      for (const route of d.routes) {
        const why = await route.skip?.();
        if (why) skipped.push({ channel: route.channel, reason: why });
        else usable.push({ channel: route.channel, send: await compose(route) });
      }
      const skips = skipped.length > 0 ? { skipped: [...skipped] } : {};
      const state = await d.recheck?.();
      if (state) {
        await deps.ledger.release(d.key, claim.attempt);
        const reason = `checkout ${state} before the send`;
        log.info('send suppressed', { ...d.logAttrs, reason });
        metrics.suppressed(d.labels, state);
        return { outcome: 'suppressed', reason, ...skips };
      }
      if (await d.optedOut?.()) {
        await deps.ledger.release(d.key, claim.attempt);
        const reason = 'customer unsubscribed from recovery messages';
        log.info('send suppressed', { ...d.logAttrs, reason });
        metrics.suppressed(d.labels, 'unsubscribed');
        return { outcome: 'suppressed', reason, optedOut: true };
      }
      if (usable.length === 0) {
        await deps.ledger.release(d.key, claim.attempt);
        // One channel: its own reason; several: each one's.
        const reason =
          skipped.length === 1
            ? (skipped[0]?.reason ?? '')
            : `no channel can reach the customer: ${describeSkips(skipped)}`;
        log.info('send suppressed', { ...d.logAttrs, reason });
        const refusedAll = skipped.every((skip) => skip.reason.startsWith(CONSENT_REFUSAL));
        metrics.suppressed(d.labels, refusedAll ? 'channel_refused' : 'no_channel');
        return { outcome: 'suppressed', reason, ...skips };
      }
      if (d.cap) {
        const hold = await deps.ledger.holdContact(d.cap.customerId, d.cap.checkoutId, d.cap.capMs, d.cap.nowMs);
        if (!hold.held) {
          await deps.ledger.release(d.key, claim.attempt);
          const reason =
            hold.because === 'sent'
              ? "frequency cap: another of the customer's checkouts was messaged recently"
              : "frequency cap: a message for another of the customer's checkouts is going out now";
          log.info('send delayed', { ...d.logAttrs, reason, until: hold.until.toISOString() });
          metrics.suppressed(d.labels, 'frequency_cap');
          return { outcome: 'delayed', reason, until: hold.until.toISOString() };
        }
      }
      for (const [i, route] of usable.entries()) {
        current.labels = { ...d.labels, channel: route.channel };
        const started = performance.now();
        const seconds = () => (performance.now() - started) / 1000;
        try {
          ({ messageId } = await route.send());
          channel = route.channel;
          metrics.providerCall(current.labels, 'sent', seconds());
          break;
        } catch (err) {
          metrics.providerCall(current.labels, 'failed', seconds());
          if (!isPermanent(err)) throw err;
          const reason = err instanceof Error ? err.message : String(err);
          if (i < usable.length - 1) {
            // This address can never take it: the step's next channel may.
            metrics.failed(current.labels, failureReasonOf(err));
            log.info('channel rejected the message for good; trying the next', {
              ...d.logAttrs,
              channel: route.channel,
              reason,
            });
            skipped.push({ channel: route.channel, reason });
            continue;
          }
          if (skipped.length === 0) throw err;
          const failure = err as ApplicationFailure;
          throw ApplicationFailure.create({
            type: failure.type ?? PERMANENT_SEND_FAILURE,
            message: `${reason} (after ${describeSkips(skipped)})`,
            nonRetryable: true,
            details: failure.details as unknown[] | undefined,
          });
        }
      }
    } catch (err) {
      if (d.cap) await deps.ledger.dropContact(d.cap.customerId, d.cap.checkoutId).catch(() => undefined); // expires anyway
      await deps.ledger.release(d.key, claim.attempt).catch((releaseErr: unknown) => {
        // The claim goes stale on its own; the send's own failure is what matters here.
        log.warn('could not release the send claim', { ...d.logAttrs, error: String(releaseErr) });
      });
      throw err;
    }

    if (messageId === undefined || channel === undefined) throw new Error('no channel sent the message'); // unreachable
    // Counted before the ledger write: the provider has the message whatever the ledger says.
    metrics.sent(current.labels);
    try {
      if (d.cap) await deps.ledger.confirmContact(d.cap.customerId, d.cap.checkoutId, d.cap.nowMs);
      await deps.ledger.markSent(d.key, messageId, channel);
    } catch (err) {
      // The provider has the message: failing now would make Temporal retry and send it twice.
      log.warn('message sent but not recorded in the ledger', { ...d.logAttrs, messageId, error: String(err) });
    }
    log.info('message sent', { ...d.logAttrs, messageId, channel });
    return { outcome: 'sent', messageId, channel, ...(skipped.length > 0 && { skipped }) };
  }

  /** Rendering is deterministic: if it fails once it fails every time, so do not retry it. */
  async function compose(route: Route): Promise<PreparedSend> {
    try {
      return await route.prepare();
    } catch (err) {
      throw ApplicationFailure.create({
        type: PERMANENT_SEND_FAILURE,
        message: `cannot build the message: ${err instanceof Error ? err.message : String(err)}`,
        nonRetryable: true,
        details: [{ reason: 'invalid_message' satisfies SendFailureReason }],
      });
    }
  }

  async function stateBlockingSend(): Promise<SuppressingState | undefined> {
    const workflowId = Context.current().info.workflowExecution?.workflowId;
    if (!deps.checkoutState || !workflowId) return undefined;
    const state = await deps.checkoutState(workflowId);
    return SUPPRESSING_STATES.find((s) => s === state);
  }

  /** The reminder's routes: the step's channels in order, each with what may rule it out. */
  function reminderRoutes(input: SendReminderInput, consent: () => Promise<CustomerConsent | undefined>): Route[] {
    const { checkout, step, stepsTotal, template, abandonReason, progress } = input;
    const content = (): ReminderContent => {
      // After a failed payment the resume link reopens payment with the saved method.
      const target = resumeTarget(checkout.checkoutUrl, abandonReason, progress);
      const links = reminderLinks(deps.links, { ...checkout, checkoutUrl: target }, step);
      const note = reasonNote(checkout, abandonReason, progress, input.offer);
      return { checkout, step, stepsTotal, template, links, note, ...(input.offer && { offer: input.offer }) };
    };
    const allowed = async (channel: Channel) => {
      const channels = (await consent())?.channels;
      return !channels || channels.includes(channel);
    };
    const channels = input.channels && input.channels.length > 0 ? input.channels : [input.channel];
    return channels.map((channel) => {
      const sender = senders.get(channel);
      return {
        channel,
        skip: async () => {
          if (!sender) return `no ${channel} sender configured`;
          if (!sender.addressOf(checkout.customer)) return `the customer has no ${ADDRESS_NAMES[channel]}`;
          const refused = sender.refuses?.(checkout.customer);
          if (refused) return refused;
          if (!(await allowed(channel))) return `${CONSENT_REFUSAL} ${channel}`;
          if (channel === 'sms' && input.smsRules) {
            const forbidden = await smsRulesForbid(checkout, input.smsRules, input);
            if (forbidden) return forbidden;
          }
          // Last: it reserves one of the number's texts, given back if this route does not deliver.
          if (channel === 'sms') return phoneCapForbids(input);
          return undefined;
        },
        prepare: () => (sender as ChannelSender).prepare(content()),
        ...(channel === 'sms' &&
          deps.smsPhoneCap && {
            release: () => deps.ledger.releaseText(recipientKey(input), reminderKey(checkout.checkoutId, input.step)),
          }),
      };
    });
  }

  /** The ledger's key for a phone number: an HMAC, so the database holds no numbers. */
  function recipientKey({ checkout }: SendReminderInput): string {
    const secret = deps.links.secrets[0] ?? '';
    return createHmac('sha256', secret)
      .update(`sms-recipient:${checkout.customer.phone ?? ''}`)
      .digest('base64url');
  }

  async function phoneCapForbids(input: SendReminderInput): Promise<string | undefined> {
    const cap = deps.smsPhoneCap;
    if (!cap) return undefined;
    const key = reminderKey(input.checkout.checkoutId, input.step);
    const now = input.requestedAt ?? Date.now();
    const held = await deps.ledger.reserveText(recipientKey(input), key, cap.maxTexts, cap.withinMs, now);
    if (held.reserved) return undefined;
    return `SMS phone cap: this number already got ${held.texts} text(s) within ${cap.spec.split('/')[1] ?? ''} (at most ${cap.maxTexts})`;
  }

  /** US-style SMS rules: at most so many texts per checkout, none after the window since abandonment. */
  async function smsRulesForbid(
    checkout: Checkout,
    rules: SmsRules,
    { abandonedAt, requestedAt }: SendReminderInput,
  ): Promise<string | undefined> {
    const window = parseDuration(rules.within);
    const now = requestedAt ?? Date.now();
    if (window.ok && abandonedAt !== undefined && now - abandonedAt > window.ms) {
      return `SMS rules: more than ${rules.within} since the checkout was abandoned`;
    }
    const texts = await deps.ledger.countSent(checkout.checkoutId, 'sms');
    if (texts >= rules.maxTexts) {
      return `SMS rules: ${texts} text(s) already sent for this checkout (at most ${rules.maxTexts})`;
    }
    return undefined;
  }

  return {
    async sendReminder(input: SendReminderInput): Promise<SendResult> {
      const { checkout, step, channel, template, frequencyCapMs, requestedAt } = input;
      const { checkoutId } = checkout;
      // Read once per attempt, right before the send: the routes and the opt-out check share it.
      let read: Promise<CustomerConsent | undefined> | undefined;
      const consent = () => (read ??= deps.consent?.(checkout.customer.id) ?? Promise.resolve(undefined));
      return deliver({
        key: reminderKey(checkoutId, step),
        meta: { checkoutId, kind: 'reminder', step },
        routes: reminderRoutes(input, consent),
        recheck: stateBlockingSend,
        optedOut: async () => (await consent())?.optedOut === true,
        ...(frequencyCapMs &&
          frequencyCapMs > 0 && {
            cap: {
              customerId: checkout.customer.id,
              checkoutId,
              capMs: frequencyCapMs,
              nowMs: requestedAt ?? Date.now(),
            },
          }),
        labels: { kind: 'reminder', channel, step },
        logAttrs: { checkoutId, step, template },
      });
    },

    async sendOrderConfirmation({ checkout, orderId, total }: SendOrderConfirmationInput): Promise<SendResult> {
      const { checkoutId } = checkout;
      return deliver({
        key: confirmationKey(checkoutId, orderId),
        meta: { checkoutId, kind: 'confirmation' },
        routes: [
          {
            channel: 'email',
            async prepare() {
              const raw = await buildMime({
                from: deps.from,
                to: checkout.customer,
                email: renderOrderConfirmation({ checkout, orderId, total }),
                headers: confirmationHeaders(checkoutId),
              });
              return () => deps.mailer.send({ from: deps.from, to: checkout.customer.email, raw });
            },
          },
        ],
        labels: { kind: 'confirmation', channel: 'email' },
        logAttrs: { checkoutId, orderId },
      });
    },

    issueDiscountCode: issueDiscountCodeWith(deps.discounts),
  };
}
