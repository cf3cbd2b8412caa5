// The activities, wired from explicit dependencies so the worker and the tests wire them
// differently. What a send does step by step is in send/delivery.ts; a reminder's channels and
// what may rule each out in send/reminder-routes.ts.
import { ApplicationFailure, Context } from '@temporalio/activity';
import type { Channel } from '../common/checkout';
import { type BrandConfig, DEFAULT_BRAND, shopNameFrom } from '../config/brand';
import { confirmationKey, reminderKey } from '../storage/send-ledger';
import type { ChannelSender } from './channels/channel-sender';
import { emailChannel } from './channels/email-channel';
import type {
  CustomerConsent,
  RecoveryActivities,
  SendOrderConfirmationInput,
  SendReminderInput,
  SendResult,
} from './contract';
import type { ActivityDependencies } from './dependencies';
import { issueDiscountCodeWith } from './discounts/activity';
import { buildMime, confirmationHeaders } from './mime';
import { deliveryThrough, SUPPRESSING_STATES, type SuppressingState } from './send/delivery';
import { HOLDOUT_REASON, recordReminderEvents, reminderEvents } from './send/reminder-events';
import { reminderRoutes } from './send/reminder-routes';
import { renderOrderConfirmation } from './templates';

export type { ChannelSender, PreparedSend, ReminderContent } from './channels/channel-sender';
export type { ActivityDependencies } from './dependencies';
export { BUSY_RETRY_DELAY_MS } from './send/delivery';

export function createActivities(deps: ActivityDependencies): RecoveryActivities {
  const brand: BrandConfig = deps.brand ?? { ...DEFAULT_BRAND, sender: deps.from, shopName: shopNameFrom(deps.from) };
  const senders = new Map<Channel, ChannelSender>([
    ['email', emailChannel(deps.mailer, { ...brand, sender: deps.from })],
    ...(deps.channels ?? []).map((sender) => [sender.channel, sender] as const),
  ]);
  const deliver = deliveryThrough(deps.ledger);

  /** The checkout's state, when it means the message must not go out any more. */
  async function stateBlockingSend(): Promise<SuppressingState | undefined> {
    const workflowId = Context.current().info.workflowExecution?.workflowId;
    if (!deps.checkoutState || !workflowId) return undefined;
    const state = await deps.checkoutState(workflowId);
    return SUPPRESSING_STATES.find((s) => s === state);
  }

  /** One attempt at one reminder through the delivery pipeline (send/delivery.ts). */
  async function deliverReminder(
    input: SendReminderInput,
    onStopped: () => void,
    onRecorded: () => void,
  ): Promise<SendResult> {
    const { checkout, step, channel, template, frequencyCapMs, requestedAt } = input;
    const { checkoutId } = checkout;
    // Read once per attempt, right before the send: the routes and the opt-out check share it.
    // With the preferences in the ledger's database, the claim reads it in the same statement.
    let read: Promise<CustomerConsent | undefined> | undefined;
    const consent = () => (read ??= deps.consent?.(checkout.customer.id) ?? Promise.resolve(undefined));
    const consentOf = deps.consentInLedger ? checkout.customer.id : undefined;
    return deliver({
      key: reminderKey(checkoutId, step),
      meta: { checkoutId, kind: 'reminder', step, ...(consentOf !== undefined && { consentOf }) },
      onClaimed: (facts) => {
        if (facts.consent !== undefined) read = Promise.resolve(facts.consent ?? undefined);
      },
      routes: reminderRoutes(deps, senders, input, consent),
      stoppable: true,
      onStopped,
      // In the ledger's database: the sent reminder's records go with its mark, one statement.
      ...(deps.events &&
        deps.eventsInLedger && {
          sentRecords: (sent) => reminderEvents(input, { result: { outcome: 'sent', ...sent } }, new Date()),
          onRecorded,
        }),
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
  }

  return {
    async sendReminder(input: SendReminderInput): Promise<SendResult> {
      if (input.holdout) {
        // The holdout's step: recorded, never sent, on no channel.
        const result: SendResult = { outcome: 'suppressed', reason: HOLDOUT_REASON };
        const { checkoutId } = input.checkout;
        Context.current().log.info('send suppressed', { checkoutId, step: input.step, reason: HOLDOUT_REASON });
        await recordReminderEvents(deps.events, reminderEvents(input, { result }, new Date()));
        return result;
      }
      let result: SendResult;
      let stopped = false;
      let recorded = false;
      try {
        result = await deliverReminder(
          input,
          () => {
            stopped = true;
          },
          () => {
            recorded = true;
          },
        );
      } catch (err) {
        // A permanent failure ends this step; a transient one is retried and recorded when it ends.
        if (err instanceof ApplicationFailure && err.nonRetryable)
          await recordReminderEvents(deps.events, reminderEvents(input, { failure: err.message }, new Date()));
        throw err;
      }
      if (!recorded) await recordReminderEvents(deps.events, reminderEvents(input, { result, stopped }, new Date()));
      return result;
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
                email: await renderOrderConfirmation({ checkout, orderId, total, brand }),
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
