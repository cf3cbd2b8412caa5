// The send activities, built from explicit dependencies so the worker and the tests wire them
// differently. Each message goes: dedupe claim → (re-check) → render → MIME → SES → mark sent.
// A failure before SES accepted the message releases the claim so Temporal's retry may send.
// Every attempt is counted for the worker's metrics (metrics.ts).
import { ApplicationFailure, Context } from '@temporalio/activity';
import type { Customer } from '../common/checkout';
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
import { buildMime, confirmationHeaders, reminderHeaders } from './mime';
import { type ClaimMeta, confirmationKey, reminderKey, type SendLedger } from './send-ledger';
import type { Mailer } from './ses-mailer';
import { type RenderedEmail, renderOrderConfirmation, renderReminder } from './templates';
import { reasonNote, resumeTarget } from './templates/reason-note';

export interface ActivityDependencies {
  mailer: Mailer;
  ledger: SendLedger;
  /** The From header and SES Source, e.g. "Your Shop <shop@example.com>". */
  from: string;
  /** The API's public URL and the secrets and lifetimes of the signed links in reminders. */
  links: LinkSettings;
  /** The checkout's current state, asked right before a reminder goes out (an order may land meanwhile). */
  checkoutState?: (workflowId: string) => Promise<string | undefined>;
  /** What the customer allows (the preference store), asked right before a reminder goes out. */
  consent?: (customerId: string) => Promise<CustomerConsent | undefined>;
  /**
   * Hands out the discount codes reminders offer: the ledger's own (LedgerDiscountCodes) or the
   * shop platform's. Without one, issueDiscountCode refuses and reminders go without offers.
   */
  discounts?: DiscountCodeIssuer;
}

// Another attempt holds a fresh claim (usually one Temporal already timed out that is still
// finishing its SES call): by 10 s it has marked the message sent or released it.
export const BUSY_RETRY_DELAY_MS = 10_000;
const SUPPRESSING_STATES = ['ordered', 'cancelled', 'superseded'] as const;
type SuppressingState = (typeof SUPPRESSING_STATES)[number];

interface Delivery {
  key: string;
  meta: ClaimMeta;
  to: Customer;
  /** Builds the message (links are signed here, at send time); an error is permanent. */
  message: () => { email: RenderedEmail; headers: Record<string, string> };
  /** The checkout's state when it means the message must not go out any more. */
  recheck?: () => Promise<SuppressingState | undefined>;
  /** Why the customer's consent forbids this message now, if it does (opted out, channel refused). */
  consentBlocks?: () => Promise<{ reason: string; optedOut: boolean } | undefined>;
  /** The frequency cap across the customer's checkouts, when the checkout's policy has one. */
  /** `nowMs`: the workflow's clock when it asked for the send, so the cap and its timers agree. */
  cap?: { customerId: string; checkoutId: string; capMs: number; nowMs: number };
  labels: MessageLabels;
  logAttrs: Record<string, unknown>;
}

export function createActivities(deps: ActivityDependencies): RecoveryActivities {
  /** One attempt at one message, counted: sent, suppressed (with why) or failed (with why). */
  async function deliver(d: Delivery): Promise<SendResult> {
    const metrics = sendMetrics(Context.current().metricMeter);
    try {
      return await attempt(d, metrics);
    } catch (err) {
      metrics.failed(d.labels, failureReasonOf(err));
      throw err;
    }
  }

  async function attempt(d: Delivery, metrics: SendMetrics): Promise<SendResult> {
    const { log } = Context.current();
    const claim = await deps.ledger.claim(d.key, d.meta);
    if (claim.state === 'sent') {
      log.info('message already sent by an earlier attempt; not sending again', {
        ...d.logAttrs,
        messageId: claim.messageId,
      });
      metrics.suppressed(d.labels, 'already_sent');
      return { outcome: 'sent', messageId: claim.messageId, deduplicated: true };
    }
    if (claim.state === 'busy') {
      throw ApplicationFailure.create({
        type: TRANSIENT_SEND_FAILURE,
        message: `another attempt is sending ${d.key} right now`,
        nextRetryDelay: BUSY_RETRY_DELAY_MS,
        details: [{ reason: 'busy' satisfies SendFailureReason }],
      });
    }

    let messageId: string;
    try {
      // Composed first, so nothing but the SES call follows the re-check: an order acknowledged
      // after the re-check can only race that call (benchmark "races" measures the window).
      const raw = await compose(d);
      const state = await d.recheck?.();
      if (state) {
        await deps.ledger.release(d.key, claim.attempt);
        const reason = `checkout ${state} before the send`;
        log.info('send suppressed', { ...d.logAttrs, reason });
        metrics.suppressed(d.labels, state);
        return { outcome: 'suppressed', reason };
      }
      const refused = await d.consentBlocks?.();
      if (refused) {
        await deps.ledger.release(d.key, claim.attempt);
        log.info('send suppressed', { ...d.logAttrs, reason: refused.reason });
        metrics.suppressed(d.labels, refused.optedOut ? 'unsubscribed' : 'channel_refused');
        return { outcome: 'suppressed', reason: refused.reason, ...(refused.optedOut && { optedOut: true }) };
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
      const started = performance.now();
      const seconds = () => (performance.now() - started) / 1000;
      try {
        ({ messageId } = await deps.mailer.send({ from: deps.from, to: d.to.email, raw }));
      } catch (err) {
        metrics.providerCall(d.labels, 'failed', seconds());
        throw err;
      }
      metrics.providerCall(d.labels, 'sent', seconds());
    } catch (err) {
      if (d.cap) await deps.ledger.dropContact(d.cap.customerId, d.cap.checkoutId).catch(() => undefined); // expires anyway
      await deps.ledger.release(d.key, claim.attempt).catch((releaseErr: unknown) => {
        // The claim goes stale on its own; the send's own failure is what matters here.
        log.warn('could not release the send claim', { ...d.logAttrs, error: String(releaseErr) });
      });
      throw err;
    }

    // Counted before the ledger write: SES has the message whatever the ledger says.
    metrics.sent(d.labels);
    try {
      if (d.cap) await deps.ledger.confirmContact(d.cap.customerId, d.cap.checkoutId, d.cap.nowMs);
      await deps.ledger.markSent(d.key, messageId);
    } catch (err) {
      // SES has the message: failing now would make Temporal retry and send it twice.
      log.warn('message sent but not recorded in the ledger', { ...d.logAttrs, messageId, error: String(err) });
    }
    log.info('message sent', { ...d.logAttrs, messageId });
    return { outcome: 'sent', messageId };
  }

  /** Rendering is deterministic: if it fails once it fails every time, so do not retry it. */
  async function compose(d: Delivery): Promise<Buffer> {
    try {
      return await buildMime({ from: deps.from, to: d.to, ...d.message() });
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

  /** An opt-out stops every recovery message; a refused channel stops this one. */
  async function consentBlocks(customerId: string, channel: string) {
    const consent = await deps.consent?.(customerId);
    if (consent?.optedOut) return { reason: 'customer unsubscribed from recovery messages', optedOut: true };
    if (consent?.channels && !consent.channels.some((c) => c === channel)) {
      return { reason: `customer does not accept ${channel}`, optedOut: false };
    }
    return undefined;
  }

  return {
    async sendReminder(input: SendReminderInput): Promise<SendResult> {
      const { checkout, step, stepsTotal, channel, template, abandonReason, progress, frequencyCapMs, requestedAt } =
        input;
      const { checkoutId } = checkout;
      return deliver({
        key: reminderKey(checkoutId, step),
        meta: { checkoutId, kind: 'reminder', step },
        to: checkout.customer,
        message: () => {
          // After a failed payment the resume link reopens payment with the saved method.
          const target = resumeTarget(checkout.checkoutUrl, abandonReason, progress);
          const links = reminderLinks(deps.links, { ...checkout, checkoutUrl: target }, step);
          const note = reasonNote(checkout, abandonReason, progress, input.offer);
          return {
            email: renderReminder(template, { checkout, step, stepsTotal, ...links, note, offer: input.offer }),
            headers: reminderHeaders(links.unsubscribeUrl, checkoutId, step),
          };
        },
        recheck: stateBlockingSend,
        consentBlocks: () => consentBlocks(checkout.customer.id, channel),
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
        to: checkout.customer,
        message: () => ({
          email: renderOrderConfirmation({ checkout, orderId, total }),
          headers: confirmationHeaders(checkoutId),
        }),
        labels: { kind: 'confirmation', channel: 'email' },
        logAttrs: { checkoutId, orderId },
      });
    },

    issueDiscountCode: issueDiscountCodeWith(deps.discounts),
  };
}
