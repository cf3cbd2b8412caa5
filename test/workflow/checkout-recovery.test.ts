import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Context } from '@temporalio/activity';
import { WorkflowFailedError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { THROTTLE_RETRY_DELAY_MS } from '../../activities/aws-failures';
import type { Mailer } from '../../activities/ses-mailer';
import type { CheckoutStatus } from '../../common/checkout';
import {
  activitySignal,
  EARLY_ORDER_WORKFLOW_TYPE,
  orderedSignal,
  orderUpdate,
  rescheduleUpdate,
  statusQuery,
  WORKFLOW_TYPE,
  workflowIdFor,
} from '../../common/messages';
import { signedLinkIn } from '../support/links';
import { decodeRaw } from '../support/payload-keys';
import { startSesFaultEndpoint } from '../support/ses-fault-endpoint';
import { RecoveryHarness, result, timerDurations } from './recovery-harness';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
// Time-skipping fires timers exactly; an activity round trip adds real time to the workflow's
// clock (milliseconds when idle, seconds on a loaded 2-core machine).
const ON_TIME_MS = 5_000;
// The send activities' retry policy starts at 1 s (workflows/checkout-recovery.ts).
const SEND_RETRY_INITIAL_MS = 1_000;

const elapsed = (from: string, to: string) => Date.parse(to) - Date.parse(from);

function assertOnTime(status: CheckoutStatus, offsets: number[]) {
  assert.deepEqual(
    status.reminders.map((r) => elapsed(status.lastActivityAt, r.dueAt)),
    offsets,
    'each reminder falls due at its offset from the last activity',
  );
  for (const r of status.reminders) {
    const late = elapsed(r.dueAt, r.at);
    assert.ok(late >= 0 && late < ON_TIME_MS, `reminder ${r.step} sent ${late} ms after it was due`);
  }
}

describe('checkout recovery workflow', () => {
  let h: RecoveryHarness;
  before(async () => {
    h = await RecoveryHarness.start();
  });
  after(async () => {
    await h?.close();
  });

  test('runs the default schedule (30m, 1d, 3d) on time, sends three emails and expires', async () => {
    await h.withWorker(async ({ taskQueue }) => {
      const { handle, email, checkoutId } = await h.startCheckout(taskQueue);
      const status = await result(handle);
      assert.equal(status.state, 'expired');
      assert.equal(status.remindersSent, 3);
      assert.deepEqual(
        status.reminders.map((r) => [r.step, r.template, r.outcome]),
        [
          [1, 'friendly', 'sent'],
          [2, 'cart', 'sent'],
          [3, 'last-chance', 'sent'],
        ],
      );
      assertOnTime(status, [30 * MINUTE, DAY, 3 * DAY]);
      const mails = await h.inbox.messagesTo(email);
      assert.equal(mails.length, 3);
      assert.deepEqual(
        mails.map((m) => m.messageId),
        status.reminders.map((r) => r.messageId),
        'the status records the provider message id of each email',
      );
      for (const [i, mail] of mails.entries()) {
        const resume = signedLinkIn(mail.body.html, 'resume').claims;
        assert.ok(resume.target?.endsWith(`/checkout/${checkoutId}`), 'signed resume link to the checkout');
        assert.equal(resume.step, i + 1);
      }
      assert.ok(mails[1]?.body.html?.includes('1.234,50'), 'cart total formatted for de-DE');
      const timers = await timerDurations(handle);
      assert.equal(timers.length, 3, 'one durable timer per reminder');
    });
  });

  test('sends no reminder when ordered before the first one, only the order confirmation', async () => {
    await h.withWorker(async ({ taskQueue }) => {
      const { handle, email } = await h.startCheckout(taskQueue);
      await handle.signal(orderedSignal, { orderId: 'ord-1', total: 1234.5 });
      const status = await result(handle);
      assert.equal(status.state, 'ordered');
      assert.equal(status.remindersSent, 0);
      assert.equal(status.order?.afterStep, 0);
      assert.equal(status.order?.confirmation?.outcome, 'sent');
      const mails = await h.inbox.messagesTo(email);
      assert.equal(mails.length, 1);
      assert.match(mails[0]?.subject ?? '', /ord-1|order/i);
    });
  });

  test('stops sending after the ordered signal between reminders and records after which step', async () => {
    await h.withWorker(async ({ taskQueue }) => {
      const { handle, email } = await h.startCheckout(taskQueue);
      await h.env.sleep(2 * HOUR); // reminder 1 went out at 30m
      assert.equal((await handle.query(statusQuery)).remindersSent, 1);
      await handle.signal(orderedSignal, { orderId: 'ord-2' });
      const status = await result(handle);
      assert.equal(status.state, 'ordered');
      assert.equal(status.order?.afterStep, 1);
      assert.deepEqual(
        status.reminders.map((r) => r.step),
        [1],
      );
      await h.env.sleep(5 * DAY);
      assert.equal((await h.inbox.messagesTo(email)).length, 2, 'reminder 1 and the confirmation, nothing after');
    });
  });

  test('an order after the second reminder suppresses only the last one', async () => {
    await h.withWorker(async ({ taskQueue }) => {
      const { handle } = await h.startCheckout(taskQueue);
      await h.env.sleep(2 * DAY);
      await handle.signal(orderedSignal, { orderId: 'ord-3' });
      const status = await result(handle);
      assert.equal(status.order?.afterStep, 2);
      assert.equal(status.remindersSent, 2);
    });
  });

  test('a repeated ordered signal keeps the first order', async () => {
    await h.withWorker(async ({ taskQueue }) => {
      const { handle, email } = await h.startCheckout(taskQueue);
      await handle.signal(orderedSignal, { orderId: 'first' });
      await handle.signal(orderedSignal, { orderId: 'second' });
      const status = await result(handle);
      assert.equal(status.order?.orderId, 'first');
      assert.equal((await h.inbox.messagesTo(email)).length, 1, 'one confirmation');
    });
  });

  test('shopper activity before the first reminder pushes the whole schedule back', async () => {
    await h.withWorker(async ({ taskQueue }) => {
      const { handle } = await h.startCheckout(taskQueue);
      await h.env.sleep(20 * MINUTE);
      await handle.signal(activitySignal, {});
      await h.env.sleep(20 * MINUTE); // 40m after start: the original 30m reminder must not have gone out
      const mid = await handle.query(statusQuery);
      assert.equal(mid.remindersSent, 0);
      assert.equal(elapsed(mid.startedAt, mid.lastActivityAt) >= 20 * MINUTE, true);
      assert.equal(elapsed(mid.lastActivityAt, mid.nextDueAt ?? ''), 30 * MINUTE);
      const status = await result(handle);
      assertOnTime(status, [30 * MINUTE, DAY, 3 * DAY]);
      assert.ok(elapsed(status.startedAt, status.reminders[0]?.dueAt ?? '') >= 50 * MINUTE);
    });
  });

  test('shopper activity after the first reminder does not move the schedule', async () => {
    await h.withWorker(async ({ taskQueue }) => {
      const { handle } = await h.startCheckout(taskQueue);
      await h.env.sleep(HOUR);
      await handle.signal(activitySignal, {});
      const status = await result(handle);
      assert.equal(status.lastActivityAt, status.startedAt);
      assertOnTime(status, [30 * MINUTE, DAY, 3 * DAY]);
    });
  });

  test('reschedule replaces the remaining steps of a running checkout', async () => {
    await h.withWorker(async ({ taskQueue }) => {
      const { handle } = await h.startCheckout(taskQueue);
      await h.env.sleep(HOUR);
      const updated = await handle.executeUpdate(rescheduleUpdate, {
        args: [{ schedule: [{ after: '2h' }, { after: '6h' }] }],
      });
      assert.deepEqual(
        updated.upcoming.map((s) => [s.step, s.after]),
        [
          [2, '2h'],
          [3, '6h'],
        ],
      );
      const status = await result(handle);
      assertOnTime(status, [30 * MINUTE, 2 * HOUR, 6 * HOUR]);
      assert.equal(status.reminders[2]?.template, 'last-chance');
    });
  });

  test('reschedule rejects an invalid schedule with the reason and keeps the old one', async () => {
    await h.withWorker(async ({ taskQueue }) => {
      const { handle } = await h.startCheckout(taskQueue);
      await h.env.sleep(HOUR);
      await assert.rejects(
        handle.executeUpdate(rescheduleUpdate, { args: [{ schedule: [{ after: 'soon' }] }] }),
        (err: unknown) =>
          err instanceof WorkflowUpdateFailedError && /schedule\[0\]\.after.*"soon"/.test(String(err.cause?.message)),
      );
      await assert.rejects(
        handle.executeUpdate(rescheduleUpdate, { args: [{ schedule: [{ after: '10m' }] }] }),
        (err: unknown) =>
          err instanceof WorkflowUpdateFailedError && /later than the step before/.test(String(err.cause?.message)),
        'a step before the reminder already sent is rejected',
      );
      const status = await handle.query(statusQuery);
      assert.deepEqual(
        status.upcoming.map((s) => s.after),
        ['1d', '3d'],
      );
      await handle.signal(orderedSignal, { orderId: 'done' });
      await result(handle); // leave no workflow behind for later tests' clock
    });
  });

  test('a permanent send failure is recorded with its reason, not retried, and the schedule goes on', async () => {
    const ses = await startSesFaultEndpoint({ queue: [{ kind: 'reject' }] });
    try {
      await h.withWorker(async ({ taskQueue }) => {
        const { handle } = await h.startCheckout(taskQueue, [{ after: '30m' }, { after: '1h' }]);
        const status = await result(handle);
        assert.equal(status.state, 'expired');
        assert.deepEqual(
          status.reminders.map((r) => r.outcome),
          ['failed', 'sent'],
        );
        assert.match(status.reminders[0]?.reason ?? '', /MessageRejected/);
        assert.equal(status.remindersSent, 1);
        assert.equal(ses.count, 2, 'the rejected message was not retried');
      }, h.mailer(ses.url));
    } finally {
      await ses.close();
    }
  });

  test('a transient SES error is retried with backoff until the reminder goes out', async () => {
    // A 5xx, then throttling: attempt 2 waits the policy's first interval (1 s), attempt 3 the
    // throttling delay the activity asks for (5 s). Spacing is read on the server's clock.
    const ses = await startSesFaultEndpoint({ queue: [{ kind: 'fail' }, { kind: 'throttle' }] });
    // Each attempt as SES sees it: its number, and the test server's clock (which skips the backoff).
    const attempts: Array<{ attempt: number; at: number }> = [];
    const sesMailer = h.mailer(ses.url);
    const recording: Mailer = {
      send: async (message) => {
        attempts.push({ attempt: Context.current().info.attempt, at: await h.env.currentTimeMs() });
        return sesMailer.send(message);
      },
    };
    try {
      await h.withWorker(async ({ taskQueue }) => {
        const { handle } = await h.startCheckout(taskQueue, [{ after: '30m' }]);
        const status = await result(handle);
        assert.deepEqual(
          status.reminders.map((r) => r.outcome),
          ['sent'],
        );
        assert.equal(ses.count, 3);
        assert.deepEqual(
          ses.requests.map((r) => r.behaviour),
          ['fail', 'throttle', 'ok'],
        );
        const events = (await handle.fetchHistory()).events ?? [];
        const retry = events.find((e) => e.activityTaskScheduledEventAttributes)?.activityTaskScheduledEventAttributes
          ?.retryPolicy;
        assert.equal(Number(retry?.initialInterval?.seconds), SEND_RETRY_INITIAL_MS / 1000);
        assert.equal(retry?.backoffCoefficient, 2);
        const started = events.find((e) => e.activityTaskStartedEventAttributes)?.activityTaskStartedEventAttributes;
        assert.equal(started?.attempt, 3, 'the history records the third attempt as the one that sent');
      }, recording);
      assert.deepEqual(
        attempts.map((a) => a.attempt),
        [1, 2, 3],
      );
      const [first, second, third] = attempts.map((a) => a.at) as [number, number, number];
      assert.ok(second - first >= SEND_RETRY_INITIAL_MS, `attempt 2 came ${second - first} ms after attempt 1`);
      assert.ok(second - first < THROTTLE_RETRY_DELAY_MS, 'a 5xx waits the first interval, not the throttling delay');
      assert.ok(third - second >= THROTTLE_RETRY_DELAY_MS, `attempt 3 came ${third - second} ms after attempt 2`);
    } finally {
      await ses.close();
    }
  });

  test("an order recorded while a reminder's SES call fails: the retry's claim finds it and nothing is mailed", async () => {
    const ses = await startSesFaultEndpoint({ queue: [{ kind: 'hang' }] });
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
        await handle.signal(orderedSignal, { orderId: 'mid-send' });
        assert.equal((await handle.query(statusQuery)).state, 'reminding', 'the send is still in flight');
        ses.answerHanging({ kind: 'fail' }); // SES fails the first attempt: Temporal retries it
        const status = await result(handle);
        assert.equal(status.state, 'ordered');
        assert.equal(status.order?.orderId, 'mid-send');
        const [reminder] = status.reminders;
        assert.equal(reminder?.outcome, 'suppressed');
        assert.match(reminder?.reason ?? '', /checkout ordered before the send/);
        assert.equal(ses.count, 1, 'the retry never reached SES (the one request it got, it failed)');
        assert.equal(status.remindersSent, 0);
      }, h.mailer(ses.url));
    } finally {
      await ses.close();
    }
  });

  test("the order update's answer waits for a reminder send in flight: no provider call begins after it", async () => {
    const ses = await startSesFaultEndpoint({ queue: [{ kind: 'hang' }] });
    try {
      await h.withWorker(async ({ taskQueue }) => {
        const lastActivityAt = (await h.env.currentTimeMs()) - HOUR;
        const { handle } = await h.startCheckout(taskQueue, [{ after: '30m' }, { after: '1h' }], {
          lastActivityAt,
          sendOrderConfirmation: false,
        });
        await ses.received(1); // reminder 1 is at SES, which holds it
        let answered = false;
        const ack = handle.executeUpdate(orderUpdate, { args: [{ orderId: 'ord-mid-send' }] }).finally(() => {
          answered = true;
        });
        await new Promise((r) => setTimeout(r, 1_000));
        assert.equal(answered, false, 'no answer while the send is in flight');
        ses.answerHanging({ kind: 'ok' });
        const { confirmed, state, remindersSent } = await ack;
        assert.deepEqual({ confirmed, state, remindersSent }, { confirmed: true, state: 'ordered', remindersSent: 1 });
        const requestsAtAck = ses.count;
        const status = await result(handle);
        assert.equal(status.state, 'ordered');
        assert.deepEqual(
          status.reminders.map((r) => r.outcome),
          ['sent'],
        );
        assert.equal(ses.count, requestsAtAck, 'nothing reached SES after the answer');
        assert.equal(ses.count, 1);
      }, h.mailer(ses.url));
    } finally {
      await ses.close();
    }
  });

  test('the order update answers at once when nothing is in flight, and nothing is sent', async () => {
    await h.withWorker(async ({ taskQueue }) => {
      const { handle, email } = await h.startCheckout(taskQueue, [{ after: '30m' }], { sendOrderConfirmation: false });
      const first = await handle.executeUpdate(orderUpdate, { args: [{ orderId: 'ord-1' }] });
      assert.deepEqual(first, { confirmed: true, orderId: 'ord-1', state: 'ordered', remindersSent: 0 });
      const status = await result(handle);
      assert.equal(status.order?.orderId, 'ord-1');
      assert.equal((await h.inbox.messagesTo(email)).length, 0);
    });
  });

  test('the status query reports state, sent reminders and the next due time', async () => {
    await h.withWorker(async ({ taskQueue }) => {
      const { handle, checkoutId } = await h.startCheckout(taskQueue);
      const waiting = await handle.query(statusQuery);
      assert.equal(waiting.state, 'waiting');
      assert.equal(waiting.checkoutId, checkoutId);
      assert.equal(waiting.customerId, 'c-42');
      assert.equal(elapsed(waiting.lastActivityAt, waiting.nextDueAt ?? ''), 30 * MINUTE);
      assert.equal(waiting.upcoming.length, 3);
      await h.env.sleep(HOUR);
      const reminding = await handle.query(statusQuery);
      assert.equal(reminding.state, 'reminding');
      assert.equal(reminding.remindersSent, 1);
      assert.equal(reminding.reminders[0]?.channel, 'email');
      assert.ok(reminding.reminders[0]?.messageId);
      assert.equal(elapsed(reminding.lastActivityAt, reminding.nextDueAt ?? ''), DAY);
      await handle.signal(orderedSignal, { orderId: 'o' });
      await result(handle);
    });
  });

  test('rejects an invalid input with a failure that names the field', async () => {
    await h.withWorker(async ({ taskQueue }) => {
      const handle = await h.env.client.workflow.start(WORKFLOW_TYPE, {
        taskQueue,
        workflowId: workflowIdFor('co-invalid'),
        args: [{ checkout: { checkoutId: 'co-invalid' }, schedule: [] }],
      });
      await assert.rejects(handle.result(), (err: unknown) => {
        assert.ok(err instanceof WorkflowFailedError);
        assert.ok(err.cause instanceof ApplicationFailure);
        assert.equal(err.cause.type, 'InvalidCheckoutInput');
        assert.match(err.cause.message, /customer is required/);
        return true;
      });
    });
  });

  test('stores the failure message encrypted: the pre-built bundle carries the encoding failure converter', async () => {
    // The harness bundles with WORKFLOW_BUNDLE_OPTIONS, as scripts/bundle-workflows.ts does for images.
    await h.withWorker(async ({ taskQueue }) => {
      const handle = await h.env.client.workflow.start(WORKFLOW_TYPE, {
        taskQueue,
        workflowId: workflowIdFor('co-invalid-stored'),
        args: [{ checkout: { checkoutId: 'co-invalid-stored' }, schedule: [] }],
      });
      await assert.rejects(handle.result(), WorkflowFailedError);
      const history = await handle.fetchHistory();
      const failure = history.events?.find((e) => e.workflowExecutionFailedEventAttributes)
        ?.workflowExecutionFailedEventAttributes?.failure;
      assert.ok(failure?.encodedAttributes, 'the failure has encoded attributes');
      assert.equal(failure.message, 'Encoded failure');
      assert.equal(Buffer.from(failure.encodedAttributes.metadata?.encoding ?? []).toString(), 'binary/encrypted');
      const { message } = await decodeRaw<{ message: string }>(failure.encodedAttributes);
      assert.match(message, /^Invalid checkout input: customer is required/);
    });
  });

  for (const type of [EARLY_ORDER_WORKFLOW_TYPE, WORKFLOW_TYPE]) {
    test(`an order that arrives before its checkout closes it as ordered with nothing sent (${type})`, async () => {
      await h.withWorker(async ({ taskQueue }) => {
        const handle = await h.env.client.workflow.signalWithStart(type, {
          taskQueue,
          workflowId: workflowIdFor('co-early'),
          args: [{ earlyOrder: { checkoutId: 'co-early' } }],
          signal: orderedSignal,
          signalArgs: [{ orderId: 'ord-early' }],
        });
        const status = await result(handle);
        assert.equal(status.state, 'ordered');
        assert.equal(status.order?.beforeCheckout, true);
        assert.equal(status.remindersSent, 0);
      });
    });
  }
});
