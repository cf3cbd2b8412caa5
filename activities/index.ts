// The send activities, built from explicit dependencies so the worker and the tests wire them
// differently. Each message goes: dedupe claim → (re-check) → render → MIME → SES → mark sent.
// A failure before SES accepted the message releases the claim so Temporal's retry may send.
import { ApplicationFailure, Context } from '@temporalio/activity';
import type { Customer } from '../common/checkout';
import {
  PERMANENT_SEND_FAILURE,
  type RecoveryActivities,
  type SendOrderConfirmationInput,
  type SendReminderInput,
  type SendResult,
  TRANSIENT_SEND_FAILURE,
} from './contract';
import { type LinkSettings, reminderLinks } from './links';
import { buildMime, confirmationHeaders, reminderHeaders } from './mime';
import { type ClaimMeta, confirmationKey, reminderKey, type SendLedger } from './send-ledger';
import type { Mailer } from './ses-mailer';
import { type RenderedEmail, renderOrderConfirmation, renderReminder } from './templates';

export interface ActivityDependencies {
  mailer: Mailer;
  ledger: SendLedger;
  /** The From header and SES Source, e.g. "Your Shop <shop@example.com>". */
  from: string;
  /** The API's public URL and the secrets and lifetimes of the signed links in reminders. */
  links: LinkSettings;
  /** The checkout's current state, asked right before a reminder goes out (an order may land meanwhile). */
  checkoutState?: (workflowId: string) => Promise<string | undefined>;
}

// Another attempt holds a fresh claim (usually one Temporal already timed out that is still
// finishing its SES call): by 10 s it has marked the message sent or released it.
export const BUSY_RETRY_DELAY_MS = 10_000;
const SUPPRESSING_STATES = new Set(['ordered', 'cancelled']);

interface Delivery {
  key: string;
  meta: ClaimMeta;
  to: Customer;
  /** Builds the message (links are signed here, at send time); an error is permanent. */
  message: () => { email: RenderedEmail; headers: Record<string, string> };
  /** Returns a reason when the message must not go out any more. */
  recheck?: () => Promise<string | undefined>;
  logAttrs: Record<string, unknown>;
}

export function createActivities(deps: ActivityDependencies): RecoveryActivities {
  async function deliver(d: Delivery): Promise<SendResult> {
    const { log } = Context.current();
    const claim = await deps.ledger.claim(d.key, d.meta);
    if (claim.state === 'sent') {
      log.info('message already sent by an earlier attempt; not sending again', {
        ...d.logAttrs,
        messageId: claim.messageId,
      });
      return { outcome: 'sent', messageId: claim.messageId, deduplicated: true };
    }
    if (claim.state === 'busy') {
      throw ApplicationFailure.create({
        type: TRANSIENT_SEND_FAILURE,
        message: `another attempt is sending ${d.key} right now`,
        nextRetryDelay: BUSY_RETRY_DELAY_MS,
      });
    }

    let messageId: string;
    try {
      const reason = await d.recheck?.();
      if (reason) {
        await deps.ledger.release(d.key, claim.attempt);
        log.info('send suppressed', { ...d.logAttrs, reason });
        return { outcome: 'suppressed', reason };
      }
      const raw = await compose(d);
      ({ messageId } = await deps.mailer.send({ from: deps.from, to: d.to.email, raw }));
    } catch (err) {
      await deps.ledger.release(d.key, claim.attempt).catch((releaseErr: unknown) => {
        // The claim goes stale on its own; the send's own failure is what matters here.
        log.warn('could not release the send claim', { ...d.logAttrs, error: String(releaseErr) });
      });
      throw err;
    }

    try {
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
      throw ApplicationFailure.nonRetryable(
        `cannot build the message: ${err instanceof Error ? err.message : String(err)}`,
        PERMANENT_SEND_FAILURE,
      );
    }
  }

  async function stateBlockingSend(): Promise<string | undefined> {
    const workflowId = Context.current().info.workflowExecution?.workflowId;
    if (!deps.checkoutState || !workflowId) return undefined;
    const state = await deps.checkoutState(workflowId);
    return state && SUPPRESSING_STATES.has(state) ? `checkout ${state} before the send` : undefined;
  }

  return {
    async sendReminder({ checkout, step, stepsTotal, template }: SendReminderInput): Promise<SendResult> {
      const { checkoutId } = checkout;
      return deliver({
        key: reminderKey(checkoutId, step),
        meta: { checkoutId, kind: 'reminder', step },
        to: checkout.customer,
        message: () => {
          const links = reminderLinks(deps.links, checkout, step);
          return {
            email: renderReminder(template, { checkout, step, stepsTotal, ...links }),
            headers: reminderHeaders(links.unsubscribeUrl, checkoutId, step),
          };
        },
        recheck: stateBlockingSend,
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
        logAttrs: { checkoutId, orderId },
      });
    },
  };
}
