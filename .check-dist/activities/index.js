Object.defineProperty(exports, '__esModule', { value: true });
exports.BUSY_RETRY_DELAY_MS = void 0;
exports.createActivities = createActivities;
// The activities, wired from explicit dependencies so the worker and the tests wire them
// differently. What a send does step by step is in send/delivery.ts; a reminder's channels and
// what may rule each out in send/reminder-routes.ts.
const activity_1 = require('@temporalio/activity');
const send_ledger_1 = require('../storage/send-ledger');
const email_channel_1 = require('./channels/email-channel');
const activity_2 = require('./discounts/activity');
const mime_1 = require('./mime');
const delivery_1 = require('./send/delivery');
const reminder_events_1 = require('./send/reminder-events');
const reminder_routes_1 = require('./send/reminder-routes');
const templates_1 = require('./templates');
var delivery_2 = require('./send/delivery');
Object.defineProperty(exports, 'BUSY_RETRY_DELAY_MS', { enumerable: true, get: () => delivery_2.BUSY_RETRY_DELAY_MS });
function createActivities(deps) {
  const senders = new Map([
    ['email', (0, email_channel_1.emailChannel)(deps.mailer, deps.from)],
    ...(deps.channels ?? []).map((sender) => [sender.channel, sender]),
  ]);
  const deliver = (0, delivery_1.deliveryThrough)(deps.ledger);
  /** The checkout's state, when it means the message must not go out any more. */
  async function stateBlockingSend() {
    const workflowId = activity_1.Context.current().info.workflowExecution?.workflowId;
    if (!deps.checkoutState || !workflowId) return undefined;
    const state = await deps.checkoutState(workflowId);
    return delivery_1.SUPPRESSING_STATES.find((s) => s === state);
  }
  /** One attempt at one reminder through the delivery pipeline (send/delivery.ts). */
  async function deliverReminder(input, onStopped) {
    const { checkout, step, channel, template, frequencyCapMs, requestedAt } = input;
    const { checkoutId } = checkout;
    // Read once per attempt, right before the send: the routes and the opt-out check share it.
    // With the preferences in the ledger's database, the claim reads it in the same statement.
    let read;
    const consent = () => (read ??= deps.consent?.(checkout.customer.id) ?? Promise.resolve(undefined));
    const consentOf = deps.consentInLedger ? checkout.customer.id : undefined;
    return deliver({
      key: (0, send_ledger_1.reminderKey)(checkoutId, step),
      meta: { checkoutId, kind: 'reminder', step, ...(consentOf !== undefined && { consentOf }) },
      onClaimed: (facts) => {
        if (facts.consent !== undefined) read = Promise.resolve(facts.consent ?? undefined);
      },
      routes: (0, reminder_routes_1.reminderRoutes)(deps, senders, input, consent),
      stoppable: true,
      onStopped,
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
    async sendReminder(input) {
      if (input.holdout) {
        // The holdout's step: recorded, never sent, on no channel.
        const result = { outcome: 'suppressed', reason: reminder_events_1.HOLDOUT_REASON };
        const { checkoutId } = input.checkout;
        activity_1.Context.current().log.info('send suppressed', {
          checkoutId,
          step: input.step,
          reason: reminder_events_1.HOLDOUT_REASON,
        });
        await (0, reminder_events_1.recordReminderEvents)(
          deps.events,
          (0, reminder_events_1.reminderEvents)(input, { result }, new Date()),
        );
        return result;
      }
      let result;
      let stopped = false;
      try {
        result = await deliverReminder(input, () => {
          stopped = true;
        });
      } catch (err) {
        // A permanent failure ends this step; a transient one is retried and recorded when it ends.
        if (err instanceof activity_1.ApplicationFailure && err.nonRetryable)
          await (0, reminder_events_1.recordReminderEvents)(
            deps.events,
            (0, reminder_events_1.reminderEvents)(input, { failure: err.message }, new Date()),
          );
        throw err;
      }
      await (0, reminder_events_1.recordReminderEvents)(
        deps.events,
        (0, reminder_events_1.reminderEvents)(input, { result, stopped }, new Date()),
      );
      return result;
    },
    async sendOrderConfirmation({ checkout, orderId, total }) {
      const { checkoutId } = checkout;
      return deliver({
        key: (0, send_ledger_1.confirmationKey)(checkoutId, orderId),
        meta: { checkoutId, kind: 'confirmation' },
        routes: [
          {
            channel: 'email',
            async prepare() {
              const raw = await (0, mime_1.buildMime)({
                from: deps.from,
                to: checkout.customer,
                email: (0, templates_1.renderOrderConfirmation)({ checkout, orderId, total }),
                headers: (0, mime_1.confirmationHeaders)(checkoutId),
              });
              return () => deps.mailer.send({ from: deps.from, to: checkout.customer.email, raw });
            },
          },
        ],
        labels: { kind: 'confirmation', channel: 'email' },
        logAttrs: { checkoutId, orderId },
      });
    },
    issueDiscountCode: (0, activity_2.issueDiscountCodeWith)(deps.discounts),
  };
}
//# sourceMappingURL=index.js.map
