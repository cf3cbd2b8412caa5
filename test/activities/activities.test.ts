import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ApplicationFailure, type MetricMeter } from '@temporalio/common';
import { MockActivityEnvironment } from '@temporalio/testing';
import { DefaultLogger, type LogEntry } from '@temporalio/worker';
import { type ActivityDependencies, BUSY_RETRY_DELAY_MS, createActivities } from '../../activities';
import { PERMANENT_SEND_FAILURE, type SendResult, TRANSIENT_SEND_FAILURE } from '../../activities/contract';
import { SEND_METRICS } from '../../activities/metrics';
import { createSesMailer, type SesMailer } from '../../activities/ses-mailer';
import type { LinkClaims } from '../../apps/shared/link-token';
import type { Checkout } from '../../common/checkout';
import { workflowIdFor } from '../../common/messages';
import { confirmationKey, openSendLedger, reminderKey, type SendLedger } from '../../storage/send-ledger';
import { LocalInbox } from '../support/inbox';
import { signedLinkIn } from '../support/links';
import { openAll } from '../support/open-all';
import { RecordingMeter } from '../support/recording-meter';
import { type SesFaultEndpoint, startSesFaultEndpoint } from '../support/ses-fault-endpoint';
import { FROM, LINKS, reminder, sampleCheckout } from './fixtures';

/** Runs activities the way a worker does: inside an activity context for this checkout's workflow. */
function activityEnv(checkout: Checkout, logs: LogEntry[] = [], metricMeter?: MetricMeter) {
  return new MockActivityEnvironment(
    { workflowExecution: { workflowId: workflowIdFor(checkout.checkoutId), runId: 'run-1' } },
    { logger: new DefaultLogger('INFO', (entry) => logs.push(entry)), metricMeter },
  );
}

/** MockActivityEnvironment.run cannot infer the result type from the function; say it once here. */
function run<A, R>(env: MockActivityEnvironment, fn: (arg: A) => Promise<R>, arg: A): Promise<R> {
  return env.run<[A], R, (arg: A) => Promise<R>>(fn, arg);
}

describe('send activities end to end (local SES, in-memory ledger)', () => {
  let ses: LocalInbox;
  let mailer: SesMailer;
  let ledger: SendLedger;
  const deps = (extra: Partial<ActivityDependencies> = {}): ActivityDependencies => ({
    mailer,
    ledger,
    from: FROM,
    links: LINKS,
    ...extra,
  });

  before(async () => {
    [ses, ledger] = await openAll([
      [LocalInbox.start(), (s) => s.close()],
      [openSendLedger({ databaseUrl: undefined, inMemory: true }), (l) => l.close()],
    ]);
    mailer = createSesMailer({ endpoint: ses.url, region: 'us-east-1' });
  });
  after(async () => {
    mailer?.close();
    await ledger?.close();
    await ses?.close();
  });

  it('a de-DE checkout gets its reminder in German throughout: subject, words, money, dates, lang', async () => {
    const base = sampleCheckout();
    const checkout = { ...base, customer: { ...base.customer, timezone: 'Europe/Berlin' } };
    const offer = {
      percent: 10,
      currency: 'EUR',
      code: 'BACK-7KQ2-M9XD-3FJP',
      expiresAt: '2026-12-03T18:06:00.000Z',
    };
    const { sendReminder } = createActivities(deps());
    const result = await run(activityEnv(checkout), sendReminder, {
      ...reminder(checkout, 2),
      template: 'cart',
      offer,
      abandonReason: 'shipping_cost',
      progress: { lastStep: 'shipping_options_viewed', shippingCost: 6.9, outOfStock: [], events: 1 },
    });
    assert.equal(result.outcome, 'sent');
    const [mail] = await ses.messagesTo(checkout.customer.email);
    assert.ok(mail);
    assert.equal(mail.subject, 'Dein Warenkorb wartet: 3 Artikel, 1.234,50\u00a0€');
    const text = mail.body.text ?? '';
    const html = mail.body.html ?? '';
    assert.match(html, /<html lang="de"/);
    for (const german of [
      'Hallo Ada,',
      'Das hast du ausgewählt. Alles liegt noch in deinem Warenkorb.',
      'Versand 6,90\u00a0€ zu deiner Bestellung',
      '10 % Rabatt auf deine Bestellung mit dem Code BACK-7KQ2-M9XD-3FJP.',
      'Er gilt bis 3. Dezember 2026 um 19:06 MEZ.',
      'Gesamt: 1.234,50\u00a0€',
      'Bestellung abschließen:',
      'Warenkorb-Erinnerungen abbestellen:',
    ]) {
      assert.ok(text.includes(german), `"${german}" in:\n${text}`);
    }
    // No English sentence left around the German money and dates.
    for (const english of ['Hi ', 'Your cart', 'Total', 'Enter the code', 'Unsubscribe', 'works until', 'your order']) {
      assert.ok(!text.includes(english) && !html.includes(english), `no "${english}"`);
    }
  });

  it('sending the same reminder step twice sends one message; the second returns it as deduplicated', async () => {
    const checkout = sampleCheckout();
    const { sendReminder } = createActivities(deps());
    const env = activityEnv(checkout);
    const first = await run(env, sendReminder, reminder(checkout));
    const second = await run(env, sendReminder, reminder(checkout));
    assert.equal(first.outcome, 'sent');
    assert.ok(first.messageId);
    assert.equal(first.deduplicated, undefined);
    assert.deepEqual(second, { outcome: 'sent', messageId: first.messageId, deduplicated: true, channel: 'email' });
    const inbox = await ses.messagesTo(checkout.customer.email);
    assert.equal(inbox.length, 1);
    assert.equal(inbox[0]?.messageId, first.messageId);
    assert.equal(inbox[0]?.subject, 'Du hast etwas in deinem Warenkorb vergessen');
  });

  it('each step is its own message', async () => {
    const checkout = sampleCheckout();
    const { sendReminder } = createActivities(deps());
    const env = activityEnv(checkout);
    await run(env, sendReminder, reminder(checkout, 1));
    await run(env, sendReminder, { ...reminder(checkout, 2), template: 'cart' as const });
    assert.equal((await ses.messagesTo(checkout.customer.email)).length, 2);
  });

  it('after a failed payment the reminder says so, names the saved method, and resumes at payment with it', async () => {
    const checkout = sampleCheckout();
    const { sendReminder } = createActivities(deps());
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
    assert.match(
      mail?.body.text ?? '',
      /Deine Zahlung ist beim letzten Mal nicht durchgegangen\. PayPal ist noch ausgewählt/,
    );
    const target = new URL(signedLinkIn(mail?.body.text, 'resume').claims.target ?? '');
    assert.equal(target.searchParams.get('retry_payment'), '1');
    assert.equal(target.searchParams.get('payment_method'), 'paypal');
    assert.equal(`${target.origin}${target.pathname}`, checkout.checkoutUrl.replace(/\?.*$/, ''));
  });

  it('an item out of stock gets a no-pressure note; no reason, no note', async () => {
    const oos = sampleCheckout();
    const plain = sampleCheckout();
    const { sendReminder } = createActivities(deps());
    await run(activityEnv(oos), sendReminder, {
      ...reminder(oos),
      abandonReason: 'out_of_stock',
      progress: { lastStep: 'item_out_of_stock', outOfStock: ['SKU-1'], events: 1 },
    });
    await run(activityEnv(plain), sendReminder, reminder(plain));
    const [oosMail] = await ses.messagesTo(oos.customer.email);
    const [plainMail] = await ses.messagesTo(plain.customer.email);
    assert.match(oosMail?.body.text ?? '', /ist ausverkauft\. Keine Eile/);
    assert.match(oosMail?.body.html ?? '', /ist ausverkauft\. Keine Eile/);
    assert.doesNotMatch(plainMail?.body.text ?? '', /Zahlung|ausverkauft|Versand/i);
    assert.equal(signedLinkIn(plainMail?.body.text, 'resume').claims.target, plain.checkoutUrl);
  });

  it('the sent reminder links to the API with links signed for its checkout and step, expiring after the send', async () => {
    const checkout = sampleCheckout();
    const { sendReminder } = createActivities(deps());
    const before = Math.floor(Date.now() / 1000);
    await run(activityEnv(checkout), sendReminder, reminder(checkout, 2));
    const after = Math.ceil(Date.now() / 1000);
    const [mail] = await ses.messagesTo(checkout.customer.email);
    for (const body of [mail?.body.text, mail?.body.html]) {
      const resume = signedLinkIn(body, 'resume');
      const unsubscribe = signedLinkIn(body, 'unsubscribe');
      for (const { claims } of [resume, unsubscribe]) {
        assert.equal(claims.checkoutId, checkout.checkoutId);
        assert.equal(claims.customerId, checkout.customer.id);
        assert.equal(claims.step, 2);
      }
      assert.equal(resume.claims.target, checkout.checkoutUrl);
      const expiresIn = (claims: LinkClaims, days: number) =>
        assert.ok(
          claims.expiresAt >= before + days * 86_400 && claims.expiresAt <= after + days * 86_400,
          `${claims.purpose} expires ${days} days after the send`,
        );
      expiresIn(resume.claims, 7);
      expiresIn(unsubscribe.claims, 90);
      assert.ok(!body?.includes('?checkout='), 'no unsigned unsubscribe link');
    }
  });

  for (const state of ['ordered', 'cancelled']) {
    it(`a checkout ${state} just before the send suppresses it, and frees the step for a later send`, async () => {
      const checkout = sampleCheckout();
      const asked: string[] = [];
      let current = state;
      const { sendReminder } = createActivities(
        deps({
          checkoutState: async (workflowId) => {
            asked.push(workflowId);
            return current;
          },
        }),
      );
      const env = activityEnv(checkout);
      const result = await run(env, sendReminder, reminder(checkout));
      assert.deepEqual(result, { outcome: 'suppressed', reason: `checkout ${state} before the send` });
      assert.deepEqual(asked, [workflowIdFor(checkout.checkoutId)]);
      assert.equal((await ses.messagesTo(checkout.customer.email)).length, 0);

      current = 'reminding'; // e.g. a workflow reset past the order: the step may go out after all
      assert.equal((await run(env, sendReminder, reminder(checkout))).outcome, 'sent');
      assert.equal((await ses.messagesTo(checkout.customer.email)).length, 1);
    });
  }

  it('a checkout still waiting for its reminder gets it', async () => {
    const checkout = sampleCheckout();
    const { sendReminder } = createActivities(deps({ checkoutState: async () => 'reminding' }));
    assert.equal((await run(activityEnv(checkout), sendReminder, reminder(checkout))).outcome, 'sent');
  });

  it('an order confirmation is sent once per order, without asking for the checkout state', async () => {
    const checkout = sampleCheckout();
    const { sendOrderConfirmation } = createActivities(
      deps({ checkoutState: async () => assert.fail('confirmations are not re-checked') }),
    );
    const env = activityEnv(checkout);
    const first = await run(env, sendOrderConfirmation, { checkout, orderId: 'ord-1', total: 99 });
    const again = await run(env, sendOrderConfirmation, { checkout, orderId: 'ord-1', total: 99 });
    assert.equal(first.outcome, 'sent');
    assert.deepEqual(again, { outcome: 'sent', messageId: first.messageId, deduplicated: true, channel: 'email' });
    const inbox = await ses.messagesTo(checkout.customer.email);
    assert.deepEqual(
      inbox.map((e) => e.subject),
      ['Danke für deine Bestellung ord-1'],
    );
    assert.equal((await ledger.get(confirmationKey(checkout.checkoutId, 'ord-1')))?.kind, 'confirmation');
  });

  it('while another attempt holds the claim, the send is retried later instead of sent twice', async () => {
    const checkout = sampleCheckout();
    await ledger.claim(reminderKey(checkout.checkoutId, 1), {
      checkoutId: checkout.checkoutId,
      kind: 'reminder',
      step: 1,
    });
    const { sendReminder } = createActivities(deps());
    const err = await run(activityEnv(checkout), sendReminder, reminder(checkout)).catch((e: unknown) => e);
    assert.ok(err instanceof ApplicationFailure);
    assert.equal(err.type, TRANSIENT_SEND_FAILURE);
    assert.equal(err.nonRetryable, false);
    assert.equal(err.nextRetryDelay, BUSY_RETRY_DELAY_MS);
    assert.equal((await ses.messagesTo(checkout.customer.email)).length, 0);
  });

  /** The suite's ledger with its `markSent` replaced (a class instance: its methods do not spread). */
  const ledgerWithMarkSent = (markSent: SendLedger['markSent']): SendLedger => ({
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
    markSent,
  });

  it('a message SES accepted counts as sent even if the ledger cannot record it', async () => {
    const checkout = sampleCheckout();
    const forgetful = ledgerWithMarkSent(async () => {
      throw new Error('database went away');
    });
    const logs: LogEntry[] = [];
    const { sendReminder } = createActivities(deps({ ledger: forgetful }));
    const result = await run(activityEnv(checkout, logs), sendReminder, reminder(checkout));
    assert.equal(result.outcome, 'sent');
    assert.ok(logs.some((l) => l.level === 'WARN' && l.message === 'message sent but not recorded in the ledger'));
  });

  /** A checkout whose customer no other test shares: the cap counts across a customer's checkouts. */
  const ownCustomer = () => {
    const checkout = sampleCheckout();
    return { ...checkout, customer: { ...checkout.customer, id: `cust-${checkout.checkoutId}` } };
  };

  it("a capped reminder suppressed after its claim took the cap's hold blocks none of the customer's other checkouts", async () => {
    const checkout = ownCustomer();
    const HOUR = 3_600_000;
    const requestedAt = Date.now();
    // No SMS sender in these deps: the only channel cannot carry it, after the claim held the contact.
    const { sendReminder } = createActivities(deps());
    const result = await run(activityEnv(checkout, []), sendReminder, {
      ...reminder(checkout),
      channel: 'sms',
      frequencyCapMs: 16 * HOUR,
      requestedAt,
    });
    assert.equal(result.outcome, 'suppressed');
    assert.deepEqual(
      await ledger.holdContact(checkout.customer.id, `${checkout.checkoutId}-other`, 16 * HOUR, requestedAt + 1_000),
      { held: true },
    );
  });

  it('a capped send whose combined mark fails is still marked and still counted against the cap', async () => {
    const checkout = ownCustomer();
    const HOUR = 3_600_000;
    // The statement that marks, confirms the cap and appends the records fails once; the plain
    // mark and the confirmation on their own go through.
    let combinedFailures = 0;
    const flaky = ledgerWithMarkSent(async (key, id, channel, records, contact) => {
      if (contact || (records?.length ?? 0) > 0) {
        combinedFailures++;
        throw new Error('the combined statement failed');
      }
      return ledger.markSent(key, id, channel);
    });
    const logs: LogEntry[] = [];
    const { sendReminder } = createActivities(deps({ ledger: flaky }));
    const requestedAt = Date.now();
    const result = await run(activityEnv(checkout, logs), sendReminder, {
      ...reminder(checkout),
      frequencyCapMs: 16 * HOUR,
      requestedAt,
    });
    assert.equal(result.outcome, 'sent');
    assert.equal(combinedFailures, 1);
    assert.equal((await ledger.get(reminderKey(checkout.checkoutId, 1)))?.status, 'sent');
    const other = await ledger.holdContact(
      checkout.customer.id,
      `${checkout.checkoutId}-other`,
      16 * HOUR,
      requestedAt,
    );
    assert.equal(other.held ? 'held' : other.because, 'sent', 'the cap knows the message went out');
    assert.ok(!logs.some((l) => l.level === 'WARN'), JSON.stringify(logs.filter((l) => l.level === 'WARN')));
  });

  it('logs the checkout id and step, never the email address', async () => {
    const checkout = sampleCheckout();
    const logs: LogEntry[] = [];
    const { sendReminder } = createActivities(deps());
    const env = activityEnv(checkout, logs);
    await run(env, sendReminder, reminder(checkout));
    await run(env, sendReminder, reminder(checkout));
    const sent = logs.find((l) => l.message === 'message sent');
    assert.equal(sent?.meta?.checkoutId, checkout.checkoutId);
    assert.equal(sent?.meta?.step, 1);
    assert.ok(logs.some((l) => l.message.includes('already sent')));
    const everything = JSON.stringify(logs.map((l) => [l.message, l.meta]));
    assert.ok(!everything.includes(checkout.customer.email), 'no address in the logs');
  });
});

describe('send activities when SES fails', () => {
  it('a permanent rejection surfaces as PermanentSendFailure and releases the step for a retry', async () => {
    const [ses, ledger] = await openAll([
      [
        startSesFaultEndpoint({ queue: [{ kind: 'reject' }], default: { kind: 'ok', messageId: 'ses-after-fix' } }),
        (s) => s.close(),
      ],
      [openSendLedger({ databaseUrl: undefined, inMemory: true }), (l) => l.close()],
    ]);
    const mailer = createSesMailer({ endpoint: ses.url, region: 'us-east-1' });
    try {
      const checkout = sampleCheckout();
      const { sendReminder } = createActivities({ mailer, ledger, from: FROM, links: LINKS });
      const env = activityEnv(checkout);
      const err = await run(env, sendReminder, reminder(checkout)).catch((e: unknown) => e);
      assert.ok(err instanceof ApplicationFailure);
      assert.equal(err.type, PERMANENT_SEND_FAILURE);
      assert.equal(err.nonRetryable, true);
      const row = await ledger.get(reminderKey(checkout.checkoutId, 1));
      assert.equal(row?.status, 'sending');
      assert.equal(row?.claimedAt, null, 'claim released');

      // A workflow reset (or an operator fixing the address) may run the step again: it sends.
      const retried = await run(env, sendReminder, reminder(checkout));
      assert.deepEqual(retried, { outcome: 'sent', messageId: 'ses-after-fix', channel: 'email' });
      assert.equal(ses.count, 2);
      assert.equal((await ledger.get(reminderKey(checkout.checkoutId, 1)))?.attempts, 2);
    } finally {
      mailer.close();
      await ledger.close();
      await ses.close();
    }
  });
});

describe("send activity metrics (recorded on the activity context's meter)", () => {
  const { remindersSent, remindersSuppressed, remindersFailed, confirmationsSent, sendDuration } = SEND_METRICS;
  let ses: SesFaultEndpoint;
  let mailer: SesMailer;
  let ledger: SendLedger;
  before(async () => {
    [ses, ledger] = await openAll([
      [startSesFaultEndpoint({ default: { kind: 'ok' } }), (s) => s.close()],
      [openSendLedger({ databaseUrl: undefined, inMemory: true }), (l) => l.close()],
    ]);
    mailer = createSesMailer({ endpoint: ses.url, region: 'us-east-1' });
  });
  after(async () => {
    mailer?.close();
    await ledger?.close();
    await ses?.close();
  });

  function send(deps: Partial<ActivityDependencies> = {}, step = 1, checkout = sampleCheckout()) {
    const meter = new RecordingMeter();
    const { sendReminder } = createActivities({ mailer, ledger, from: FROM, links: LINKS, ...deps });
    const outcome = run(activityEnv(checkout, [], meter), sendReminder, reminder(checkout, step)).catch(
      (err: unknown) => err,
    );
    return { meter, outcome, checkout };
  }

  it('a sent reminder counts once by step and channel, with the SES call timed in seconds', async () => {
    const { meter, outcome } = send({}, 2);
    assert.equal(((await outcome) as SendResult).outcome, 'sent');
    assert.equal(meter.count(remindersSent, { step: '2', channel: 'email' }), 1);
    assert.equal(meter.count(remindersFailed) + meter.count(remindersSuppressed), 0);
    const [seconds, ...more] = meter.observations(sendDuration, { kind: 'reminder', channel: 'email', result: 'sent' });
    assert.deepEqual(more, []);
    assert.ok(seconds !== undefined && seconds > 0 && seconds < 5, `seconds, got ${seconds}`);
  });

  it('a send the dedupe ledger already made counts as suppressed (already_sent), not as sent again', async () => {
    const checkout = sampleCheckout();
    await send({}, 1, checkout).outcome;
    const again = send({}, 1, checkout);
    assert.equal(((await again.outcome) as SendResult).deduplicated, true);
    assert.equal(again.meter.count(remindersSent), 0);
    assert.equal(again.meter.count(remindersSuppressed, { step: '1', channel: 'email', reason: 'already_sent' }), 1);
  });

  for (const state of ['ordered', 'cancelled'] as const) {
    it(`a reminder suppressed because the checkout was ${state} counts with reason ${state}`, async () => {
      const { meter, outcome } = send({ checkoutState: async () => state });
      assert.equal(((await outcome) as SendResult).outcome, 'suppressed');
      assert.equal(meter.count(remindersSuppressed, { step: '1', reason: state }), 1);
      assert.deepEqual(meter.observations(sendDuration), [], 'SES was not called');
    });
  }

  for (const [behaviour, reason] of [
    [{ kind: 'reject' }, 'rejected'],
    [{ kind: 'throttle' }, 'throttled'],
    [{ kind: 'quota' }, 'quota'],
    [{ kind: 'fail' }, 'unavailable'],
    [{ kind: 'error', status: 403, code: 'InvalidClientTokenId', message: 'bad key' }, 'credentials'],
  ] as const) {
    it(`an SES ${behaviour.kind} counts as a failed attempt with reason ${reason}`, async () => {
      ses.enqueue(behaviour);
      const { meter, outcome } = send();
      assert.ok((await outcome) instanceof ApplicationFailure);
      assert.equal(meter.count(remindersFailed, { step: '1', channel: 'email', reason }), 1);
      assert.equal(meter.observations(sendDuration, { result: 'failed' }).length, 1);
      assert.equal(meter.count(remindersSent), 0);
    });
  }

  it('a message that cannot be built counts as failed (invalid_message); a held claim as failed (busy)', async () => {
    const bad = send({}, 1, sampleCheckout({ checkoutUrl: 'javascript:alert(1)' }));
    assert.ok((await bad.outcome) instanceof ApplicationFailure);
    assert.equal(bad.meter.count(remindersFailed, { reason: 'invalid_message' }), 1);

    const checkout = sampleCheckout();
    await ledger.claim(reminderKey(checkout.checkoutId, 1), {
      checkoutId: checkout.checkoutId,
      kind: 'reminder',
      step: 1,
    });
    const busy = send({}, 1, checkout);
    assert.ok((await busy.outcome) instanceof ApplicationFailure);
    assert.equal(busy.meter.count(remindersFailed, { reason: 'busy' }), 1);
  });

  it('an order confirmation counts apart from reminders, without a step', async () => {
    const meter = new RecordingMeter();
    const checkout = sampleCheckout();
    const { sendOrderConfirmation } = createActivities({ mailer, ledger, from: FROM, links: LINKS });
    await run(activityEnv(checkout, [], meter), sendOrderConfirmation, { checkout, orderId: 'ord-1' });
    assert.equal(meter.count(confirmationsSent, { channel: 'email' }), 1);
    assert.equal(meter.recorded.find((r) => r.name === confirmationsSent)?.tags.step, undefined);
    assert.equal(meter.count(remindersSent), 0);
    assert.equal(meter.observations(sendDuration, { kind: 'confirmation', result: 'sent' }).length, 1);
  });
});
