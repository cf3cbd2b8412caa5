var __importDefault = (this && this.__importDefault) || ((mod) => (mod && mod.__esModule ? mod : { default: mod }));
Object.defineProperty(exports, '__esModule', { value: true });
const strict_1 = __importDefault(require('node:assert/strict'));
const node_test_1 = require('node:test');
const common_1 = require('@temporalio/common');
const testing_1 = require('@temporalio/testing');
const worker_1 = require('@temporalio/worker');
const activities_1 = require('../../activities');
const contract_1 = require('../../activities/contract');
const metrics_1 = require('../../activities/metrics');
const ses_mailer_1 = require('../../activities/ses-mailer');
const messages_1 = require('../../common/messages');
const send_ledger_1 = require('../../storage/send-ledger');
const inbox_1 = require('../support/inbox');
const links_1 = require('../support/links');
const recording_meter_1 = require('../support/recording-meter');
const ses_fault_endpoint_1 = require('../support/ses-fault-endpoint');
const fixtures_1 = require('./fixtures');
const reminder = (checkout, step = 1) => ({
  checkout,
  step,
  stepsTotal: 3,
  channel: 'email',
  template: 'friendly',
});
/** Runs activities the way a worker does: inside an activity context for this checkout's workflow. */
function activityEnv(checkout, logs = [], metricMeter) {
  return new testing_1.MockActivityEnvironment(
    { workflowExecution: { workflowId: (0, messages_1.workflowIdFor)(checkout.checkoutId), runId: 'run-1' } },
    { logger: new worker_1.DefaultLogger('INFO', (entry) => logs.push(entry)), metricMeter },
  );
}
/** MockActivityEnvironment.run cannot infer the result type from the function; say it once here. */
function run(env, fn, arg) {
  return env.run(fn, arg);
}
(0, node_test_1.describe)('send activities end to end (local SES, in-memory ledger)', () => {
  let ses;
  let mailer;
  let ledger;
  const deps = (extra = {}) => ({
    mailer,
    ledger,
    from: fixtures_1.FROM,
    links: fixtures_1.LINKS,
    ...extra,
  });
  (0, node_test_1.before)(async () => {
    [ses, ledger] = await Promise.all([
      inbox_1.LocalInbox.start(),
      (0, send_ledger_1.openSendLedger)({ databaseUrl: undefined, inMemory: true }),
    ]);
    mailer = (0, ses_mailer_1.createSesMailer)({ endpoint: ses.url, region: 'us-east-1' });
  });
  (0, node_test_1.after)(async () => {
    mailer.close();
    await ledger.close();
    await ses.close();
  });
  (0, node_test_1.it)(
    'sending the same reminder step twice sends one message; the second returns it as deduplicated',
    async () => {
      const checkout = (0, fixtures_1.sampleCheckout)();
      const { sendReminder } = (0, activities_1.createActivities)(deps());
      const env = activityEnv(checkout);
      const first = await run(env, sendReminder, reminder(checkout));
      const second = await run(env, sendReminder, reminder(checkout));
      strict_1.default.equal(first.outcome, 'sent');
      strict_1.default.ok(first.messageId);
      strict_1.default.equal(first.deduplicated, undefined);
      strict_1.default.deepEqual(second, {
        outcome: 'sent',
        messageId: first.messageId,
        deduplicated: true,
        channel: 'email',
      });
      const inbox = await ses.messagesTo(checkout.customer.email);
      strict_1.default.equal(inbox.length, 1);
      strict_1.default.equal(inbox[0]?.messageId, first.messageId);
      strict_1.default.equal(inbox[0]?.subject, 'You left something in your cart');
    },
  );
  (0, node_test_1.it)('each step is its own message', async () => {
    const checkout = (0, fixtures_1.sampleCheckout)();
    const { sendReminder } = (0, activities_1.createActivities)(deps());
    const env = activityEnv(checkout);
    await run(env, sendReminder, reminder(checkout, 1));
    await run(env, sendReminder, { ...reminder(checkout, 2), template: 'cart' });
    strict_1.default.equal((await ses.messagesTo(checkout.customer.email)).length, 2);
  });
  (0, node_test_1.it)(
    'after a failed payment the reminder says so, names the saved method, and resumes at payment with it',
    async () => {
      const checkout = (0, fixtures_1.sampleCheckout)();
      const { sendReminder } = (0, activities_1.createActivities)(deps());
      await run(activityEnv(checkout), sendReminder, {
        ...reminder(checkout),
        abandonReason: 'payment_failed',
        progress: {
          lastStep: 'payment_failed',
          paymentMethod: 'paypal',
          blocker: 'payment_failed',
          outOfStock: [],
          events: 2,
        },
      });
      const [mail] = await ses.messagesTo(checkout.customer.email);
      strict_1.default.match(
        mail?.body.text ?? '',
        /Your payment didn't go through last time\. Your PayPal is still selected/,
      );
      const target = new URL((0, links_1.signedLinkIn)(mail?.body.text, 'resume').claims.target ?? '');
      strict_1.default.equal(target.searchParams.get('retry_payment'), '1');
      strict_1.default.equal(target.searchParams.get('payment_method'), 'paypal');
      strict_1.default.equal(`${target.origin}${target.pathname}`, checkout.checkoutUrl.replace(/\?.*$/, ''));
    },
  );
  (0, node_test_1.it)('an item out of stock gets a no-pressure note; no reason, no note', async () => {
    const oos = (0, fixtures_1.sampleCheckout)();
    const plain = (0, fixtures_1.sampleCheckout)();
    const { sendReminder } = (0, activities_1.createActivities)(deps());
    await run(activityEnv(oos), sendReminder, {
      ...reminder(oos),
      abandonReason: 'out_of_stock',
      progress: { lastStep: 'item_out_of_stock', outOfStock: ['SKU-1'], events: 1 },
    });
    await run(activityEnv(plain), sendReminder, reminder(plain));
    const [oosMail] = await ses.messagesTo(oos.customer.email);
    const [plainMail] = await ses.messagesTo(plain.customer.email);
    strict_1.default.match(oosMail?.body.text ?? '', /ran out of stock\. No rush/);
    strict_1.default.match(oosMail?.body.html ?? '', /ran out of stock\. No rush/);
    strict_1.default.doesNotMatch(plainMail?.body.text ?? '', /payment|stock|shipping added/i);
    strict_1.default.equal((0, links_1.signedLinkIn)(plainMail?.body.text, 'resume').claims.target, plain.checkoutUrl);
  });
  (0, node_test_1.it)(
    'the sent reminder links to the API with links signed for its checkout and step, expiring after the send',
    async () => {
      const checkout = (0, fixtures_1.sampleCheckout)();
      const { sendReminder } = (0, activities_1.createActivities)(deps());
      const before = Math.floor(Date.now() / 1000);
      await run(activityEnv(checkout), sendReminder, reminder(checkout, 2));
      const after = Math.ceil(Date.now() / 1000);
      const [mail] = await ses.messagesTo(checkout.customer.email);
      for (const body of [mail?.body.text, mail?.body.html]) {
        const resume = (0, links_1.signedLinkIn)(body, 'resume');
        const unsubscribe = (0, links_1.signedLinkIn)(body, 'unsubscribe');
        for (const { claims } of [resume, unsubscribe]) {
          strict_1.default.equal(claims.checkoutId, checkout.checkoutId);
          strict_1.default.equal(claims.customerId, checkout.customer.id);
          strict_1.default.equal(claims.step, 2);
        }
        strict_1.default.equal(resume.claims.target, checkout.checkoutUrl);
        const expiresIn = (claims, days) =>
          strict_1.default.ok(
            claims.expiresAt >= before + days * 86_400 && claims.expiresAt <= after + days * 86_400,
            `${claims.purpose} expires ${days} days after the send`,
          );
        expiresIn(resume.claims, 7);
        expiresIn(unsubscribe.claims, 90);
        strict_1.default.ok(!body?.includes('?checkout='), 'no unsigned unsubscribe link');
      }
    },
  );
  for (const state of ['ordered', 'cancelled']) {
    (0, node_test_1.it)(
      `a checkout ${state} just before the send suppresses it, and frees the step for a later send`,
      async () => {
        const checkout = (0, fixtures_1.sampleCheckout)();
        const asked = [];
        let current = state;
        const { sendReminder } = (0, activities_1.createActivities)(
          deps({
            checkoutState: async (workflowId) => {
              asked.push(workflowId);
              return current;
            },
          }),
        );
        const env = activityEnv(checkout);
        const result = await run(env, sendReminder, reminder(checkout));
        strict_1.default.deepEqual(result, { outcome: 'suppressed', reason: `checkout ${state} before the send` });
        strict_1.default.deepEqual(asked, [(0, messages_1.workflowIdFor)(checkout.checkoutId)]);
        strict_1.default.equal((await ses.messagesTo(checkout.customer.email)).length, 0);
        current = 'reminding'; // e.g. a workflow reset past the order: the step may go out after all
        strict_1.default.equal((await run(env, sendReminder, reminder(checkout))).outcome, 'sent');
        strict_1.default.equal((await ses.messagesTo(checkout.customer.email)).length, 1);
      },
    );
  }
  (0, node_test_1.it)('a checkout still waiting for its reminder gets it', async () => {
    const checkout = (0, fixtures_1.sampleCheckout)();
    const { sendReminder } = (0, activities_1.createActivities)(deps({ checkoutState: async () => 'reminding' }));
    strict_1.default.equal((await run(activityEnv(checkout), sendReminder, reminder(checkout))).outcome, 'sent');
  });
  (0, node_test_1.it)(
    'an order confirmation is sent once per order, without asking for the checkout state',
    async () => {
      const checkout = (0, fixtures_1.sampleCheckout)();
      const { sendOrderConfirmation } = (0, activities_1.createActivities)(
        deps({ checkoutState: async () => strict_1.default.fail('confirmations are not re-checked') }),
      );
      const env = activityEnv(checkout);
      const first = await run(env, sendOrderConfirmation, { checkout, orderId: 'ord-1', total: 99 });
      const again = await run(env, sendOrderConfirmation, { checkout, orderId: 'ord-1', total: 99 });
      strict_1.default.equal(first.outcome, 'sent');
      strict_1.default.deepEqual(again, {
        outcome: 'sent',
        messageId: first.messageId,
        deduplicated: true,
        channel: 'email',
      });
      const inbox = await ses.messagesTo(checkout.customer.email);
      strict_1.default.deepEqual(
        inbox.map((e) => e.subject),
        ['Thanks for your order ord-1'],
      );
      strict_1.default.equal(
        (await ledger.get((0, send_ledger_1.confirmationKey)(checkout.checkoutId, 'ord-1')))?.kind,
        'confirmation',
      );
    },
  );
  (0, node_test_1.it)(
    'while another attempt holds the claim, the send is retried later instead of sent twice',
    async () => {
      const checkout = (0, fixtures_1.sampleCheckout)();
      await ledger.claim((0, send_ledger_1.reminderKey)(checkout.checkoutId, 1), {
        checkoutId: checkout.checkoutId,
        kind: 'reminder',
        step: 1,
      });
      const { sendReminder } = (0, activities_1.createActivities)(deps());
      const err = await run(activityEnv(checkout), sendReminder, reminder(checkout)).catch((e) => e);
      strict_1.default.ok(err instanceof common_1.ApplicationFailure);
      strict_1.default.equal(err.type, contract_1.TRANSIENT_SEND_FAILURE);
      strict_1.default.equal(err.nonRetryable, false);
      strict_1.default.equal(err.nextRetryDelay, activities_1.BUSY_RETRY_DELAY_MS);
      strict_1.default.equal((await ses.messagesTo(checkout.customer.email)).length, 0);
    },
  );
  (0, node_test_1.it)('a message SES accepted counts as sent even if the ledger cannot record it', async () => {
    const checkout = (0, fixtures_1.sampleCheckout)();
    const forgetful = {
      claim: (k, m) => ledger.claim(k, m),
      release: (k, a) => ledger.release(k, a),
      get: (k) => ledger.get(k),
      countSent: (co, ch) => ledger.countSent(co, ch),
      holdContact: (c, co, ms, now) => ledger.holdContact(c, co, ms, now),
      confirmContact: (c, co, now) => ledger.confirmContact(c, co, now),
      dropContact: (c, co) => ledger.dropContact(c, co),
      reserveText: (r, k, n, ms, now) => ledger.reserveText(r, k, n, ms, now),
      releaseText: (r, k) => ledger.releaseText(r, k),
      close: async () => {},
      markSent: async () => {
        throw new Error('database went away');
      },
    };
    const logs = [];
    const { sendReminder } = (0, activities_1.createActivities)(deps({ ledger: forgetful }));
    const result = await run(activityEnv(checkout, logs), sendReminder, reminder(checkout));
    strict_1.default.equal(result.outcome, 'sent');
    strict_1.default.ok(
      logs.some((l) => l.level === 'WARN' && l.message === 'message sent but not recorded in the ledger'),
    );
  });
  (0, node_test_1.it)('logs the checkout id and step, never the email address', async () => {
    const checkout = (0, fixtures_1.sampleCheckout)();
    const logs = [];
    const { sendReminder } = (0, activities_1.createActivities)(deps());
    const env = activityEnv(checkout, logs);
    await run(env, sendReminder, reminder(checkout));
    await run(env, sendReminder, reminder(checkout));
    const sent = logs.find((l) => l.message === 'message sent');
    strict_1.default.equal(sent?.meta?.checkoutId, checkout.checkoutId);
    strict_1.default.equal(sent?.meta?.step, 1);
    strict_1.default.ok(logs.some((l) => l.message.includes('already sent')));
    const everything = JSON.stringify(logs.map((l) => [l.message, l.meta]));
    strict_1.default.ok(!everything.includes(checkout.customer.email), 'no address in the logs');
  });
});
(0, node_test_1.describe)('send activities when SES fails', () => {
  (0, node_test_1.it)(
    'a permanent rejection surfaces as PermanentSendFailure and releases the step for a retry',
    async () => {
      const ses = await (0, ses_fault_endpoint_1.startSesFaultEndpoint)({
        queue: [{ kind: 'reject' }],
        default: { kind: 'ok', messageId: 'ses-after-fix' },
      });
      const mailer = (0, ses_mailer_1.createSesMailer)({ endpoint: ses.url, region: 'us-east-1' });
      const ledger = await (0, send_ledger_1.openSendLedger)({ databaseUrl: undefined, inMemory: true });
      try {
        const checkout = (0, fixtures_1.sampleCheckout)();
        const { sendReminder } = (0, activities_1.createActivities)({
          mailer,
          ledger,
          from: fixtures_1.FROM,
          links: fixtures_1.LINKS,
        });
        const env = activityEnv(checkout);
        const err = await run(env, sendReminder, reminder(checkout)).catch((e) => e);
        strict_1.default.ok(err instanceof common_1.ApplicationFailure);
        strict_1.default.equal(err.type, contract_1.PERMANENT_SEND_FAILURE);
        strict_1.default.equal(err.nonRetryable, true);
        const row = await ledger.get((0, send_ledger_1.reminderKey)(checkout.checkoutId, 1));
        strict_1.default.equal(row?.status, 'sending');
        strict_1.default.equal(row?.claimedAt, null, 'claim released');
        // A workflow reset (or an operator fixing the address) may run the step again: it sends.
        const retried = await run(env, sendReminder, reminder(checkout));
        strict_1.default.deepEqual(retried, { outcome: 'sent', messageId: 'ses-after-fix', channel: 'email' });
        strict_1.default.equal(ses.count, 2);
        strict_1.default.equal((await ledger.get((0, send_ledger_1.reminderKey)(checkout.checkoutId, 1)))?.attempts, 2);
      } finally {
        mailer.close();
        await ledger.close();
        await ses.close();
      }
    },
  );
});
(0, node_test_1.describe)("send activity metrics (recorded on the activity context's meter)", () => {
  const { remindersSent, remindersSuppressed, remindersFailed, confirmationsSent, sendDuration } =
    metrics_1.SEND_METRICS;
  let ses;
  let mailer;
  let ledger;
  (0, node_test_1.before)(async () => {
    [ses, ledger] = await Promise.all([
      (0, ses_fault_endpoint_1.startSesFaultEndpoint)({ default: { kind: 'ok' } }),
      (0, send_ledger_1.openSendLedger)({ databaseUrl: undefined, inMemory: true }),
    ]);
    mailer = (0, ses_mailer_1.createSesMailer)({ endpoint: ses.url, region: 'us-east-1' });
  });
  (0, node_test_1.after)(async () => {
    mailer.close();
    await ledger.close();
    await ses.close();
  });
  function send(deps = {}, step = 1, checkout = (0, fixtures_1.sampleCheckout)()) {
    const meter = new recording_meter_1.RecordingMeter();
    const { sendReminder } = (0, activities_1.createActivities)({
      mailer,
      ledger,
      from: fixtures_1.FROM,
      links: fixtures_1.LINKS,
      ...deps,
    });
    const outcome = run(activityEnv(checkout, [], meter), sendReminder, reminder(checkout, step)).catch((err) => err);
    return { meter, outcome, checkout };
  }
  (0, node_test_1.it)(
    'a sent reminder counts once by step and channel, with the SES call timed in seconds',
    async () => {
      const { meter, outcome } = send({}, 2);
      strict_1.default.equal((await outcome).outcome, 'sent');
      strict_1.default.equal(meter.count(remindersSent, { step: '2', channel: 'email' }), 1);
      strict_1.default.equal(meter.count(remindersFailed) + meter.count(remindersSuppressed), 0);
      const [seconds, ...more] = meter.observations(sendDuration, {
        kind: 'reminder',
        channel: 'email',
        result: 'sent',
      });
      strict_1.default.deepEqual(more, []);
      strict_1.default.ok(seconds !== undefined && seconds > 0 && seconds < 5, `seconds, got ${seconds}`);
    },
  );
  (0, node_test_1.it)(
    'a send the dedupe ledger already made counts as suppressed (already_sent), not as sent again',
    async () => {
      const checkout = (0, fixtures_1.sampleCheckout)();
      await send({}, 1, checkout).outcome;
      const again = send({}, 1, checkout);
      strict_1.default.equal((await again.outcome).deduplicated, true);
      strict_1.default.equal(again.meter.count(remindersSent), 0);
      strict_1.default.equal(
        again.meter.count(remindersSuppressed, { step: '1', channel: 'email', reason: 'already_sent' }),
        1,
      );
    },
  );
  for (const state of ['ordered', 'cancelled']) {
    (0, node_test_1.it)(
      `a reminder suppressed because the checkout was ${state} counts with reason ${state}`,
      async () => {
        const { meter, outcome } = send({ checkoutState: async () => state });
        strict_1.default.equal((await outcome).outcome, 'suppressed');
        strict_1.default.equal(meter.count(remindersSuppressed, { step: '1', reason: state }), 1);
        strict_1.default.deepEqual(meter.observations(sendDuration), [], 'SES was not called');
      },
    );
  }
  for (const [behaviour, reason] of [
    [{ kind: 'reject' }, 'rejected'],
    [{ kind: 'throttle' }, 'throttled'],
    [{ kind: 'quota' }, 'quota'],
    [{ kind: 'fail' }, 'unavailable'],
    [{ kind: 'error', status: 403, code: 'InvalidClientTokenId', message: 'bad key' }, 'credentials'],
  ]) {
    (0, node_test_1.it)(`an SES ${behaviour.kind} counts as a failed attempt with reason ${reason}`, async () => {
      ses.enqueue(behaviour);
      const { meter, outcome } = send();
      strict_1.default.ok((await outcome) instanceof common_1.ApplicationFailure);
      strict_1.default.equal(meter.count(remindersFailed, { step: '1', channel: 'email', reason }), 1);
      strict_1.default.equal(meter.observations(sendDuration, { result: 'failed' }).length, 1);
      strict_1.default.equal(meter.count(remindersSent), 0);
    });
  }
  (0, node_test_1.it)(
    'a message that cannot be built counts as failed (invalid_message); a held claim as failed (busy)',
    async () => {
      const bad = send({}, 1, (0, fixtures_1.sampleCheckout)({ checkoutUrl: 'javascript:alert(1)' }));
      strict_1.default.ok((await bad.outcome) instanceof common_1.ApplicationFailure);
      strict_1.default.equal(bad.meter.count(remindersFailed, { reason: 'invalid_message' }), 1);
      const checkout = (0, fixtures_1.sampleCheckout)();
      await ledger.claim((0, send_ledger_1.reminderKey)(checkout.checkoutId, 1), {
        checkoutId: checkout.checkoutId,
        kind: 'reminder',
        step: 1,
      });
      const busy = send({}, 1, checkout);
      strict_1.default.ok((await busy.outcome) instanceof common_1.ApplicationFailure);
      strict_1.default.equal(busy.meter.count(remindersFailed, { reason: 'busy' }), 1);
    },
  );
  (0, node_test_1.it)('an order confirmation counts apart from reminders, without a step', async () => {
    const meter = new recording_meter_1.RecordingMeter();
    const checkout = (0, fixtures_1.sampleCheckout)();
    const { sendOrderConfirmation } = (0, activities_1.createActivities)({
      mailer,
      ledger,
      from: fixtures_1.FROM,
      links: fixtures_1.LINKS,
    });
    await run(activityEnv(checkout, [], meter), sendOrderConfirmation, { checkout, orderId: 'ord-1' });
    strict_1.default.equal(meter.count(confirmationsSent, { channel: 'email' }), 1);
    strict_1.default.equal(meter.recorded.find((r) => r.name === confirmationsSent)?.tags.step, undefined);
    strict_1.default.equal(meter.count(remindersSent), 0);
    strict_1.default.equal(meter.observations(sendDuration, { kind: 'confirmation', result: 'sent' }).length, 1);
  });
});
//# sourceMappingURL=activities.test.js.map
