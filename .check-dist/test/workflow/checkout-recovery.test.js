var __importDefault = (this && this.__importDefault) || ((mod) => (mod && mod.__esModule ? mod : { default: mod }));
Object.defineProperty(exports, '__esModule', { value: true });
const strict_1 = __importDefault(require('node:assert/strict'));
const node_test_1 = require('node:test');
const activity_1 = require('@temporalio/activity');
const client_1 = require('@temporalio/client');
const common_1 = require('@temporalio/common');
const aws_failures_1 = require('../../activities/aws-failures');
const messages_1 = require('../../common/messages');
const links_1 = require('../support/links');
const payload_keys_1 = require('../support/payload-keys');
const ses_fault_endpoint_1 = require('../support/ses-fault-endpoint');
const recovery_harness_1 = require('./recovery-harness');
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
// Time-skipping fires timers exactly; an activity round trip adds real time to the workflow's
// clock (milliseconds when idle, seconds on a loaded 2-core machine).
const ON_TIME_MS = 5_000;
// The send activities' retry policy starts at 1 s (workflows/checkout-recovery.ts).
const SEND_RETRY_INITIAL_MS = 1_000;
const elapsed = (from, to) => Date.parse(to) - Date.parse(from);
function assertOnTime(status, offsets) {
  strict_1.default.deepEqual(
    status.reminders.map((r) => elapsed(status.lastActivityAt, r.dueAt)),
    offsets,
    'each reminder falls due at its offset from the last activity',
  );
  for (const r of status.reminders) {
    const late = elapsed(r.dueAt, r.at);
    strict_1.default.ok(late >= 0 && late < ON_TIME_MS, `reminder ${r.step} sent ${late} ms after it was due`);
  }
}
(0, node_test_1.describe)('checkout recovery workflow', () => {
  let h;
  (0, node_test_1.before)(async () => {
    h = await recovery_harness_1.RecoveryHarness.start();
  });
  (0, node_test_1.after)(async () => {
    await h?.close();
  });
  (0, node_test_1.test)('runs the default schedule (30m, 1d, 3d) on time, sends three emails and expires', async () => {
    await h.withWorker(async ({ taskQueue }) => {
      const { handle, email, checkoutId } = await h.startCheckout(taskQueue);
      const status = await (0, recovery_harness_1.result)(handle);
      strict_1.default.equal(status.state, 'expired');
      strict_1.default.equal(status.remindersSent, 3);
      strict_1.default.deepEqual(
        status.reminders.map((r) => [r.step, r.template, r.outcome]),
        [
          [1, 'friendly', 'sent'],
          [2, 'cart', 'sent'],
          [3, 'last-chance', 'sent'],
        ],
      );
      assertOnTime(status, [30 * MINUTE, DAY, 3 * DAY]);
      const mails = await h.inbox.messagesTo(email);
      strict_1.default.equal(mails.length, 3);
      strict_1.default.deepEqual(
        mails.map((m) => m.messageId),
        status.reminders.map((r) => r.messageId),
        'the status records the provider message id of each email',
      );
      for (const [i, mail] of mails.entries()) {
        const resume = (0, links_1.signedLinkIn)(mail.body.html, 'resume').claims;
        strict_1.default.ok(resume.target?.endsWith(`/checkout/${checkoutId}`), 'signed resume link to the checkout');
        strict_1.default.equal(resume.step, i + 1);
      }
      strict_1.default.ok(mails[1]?.body.html?.includes('1.234,50'), 'cart total formatted for de-DE');
      const timers = await (0, recovery_harness_1.timerDurations)(handle);
      strict_1.default.equal(timers.length, 3, 'one durable timer per reminder');
    });
  });
  (0, node_test_1.test)(
    'sends no reminder when ordered before the first one, only the order confirmation',
    async () => {
      await h.withWorker(async ({ taskQueue }) => {
        const { handle, email } = await h.startCheckout(taskQueue);
        await handle.signal(messages_1.orderedSignal, { orderId: 'ord-1', total: 1234.5 });
        const status = await (0, recovery_harness_1.result)(handle);
        strict_1.default.equal(status.state, 'ordered');
        strict_1.default.equal(status.remindersSent, 0);
        strict_1.default.equal(status.order?.afterStep, 0);
        strict_1.default.equal(status.order?.confirmation?.outcome, 'sent');
        const mails = await h.inbox.messagesTo(email);
        strict_1.default.equal(mails.length, 1);
        strict_1.default.match(mails[0]?.subject ?? '', /ord-1|order/i);
      });
    },
  );
  (0, node_test_1.test)(
    'stops sending after the ordered signal between reminders and records after which step',
    async () => {
      await h.withWorker(async ({ taskQueue }) => {
        const { handle, email } = await h.startCheckout(taskQueue);
        await h.env.sleep(2 * HOUR); // reminder 1 went out at 30m
        strict_1.default.equal((await handle.query(messages_1.statusQuery)).remindersSent, 1);
        await handle.signal(messages_1.orderedSignal, { orderId: 'ord-2' });
        const status = await (0, recovery_harness_1.result)(handle);
        strict_1.default.equal(status.state, 'ordered');
        strict_1.default.equal(status.order?.afterStep, 1);
        strict_1.default.deepEqual(
          status.reminders.map((r) => r.step),
          [1],
        );
        await h.env.sleep(5 * DAY);
        strict_1.default.equal(
          (await h.inbox.messagesTo(email)).length,
          2,
          'reminder 1 and the confirmation, nothing after',
        );
      });
    },
  );
  (0, node_test_1.test)('an order after the second reminder suppresses only the last one', async () => {
    await h.withWorker(async ({ taskQueue }) => {
      const { handle } = await h.startCheckout(taskQueue);
      await h.env.sleep(2 * DAY);
      await handle.signal(messages_1.orderedSignal, { orderId: 'ord-3' });
      const status = await (0, recovery_harness_1.result)(handle);
      strict_1.default.equal(status.order?.afterStep, 2);
      strict_1.default.equal(status.remindersSent, 2);
    });
  });
  (0, node_test_1.test)('a repeated ordered signal keeps the first order', async () => {
    await h.withWorker(async ({ taskQueue }) => {
      const { handle, email } = await h.startCheckout(taskQueue);
      await handle.signal(messages_1.orderedSignal, { orderId: 'first' });
      await handle.signal(messages_1.orderedSignal, { orderId: 'second' });
      const status = await (0, recovery_harness_1.result)(handle);
      strict_1.default.equal(status.order?.orderId, 'first');
      strict_1.default.equal((await h.inbox.messagesTo(email)).length, 1, 'one confirmation');
    });
  });
  (0, node_test_1.test)('shopper activity before the first reminder pushes the whole schedule back', async () => {
    await h.withWorker(async ({ taskQueue }) => {
      const { handle } = await h.startCheckout(taskQueue);
      await h.env.sleep(20 * MINUTE);
      await handle.signal(messages_1.activitySignal, {});
      await h.env.sleep(20 * MINUTE); // 40m after start: the original 30m reminder must not have gone out
      const mid = await handle.query(messages_1.statusQuery);
      strict_1.default.equal(mid.remindersSent, 0);
      strict_1.default.equal(elapsed(mid.startedAt, mid.lastActivityAt) >= 20 * MINUTE, true);
      strict_1.default.equal(elapsed(mid.lastActivityAt, mid.nextDueAt ?? ''), 30 * MINUTE);
      const status = await (0, recovery_harness_1.result)(handle);
      assertOnTime(status, [30 * MINUTE, DAY, 3 * DAY]);
      strict_1.default.ok(elapsed(status.startedAt, status.reminders[0]?.dueAt ?? '') >= 50 * MINUTE);
    });
  });
  (0, node_test_1.test)('shopper activity after the first reminder does not move the schedule', async () => {
    await h.withWorker(async ({ taskQueue }) => {
      const { handle } = await h.startCheckout(taskQueue);
      await h.env.sleep(HOUR);
      await handle.signal(messages_1.activitySignal, {});
      const status = await (0, recovery_harness_1.result)(handle);
      strict_1.default.equal(status.lastActivityAt, status.startedAt);
      assertOnTime(status, [30 * MINUTE, DAY, 3 * DAY]);
    });
  });
  (0, node_test_1.test)('reschedule replaces the remaining steps of a running checkout', async () => {
    await h.withWorker(async ({ taskQueue }) => {
      const { handle } = await h.startCheckout(taskQueue);
      await h.env.sleep(HOUR);
      const updated = await handle.executeUpdate(messages_1.rescheduleUpdate, {
        args: [{ schedule: [{ after: '2h' }, { after: '6h' }] }],
      });
      strict_1.default.deepEqual(
        updated.upcoming.map((s) => [s.step, s.after]),
        [
          [2, '2h'],
          [3, '6h'],
        ],
      );
      const status = await (0, recovery_harness_1.result)(handle);
      assertOnTime(status, [30 * MINUTE, 2 * HOUR, 6 * HOUR]);
      strict_1.default.equal(status.reminders[2]?.template, 'last-chance');
    });
  });
  (0, node_test_1.test)('reschedule rejects an invalid schedule with the reason and keeps the old one', async () => {
    await h.withWorker(async ({ taskQueue }) => {
      const { handle } = await h.startCheckout(taskQueue);
      await h.env.sleep(HOUR);
      await strict_1.default.rejects(
        handle.executeUpdate(messages_1.rescheduleUpdate, { args: [{ schedule: [{ after: 'soon' }] }] }),
        (err) =>
          err instanceof client_1.WorkflowUpdateFailedError &&
          /schedule\[0\]\.after.*"soon"/.test(String(err.cause?.message)),
      );
      await strict_1.default.rejects(
        handle.executeUpdate(messages_1.rescheduleUpdate, { args: [{ schedule: [{ after: '10m' }] }] }),
        (err) =>
          err instanceof client_1.WorkflowUpdateFailedError &&
          /later than the step before/.test(String(err.cause?.message)),
        'a step before the reminder already sent is rejected',
      );
      const status = await handle.query(messages_1.statusQuery);
      strict_1.default.deepEqual(
        status.upcoming.map((s) => s.after),
        ['1d', '3d'],
      );
      await handle.signal(messages_1.orderedSignal, { orderId: 'done' });
      await (0, recovery_harness_1.result)(handle); // leave no workflow behind for later tests' clock
    });
  });
  (0, node_test_1.test)(
    'a permanent send failure is recorded with its reason, not retried, and the schedule goes on',
    async () => {
      const ses = await (0, ses_fault_endpoint_1.startSesFaultEndpoint)({ queue: [{ kind: 'reject' }] });
      try {
        await h.withWorker(async ({ taskQueue }) => {
          const { handle } = await h.startCheckout(taskQueue, [{ after: '30m' }, { after: '1h' }]);
          const status = await (0, recovery_harness_1.result)(handle);
          strict_1.default.equal(status.state, 'expired');
          strict_1.default.deepEqual(
            status.reminders.map((r) => r.outcome),
            ['failed', 'sent'],
          );
          strict_1.default.match(status.reminders[0]?.reason ?? '', /MessageRejected/);
          strict_1.default.equal(status.remindersSent, 1);
          strict_1.default.equal(ses.count, 2, 'the rejected message was not retried');
        }, h.mailer(ses.url));
      } finally {
        await ses.close();
      }
    },
  );
  (0, node_test_1.test)('a transient SES error is retried with backoff until the reminder goes out', async () => {
    // A 5xx, then throttling: attempt 2 waits the policy's first interval (1 s), attempt 3 the
    // throttling delay the activity asks for (5 s). Spacing is read on the server's clock.
    const ses = await (0, ses_fault_endpoint_1.startSesFaultEndpoint)({
      queue: [{ kind: 'fail' }, { kind: 'throttle' }],
    });
    // Each attempt as SES sees it: its number, and the test server's clock (which skips the backoff).
    const attempts = [];
    const sesMailer = h.mailer(ses.url);
    const recording = {
      send: async (message) => {
        attempts.push({ attempt: activity_1.Context.current().info.attempt, at: await h.env.currentTimeMs() });
        return sesMailer.send(message);
      },
    };
    try {
      await h.withWorker(async ({ taskQueue }) => {
        const { handle } = await h.startCheckout(taskQueue, [{ after: '30m' }]);
        const status = await (0, recovery_harness_1.result)(handle);
        strict_1.default.deepEqual(
          status.reminders.map((r) => r.outcome),
          ['sent'],
        );
        strict_1.default.equal(ses.count, 3);
        strict_1.default.deepEqual(
          ses.requests.map((r) => r.behaviour),
          ['fail', 'throttle', 'ok'],
        );
        const events = (await handle.fetchHistory()).events ?? [];
        const retry = events.find((e) => e.activityTaskScheduledEventAttributes)?.activityTaskScheduledEventAttributes
          ?.retryPolicy;
        strict_1.default.equal(Number(retry?.initialInterval?.seconds), SEND_RETRY_INITIAL_MS / 1000);
        strict_1.default.equal(retry?.backoffCoefficient, 2);
        const started = events.find((e) => e.activityTaskStartedEventAttributes)?.activityTaskStartedEventAttributes;
        strict_1.default.equal(started?.attempt, 3, 'the history records the third attempt as the one that sent');
      }, recording);
      strict_1.default.deepEqual(
        attempts.map((a) => a.attempt),
        [1, 2, 3],
      );
      const [first, second, third] = attempts.map((a) => a.at);
      strict_1.default.ok(
        second - first >= SEND_RETRY_INITIAL_MS,
        `attempt 2 came ${second - first} ms after attempt 1`,
      );
      strict_1.default.ok(
        second - first < aws_failures_1.THROTTLE_RETRY_DELAY_MS,
        'a 5xx waits the first interval, not the throttling delay',
      );
      strict_1.default.ok(
        third - second >= aws_failures_1.THROTTLE_RETRY_DELAY_MS,
        `attempt 3 came ${third - second} ms after attempt 2`,
      );
    } finally {
      await ses.close();
    }
  });
  (0, node_test_1.test)(
    "an order recorded while a reminder's SES call fails: the retry's claim finds it and nothing is mailed",
    async () => {
      const ses = await (0, ses_fault_endpoint_1.startSesFaultEndpoint)({ queue: [{ kind: 'hang' }] });
      try {
        await h.withWorker(async ({ taskQueue }) => {
          // The shopper left an hour ago (on the server's clock): reminder 1 is due at once, its SES call hangs.
          const lastActivityAt = (await h.env.currentTimeMs()) - HOUR;
          // No order confirmation either: every request SES gets is the reminder's.
          const { handle, checkoutId } = await h.startCheckout(taskQueue, [{ after: '30m' }], {
            lastActivityAt,
            sendOrderConfirmation: false,
          });
          await ses.received(1);
          // As POST /orders does when no update answers in time: the stop record, then the signal.
          await h.stops.markStopped(checkoutId, 'ordered');
          await handle.signal(messages_1.orderedSignal, { orderId: 'mid-send' });
          strict_1.default.equal(
            (await handle.query(messages_1.statusQuery)).state,
            'reminding',
            'the send is still in flight',
          );
          ses.answerHanging({ kind: 'fail' }); // SES fails the first attempt: Temporal retries it
          const status = await (0, recovery_harness_1.result)(handle);
          strict_1.default.equal(status.state, 'ordered');
          strict_1.default.equal(status.order?.orderId, 'mid-send');
          const [reminder] = status.reminders;
          strict_1.default.equal(reminder?.outcome, 'suppressed');
          strict_1.default.match(reminder?.reason ?? '', /checkout ordered before the send/);
          strict_1.default.equal(ses.count, 1, 'the retry never reached SES (the one request it got, it failed)');
          strict_1.default.equal(status.remindersSent, 0);
        }, h.mailer(ses.url));
      } finally {
        await ses.close();
      }
    },
  );
  (0, node_test_1.test)(
    "the order update's answer waits for a reminder send in flight: no provider call begins after it",
    async () => {
      const ses = await (0, ses_fault_endpoint_1.startSesFaultEndpoint)({ queue: [{ kind: 'hang' }] });
      try {
        await h.withWorker(async ({ taskQueue }) => {
          const lastActivityAt = (await h.env.currentTimeMs()) - HOUR;
          const { handle } = await h.startCheckout(taskQueue, [{ after: '30m' }, { after: '1h' }], {
            lastActivityAt,
            sendOrderConfirmation: false,
          });
          await ses.received(1); // reminder 1 is at SES, which holds it
          let answered = false;
          const ack = handle
            .executeUpdate(messages_1.orderUpdate, { args: [{ orderId: 'ord-mid-send' }] })
            .finally(() => {
              answered = true;
            });
          await new Promise((r) => setTimeout(r, 1_000));
          strict_1.default.equal(answered, false, 'no answer while the send is in flight');
          ses.answerHanging({ kind: 'ok' });
          const { confirmed, state, remindersSent } = await ack;
          strict_1.default.deepEqual(
            { confirmed, state, remindersSent },
            { confirmed: true, state: 'ordered', remindersSent: 1 },
          );
          const requestsAtAck = ses.count;
          const status = await (0, recovery_harness_1.result)(handle);
          strict_1.default.equal(status.state, 'ordered');
          strict_1.default.deepEqual(
            status.reminders.map((r) => r.outcome),
            ['sent'],
          );
          strict_1.default.equal(ses.count, requestsAtAck, 'nothing reached SES after the answer');
          strict_1.default.equal(ses.count, 1);
        }, h.mailer(ses.url));
      } finally {
        await ses.close();
      }
    },
  );
  (0, node_test_1.test)('the order update answers at once when nothing is in flight, and nothing is sent', async () => {
    await h.withWorker(async ({ taskQueue }) => {
      const { handle, email } = await h.startCheckout(taskQueue, [{ after: '30m' }], { sendOrderConfirmation: false });
      const first = await handle.executeUpdate(messages_1.orderUpdate, { args: [{ orderId: 'ord-1' }] });
      strict_1.default.deepEqual(first, { confirmed: true, orderId: 'ord-1', state: 'ordered', remindersSent: 0 });
      const status = await (0, recovery_harness_1.result)(handle);
      strict_1.default.equal(status.order?.orderId, 'ord-1');
      strict_1.default.equal((await h.inbox.messagesTo(email)).length, 0);
    });
  });
  (0, node_test_1.test)('the status query reports state, sent reminders and the next due time', async () => {
    await h.withWorker(async ({ taskQueue }) => {
      const { handle, checkoutId } = await h.startCheckout(taskQueue);
      const waiting = await handle.query(messages_1.statusQuery);
      strict_1.default.equal(waiting.state, 'waiting');
      strict_1.default.equal(waiting.checkoutId, checkoutId);
      strict_1.default.equal(waiting.customerId, 'c-42');
      strict_1.default.equal(elapsed(waiting.lastActivityAt, waiting.nextDueAt ?? ''), 30 * MINUTE);
      strict_1.default.equal(waiting.upcoming.length, 3);
      await h.env.sleep(HOUR);
      const reminding = await handle.query(messages_1.statusQuery);
      strict_1.default.equal(reminding.state, 'reminding');
      strict_1.default.equal(reminding.remindersSent, 1);
      strict_1.default.equal(reminding.reminders[0]?.channel, 'email');
      strict_1.default.ok(reminding.reminders[0]?.messageId);
      strict_1.default.equal(elapsed(reminding.lastActivityAt, reminding.nextDueAt ?? ''), DAY);
      await handle.signal(messages_1.orderedSignal, { orderId: 'o' });
      await (0, recovery_harness_1.result)(handle);
    });
  });
  (0, node_test_1.test)('rejects an invalid input with a failure that names the field', async () => {
    await h.withWorker(async ({ taskQueue }) => {
      const handle = await h.env.client.workflow.start(messages_1.WORKFLOW_TYPE, {
        taskQueue,
        workflowId: (0, messages_1.workflowIdFor)('co-invalid'),
        args: [{ checkout: { checkoutId: 'co-invalid' }, schedule: [] }],
      });
      await strict_1.default.rejects(handle.result(), (err) => {
        strict_1.default.ok(err instanceof client_1.WorkflowFailedError);
        strict_1.default.ok(err.cause instanceof common_1.ApplicationFailure);
        strict_1.default.equal(err.cause.type, 'InvalidCheckoutInput');
        strict_1.default.match(err.cause.message, /customer is required/);
        return true;
      });
    });
  });
  (0, node_test_1.test)(
    'stores the failure message encrypted: the pre-built bundle carries the encoding failure converter',
    async () => {
      // The harness bundles with WORKFLOW_BUNDLE_OPTIONS, as scripts/bundle-workflows.ts does for images.
      await h.withWorker(async ({ taskQueue }) => {
        const handle = await h.env.client.workflow.start(messages_1.WORKFLOW_TYPE, {
          taskQueue,
          workflowId: (0, messages_1.workflowIdFor)('co-invalid-stored'),
          args: [{ checkout: { checkoutId: 'co-invalid-stored' }, schedule: [] }],
        });
        await strict_1.default.rejects(handle.result(), client_1.WorkflowFailedError);
        const history = await handle.fetchHistory();
        const failure = history.events?.find((e) => e.workflowExecutionFailedEventAttributes)
          ?.workflowExecutionFailedEventAttributes?.failure;
        strict_1.default.ok(failure?.encodedAttributes, 'the failure has encoded attributes');
        strict_1.default.equal(failure.message, 'Encoded failure');
        strict_1.default.equal(
          Buffer.from(failure.encodedAttributes.metadata?.encoding ?? []).toString(),
          'binary/encrypted',
        );
        const { message } = await (0, payload_keys_1.decodeRaw)(failure.encodedAttributes);
        strict_1.default.match(message, /^Invalid checkout input: customer is required/);
      });
    },
  );
  for (const type of [messages_1.EARLY_ORDER_WORKFLOW_TYPE, messages_1.WORKFLOW_TYPE]) {
    (0, node_test_1.test)(
      `an order that arrives before its checkout closes it as ordered with nothing sent (${type})`,
      async () => {
        await h.withWorker(async ({ taskQueue }) => {
          const handle = await h.env.client.workflow.signalWithStart(type, {
            taskQueue,
            workflowId: (0, messages_1.workflowIdFor)('co-early'),
            args: [{ earlyOrder: { checkoutId: 'co-early' } }],
            signal: messages_1.orderedSignal,
            signalArgs: [{ orderId: 'ord-early' }],
          });
          const status = await (0, recovery_harness_1.result)(handle);
          strict_1.default.equal(status.state, 'ordered');
          strict_1.default.equal(status.order?.beforeCheckout, true);
          strict_1.default.equal(status.remindersSent, 0);
        });
      },
    );
  }
});
//# sourceMappingURL=checkout-recovery.test.js.map
