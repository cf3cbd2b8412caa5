// A step's channels, tried in order by the real send activity: SMS through the SNS sender to the
// local SNS endpoint, email through the SES mailer to the local SES, the dedupe ledger in memory.
// A channel is passed over when the customer has no address on it, does not accept it, or the SMS
// rules forbid another text; a permanent rejection hands over to the next channel.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ApplicationFailure } from '@temporalio/common';
import { MockActivityEnvironment } from '@temporalio/testing';
import { type ActivityDependencies, createActivities } from '../../activities';
import { smsChannel } from '../../activities/channels/sms-channel';
import { createSnsSmsSender, type SmsSender } from '../../activities/channels/sns-sms-sender';
import { PERMANENT_SEND_FAILURE, type SendReminderInput, type SendResult } from '../../activities/contract';
import { createSesMailer, type SesMailer } from '../../activities/ses-mailer';
import type { Channel, Checkout } from '../../common/checkout';
import { workflowIdFor } from '../../common/messages';
import { type LocalSns, startLocalSnsServer } from '../../stand-ins/local-sns/main';
import { openSendLedger, reminderKey, type SendLedger } from '../../storage/send-ledger';
import { LocalInbox } from '../support/inbox';
import { signedLinkIn } from '../support/links';
import { openAll } from '../support/open-all';
import { FROM, LINKS, sampleCheckout } from './fixtures';

const HOUR = 3_600_000;
const OPTED_OUT = '+15550000002';
const RULES = { maxTexts: 1, within: '48h' };

let numbers = 0;
/** A checkout whose customer has their own phone number (the local SNS keeps every text). */
function withPhone(phone = `+1415555${String(1000 + numbers++).padStart(4, '0')}`): Checkout {
  const checkout = sampleCheckout({ checkoutUrl: 'https://shop.example.com/c/1' });
  return { ...checkout, customer: { ...checkout.customer, phone } };
}

const reminder = (checkout: Checkout, channels: Channel[], step = 1): SendReminderInput => ({
  checkout,
  step,
  stepsTotal: 3,
  channel: channels[0] ?? 'email',
  channels,
  template: 'friendly',
});

function send(deps: ActivityDependencies, input: SendReminderInput): Promise<SendResult> {
  const env = new MockActivityEnvironment({
    workflowExecution: { workflowId: workflowIdFor(input.checkout.checkoutId), runId: 'run-1' },
  });
  const { sendReminder } = createActivities(deps);
  return env.run<[SendReminderInput], SendResult, typeof sendReminder>(sendReminder, input);
}

describe('a step’s channels in order, with fallback (local SNS and SES, in-memory ledger)', () => {
  let ses: LocalInbox;
  let sns: LocalSns;
  let mailer: SesMailer;
  let sms: SmsSender;
  let ledger: SendLedger;
  const deps = (extra: Partial<ActivityDependencies> = {}): ActivityDependencies => ({
    mailer,
    ledger,
    from: FROM,
    links: LINKS,
    channels: [smsChannel(sms, 'Your Shop', { allowedCallingCodes: ['+1'] })],
    ...extra,
  });
  const textsTo = (phone: string | undefined) => sns.messages().filter((m) => m.phoneNumber === phone);

  before(async () => {
    [ses, sns, ledger] = await openAll([
      [LocalInbox.start(), (s) => s.close()],
      [startLocalSnsServer('127.0.0.1', 0, { optedOutNumbers: [OPTED_OUT] }), (s) => s.close()],
      [openSendLedger({ databaseUrl: undefined, inMemory: true }), (l) => l.close()],
    ]);
    mailer = createSesMailer({ endpoint: ses.url, region: 'us-east-1' });
    sms = createSnsSmsSender({ endpoint: sns.url, region: 'us-east-1' });
  });
  after(async () => {
    mailer?.close();
    sms?.close();
    await ledger?.close();
    await Promise.all([ses?.close(), sns?.close()]);
  });

  it('["sms","email"] with a phone number: one text with the signed resume link, no email', async () => {
    const checkout = withPhone();
    const result = await send(deps(), reminder(checkout, ['sms', 'email']));
    assert.equal(result.outcome, 'sent');
    assert.equal(result.channel, 'sms');
    assert.equal(result.skipped, undefined);
    const [text, ...more] = textsTo(checkout.customer.phone);
    assert.equal(more.length, 0);
    assert.equal(text?.messageId, result.messageId);
    assert.match(text?.message ?? '', /^Your Shop: Dein Warenkorb ist gespeichert\. .* STOP zum Abmelden$/);
    const resume = signedLinkIn(text?.message, 'resume');
    assert.equal(resume.claims.checkoutId, checkout.checkoutId);
    assert.equal(resume.claims.step, 1);
    assert.equal((await ses.messagesTo(checkout.customer.email)).length, 0);
    assert.equal((await ledger.get(reminderKey(checkout.checkoutId, 1)))?.channel, 'sms');
  });

  it('a number outside SMS_ALLOWED_COUNTRIES is not texted: the email goes and the reason names the setting', async () => {
    const checkout = withPhone('+447700900123');
    const result = await send(deps(), reminder(checkout, ['sms', 'email']));
    assert.equal(result.outcome, 'sent');
    assert.equal(result.channel, 'email');
    assert.match(result.skipped?.[0]?.reason ?? '', /SMS_ALLOWED_COUNTRIES: \+1/);
    assert.equal(textsTo(checkout.customer.phone).length, 0);
    const none = await send(
      deps({ channels: [smsChannel(sms, 'Your Shop', { allowedCallingCodes: [] })] }),
      reminder(withPhone(), ['sms']),
    );
    assert.equal(none.outcome, 'suppressed');
    assert.match((none.outcome === 'suppressed' && none.reason) || '', /SMS_ALLOWED_COUNTRIES is not set/);
  });

  it('the phone cap counts texts per number, across checkouts and customer ids, even sent all at once', async () => {
    const phone = '+14155550900';
    const capped = deps({ smsPhoneCap: { maxTexts: 2, withinMs: 24 * HOUR, spec: '2/24h' } });
    // Six checkouts of six made-up customers, all aimed at one number, due in the same instant.
    const checkouts = Array.from({ length: 6 }, (_, i) => {
      const checkout = withPhone(phone);
      return { ...checkout, customer: { ...checkout.customer, id: `attacker-${i}` } };
    });
    const results = await Promise.all(checkouts.map((c) => send(capped, reminder(c, ['sms', 'email']))));
    assert.equal(textsTo(phone).length, 2, 'two texts, then the cap');
    assert.deepEqual(results.map((r) => (r.outcome === 'sent' ? r.channel : r.outcome)).sort(), [
      'email',
      'email',
      'email',
      'email',
      'sms',
      'sms',
    ]);
    const reasons = results.flatMap((r) => (r.outcome === 'sent' ? (r.skipped ?? []) : [])).map((s) => s.reason);
    assert.ok(
      reasons.every((r) => /SMS phone cap: this number already got 2 text\(s\) within 24h/.test(r)),
      reasons.join('; '),
    );
  });

  it('a text that does not go out gives its place under the phone cap back', async () => {
    const phone = '+14155550901';
    const capped = deps({ smsPhoneCap: { maxTexts: 1, withinMs: 24 * HOUR, spec: '1/24h' } });
    const first = withPhone(phone);
    // Ordered meanwhile: the send is suppressed after the SMS route reserved its text.
    const suppressed = await send(
      { ...capped, checkoutState: async () => 'ordered' },
      reminder(first, ['sms', 'email']),
    );
    assert.equal(suppressed.outcome, 'suppressed');
    const second = await send(capped, reminder(withPhone(phone), ['sms', 'email']));
    assert.equal(second.outcome === 'sent' && second.channel, 'sms', 'the suppressed send did not use up the cap');
  });

  it('no phone number: the email goes, and the status says why SMS did not', async () => {
    const checkout = sampleCheckout();
    const result = await send(deps(), reminder(checkout, ['sms', 'email']));
    assert.equal(result.outcome, 'sent');
    assert.equal(result.channel, 'email');
    assert.deepEqual(result.skipped, [{ channel: 'sms', reason: 'the customer has no phone number' }]);
    assert.equal((await ses.messagesTo(checkout.customer.email)).length, 1);
  });

  it('SNS rejects the number for good (opted out): the next channel takes it, the rejection is recorded', async () => {
    const checkout = withPhone(OPTED_OUT);
    const result = await send(deps(), reminder(checkout, ['sms', 'email']));
    assert.equal(result.channel, 'email');
    assert.equal(result.skipped?.[0]?.channel, 'sms');
    assert.match(result.skipped?.[0]?.reason ?? '', /^SNS rejected the text: OptedOut/);
    assert.equal((await ses.messagesTo(checkout.customer.email)).length, 1);
    assert.equal(textsTo(OPTED_OUT).length, 0);
  });

  it('the customer does not accept SMS: the email goes', async () => {
    const checkout = withPhone();
    const asked: string[] = [];
    const consent = async (customerId: string) => {
      asked.push(customerId);
      return { optedOut: false, channels: ['email' as const] };
    };
    const result = await send(deps({ consent }), reminder(checkout, ['sms', 'email']));
    assert.equal(result.channel, 'email');
    assert.deepEqual(result.skipped, [{ channel: 'sms', reason: 'customer does not accept sms' }]);
    assert.deepEqual(asked, [checkout.customer.id]);
    assert.equal(textsTo(checkout.customer.phone).length, 0);
  });

  it('an opted-out customer gets nothing on any channel of the step', async () => {
    const checkout = withPhone();
    const consent = async () => ({ optedOut: true });
    const result = await send(deps({ consent }), reminder(checkout, ['sms', 'email']));
    assert.equal(result.outcome, 'suppressed');
    assert.equal(result.optedOut, true);
    assert.equal(textsTo(checkout.customer.phone).length, 0);
    assert.equal((await ses.messagesTo(checkout.customer.email)).length, 0);
  });

  it('SMS rules: the checkout’s second text falls back to email', async () => {
    const checkout = withPhone();
    const abandonedAt = Date.now() - HOUR;
    const rules = { smsRules: RULES, abandonedAt, requestedAt: Date.now() };
    const first = await send(deps(), { ...reminder(checkout, ['sms', 'email'], 1), ...rules });
    const second = await send(deps(), { ...reminder(checkout, ['sms', 'email'], 2), ...rules });
    assert.equal(first.channel, 'sms');
    assert.equal(second.channel, 'email');
    assert.deepEqual(second.skipped, [
      { channel: 'sms', reason: 'SMS rules: 1 text(s) already sent for this checkout (at most 1)' },
    ]);
    assert.equal(textsTo(checkout.customer.phone).length, 1);
    assert.equal((await ses.messagesTo(checkout.customer.email)).length, 1);
  });

  it('SMS rules: no text later than 48 h after the abandonment, on the workflow’s clock', async () => {
    const checkout = withPhone();
    const requestedAt = Date.now() + 1_000 * HOUR; // a time-skipped workflow's clock
    const late = await send(deps(), {
      ...reminder(checkout, ['sms', 'email']),
      smsRules: RULES,
      abandonedAt: requestedAt - 49 * HOUR,
      requestedAt,
    });
    assert.equal(late.channel, 'email');
    assert.deepEqual(late.skipped, [
      { channel: 'sms', reason: 'SMS rules: more than 48h since the checkout was abandoned' },
    ]);
    const inTime = await send(deps(), {
      ...reminder(withPhone(), ['sms', 'email']),
      smsRules: RULES,
      abandonedAt: requestedAt - 47 * HOUR,
      requestedAt,
    });
    assert.equal(inTime.channel, 'sms');
  });

  it('no channel can reach the customer: suppressed with every reason, and the step stays free', async () => {
    const checkout = sampleCheckout();
    const result = await send(deps(), reminder(checkout, ['push', 'sms']));
    assert.deepEqual(result, {
      outcome: 'suppressed',
      reason:
        'no channel can reach the customer: push: no push sender configured; sms: the customer has no phone number',
      skipped: [
        { channel: 'push', reason: 'no push sender configured' },
        { channel: 'sms', reason: 'the customer has no phone number' },
      ],
    });
    assert.equal((await ledger.get(reminderKey(checkout.checkoutId, 1)))?.status, 'sending');
    assert.equal((await ledger.get(reminderKey(checkout.checkoutId, 1)))?.claimedAt, null, 'claim released');
  });

  it('the last channel rejects it for good: a permanent failure that names every channel’s reason', async () => {
    const checkout = withPhone(OPTED_OUT);
    const err = await send(deps(), reminder(checkout, ['push', 'sms'])).then(
      () => assert.fail('should fail'),
      (e: unknown) => e,
    );
    assert.ok(err instanceof ApplicationFailure);
    assert.equal(err.type, PERMANENT_SEND_FAILURE);
    assert.equal(err.nonRetryable, true);
    assert.match(err.message, /^SNS rejected the text: OptedOut: .* \(after push: no push sender configured\)$/);
  });

  it('a retried step that was already sent by SMS answers that, without sending again', async () => {
    const checkout = withPhone();
    const first = await send(deps(), reminder(checkout, ['sms', 'email']));
    const again = await send(deps(), reminder(checkout, ['sms', 'email']));
    assert.deepEqual(again, { outcome: 'sent', messageId: first.messageId, deduplicated: true, channel: 'sms' });
    assert.equal(textsTo(checkout.customer.phone).length, 1);
  });
});
