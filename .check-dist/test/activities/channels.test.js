var __importDefault = (this && this.__importDefault) || ((mod) => (mod && mod.__esModule ? mod : { default: mod }));
Object.defineProperty(exports, '__esModule', { value: true });
// A step's channels, tried in order by the real send activity: SMS through the SNS sender to the
// local SNS endpoint, email through the SES mailer to the local SES, the dedupe ledger in memory.
// A channel is passed over when the customer has no address on it, does not accept it, or the SMS
// rules forbid another text; a permanent rejection hands over to the next channel.
const strict_1 = __importDefault(require('node:assert/strict'));
const node_test_1 = require('node:test');
const common_1 = require('@temporalio/common');
const testing_1 = require('@temporalio/testing');
const activities_1 = require('../../activities');
const sms_channel_1 = require('../../activities/channels/sms-channel');
const sns_sms_sender_1 = require('../../activities/channels/sns-sms-sender');
const contract_1 = require('../../activities/contract');
const ses_mailer_1 = require('../../activities/ses-mailer');
const messages_1 = require('../../common/messages');
const main_1 = require('../../stand-ins/local-sns/main');
const send_ledger_1 = require('../../storage/send-ledger');
const inbox_1 = require('../support/inbox');
const links_1 = require('../support/links');
const fixtures_1 = require('./fixtures');
const HOUR = 3_600_000;
const OPTED_OUT = '+15550000002';
const RULES = { maxTexts: 1, within: '48h' };
let numbers = 0;
/** A checkout whose customer has their own phone number (the local SNS keeps every text). */
function withPhone(phone = `+1415555${String(1000 + numbers++).padStart(4, '0')}`) {
  const checkout = (0, fixtures_1.sampleCheckout)({ checkoutUrl: 'https://shop.example.com/c/1' });
  return { ...checkout, customer: { ...checkout.customer, phone } };
}
const reminder = (checkout, channels, step = 1) => ({
  checkout,
  step,
  stepsTotal: 3,
  channel: channels[0] ?? 'email',
  channels,
  template: 'friendly',
});
function send(deps, input) {
  const env = new testing_1.MockActivityEnvironment({
    workflowExecution: { workflowId: (0, messages_1.workflowIdFor)(input.checkout.checkoutId), runId: 'run-1' },
  });
  const { sendReminder } = (0, activities_1.createActivities)(deps);
  return env.run(sendReminder, input);
}
(0, node_test_1.describe)('a step’s channels in order, with fallback (local SNS and SES, in-memory ledger)', () => {
  let ses;
  let sns;
  let mailer;
  let sms;
  let ledger;
  const deps = (extra = {}) => ({
    mailer,
    ledger,
    from: fixtures_1.FROM,
    links: fixtures_1.LINKS,
    channels: [(0, sms_channel_1.smsChannel)(sms, 'Your Shop', { allowedCallingCodes: ['+1'] })],
    ...extra,
  });
  const textsTo = (phone) => sns.messages().filter((m) => m.phoneNumber === phone);
  (0, node_test_1.before)(async () => {
    [ses, sns, ledger] = await Promise.all([
      inbox_1.LocalInbox.start(),
      (0, main_1.startLocalSnsServer)('127.0.0.1', 0, { optedOutNumbers: [OPTED_OUT] }),
      (0, send_ledger_1.openSendLedger)({ databaseUrl: undefined, inMemory: true }),
    ]);
    mailer = (0, ses_mailer_1.createSesMailer)({ endpoint: ses.url, region: 'us-east-1' });
    sms = (0, sns_sms_sender_1.createSnsSmsSender)({ endpoint: sns.url, region: 'us-east-1' });
  });
  (0, node_test_1.after)(async () => {
    mailer.close();
    sms.close();
    await ledger.close();
    await Promise.all([ses.close(), sns.close()]);
  });
  (0, node_test_1.it)(
    '["sms","email"] with a phone number: one text with the signed resume link, no email',
    async () => {
      const checkout = withPhone();
      const result = await send(deps(), reminder(checkout, ['sms', 'email']));
      strict_1.default.equal(result.outcome, 'sent');
      strict_1.default.equal(result.channel, 'sms');
      strict_1.default.equal(result.skipped, undefined);
      const [text, ...more] = textsTo(checkout.customer.phone);
      strict_1.default.equal(more.length, 0);
      strict_1.default.equal(text?.messageId, result.messageId);
      strict_1.default.match(text?.message ?? '', /^Your Shop: Your cart is saved\. .* Reply STOP to opt out$/);
      const resume = (0, links_1.signedLinkIn)(text?.message, 'resume');
      strict_1.default.equal(resume.claims.checkoutId, checkout.checkoutId);
      strict_1.default.equal(resume.claims.step, 1);
      strict_1.default.equal((await ses.messagesTo(checkout.customer.email)).length, 0);
      strict_1.default.equal(
        (await ledger.get((0, send_ledger_1.reminderKey)(checkout.checkoutId, 1)))?.channel,
        'sms',
      );
    },
  );
  (0, node_test_1.it)(
    'a number outside SMS_ALLOWED_COUNTRIES is not texted: the email goes and the reason names the setting',
    async () => {
      const checkout = withPhone('+447700900123');
      const result = await send(deps(), reminder(checkout, ['sms', 'email']));
      strict_1.default.equal(result.outcome, 'sent');
      strict_1.default.equal(result.channel, 'email');
      strict_1.default.match(result.skipped?.[0]?.reason ?? '', /SMS_ALLOWED_COUNTRIES: \+1/);
      strict_1.default.equal(textsTo(checkout.customer.phone).length, 0);
      const none = await send(
        deps({ channels: [(0, sms_channel_1.smsChannel)(sms, 'Your Shop', { allowedCallingCodes: [] })] }),
        reminder(withPhone(), ['sms']),
      );
      strict_1.default.equal(none.outcome, 'suppressed');
      strict_1.default.match((none.outcome === 'suppressed' && none.reason) || '', /SMS_ALLOWED_COUNTRIES is not set/);
    },
  );
  (0, node_test_1.it)(
    'the phone cap counts texts per number, across checkouts and customer ids, even sent all at once',
    async () => {
      const phone = '+14155550900';
      const capped = deps({ smsPhoneCap: { maxTexts: 2, withinMs: 24 * HOUR, spec: '2/24h' } });
      // Six checkouts of six made-up customers, all aimed at one number, due in the same instant.
      const checkouts = Array.from({ length: 6 }, (_, i) => {
        const checkout = withPhone(phone);
        return { ...checkout, customer: { ...checkout.customer, id: `attacker-${i}` } };
      });
      const results = await Promise.all(checkouts.map((c) => send(capped, reminder(c, ['sms', 'email']))));
      strict_1.default.equal(textsTo(phone).length, 2, 'two texts, then the cap');
      strict_1.default.deepEqual(results.map((r) => (r.outcome === 'sent' ? r.channel : r.outcome)).sort(), [
        'email',
        'email',
        'email',
        'email',
        'sms',
        'sms',
      ]);
      const reasons = results.flatMap((r) => (r.outcome === 'sent' ? (r.skipped ?? []) : [])).map((s) => s.reason);
      strict_1.default.ok(
        reasons.every((r) => /SMS phone cap: this number already got 2 text\(s\) within 24h/.test(r)),
        reasons.join('; '),
      );
    },
  );
  (0, node_test_1.it)('a text that does not go out gives its place under the phone cap back', async () => {
    const phone = '+14155550901';
    const capped = deps({ smsPhoneCap: { maxTexts: 1, withinMs: 24 * HOUR, spec: '1/24h' } });
    const first = withPhone(phone);
    // Ordered meanwhile: the send is suppressed after the SMS route reserved its text.
    const suppressed = await send(
      { ...capped, checkoutState: async () => 'ordered' },
      reminder(first, ['sms', 'email']),
    );
    strict_1.default.equal(suppressed.outcome, 'suppressed');
    const second = await send(capped, reminder(withPhone(phone), ['sms', 'email']));
    strict_1.default.equal(
      second.outcome === 'sent' && second.channel,
      'sms',
      'the suppressed send did not use up the cap',
    );
  });
  (0, node_test_1.it)('no phone number: the email goes, and the status says why SMS did not', async () => {
    const checkout = (0, fixtures_1.sampleCheckout)();
    const result = await send(deps(), reminder(checkout, ['sms', 'email']));
    strict_1.default.equal(result.outcome, 'sent');
    strict_1.default.equal(result.channel, 'email');
    strict_1.default.deepEqual(result.skipped, [{ channel: 'sms', reason: 'the customer has no phone number' }]);
    strict_1.default.equal((await ses.messagesTo(checkout.customer.email)).length, 1);
  });
  (0, node_test_1.it)(
    'SNS rejects the number for good (opted out): the next channel takes it, the rejection is recorded',
    async () => {
      const checkout = withPhone(OPTED_OUT);
      const result = await send(deps(), reminder(checkout, ['sms', 'email']));
      strict_1.default.equal(result.channel, 'email');
      strict_1.default.equal(result.skipped?.[0]?.channel, 'sms');
      strict_1.default.match(result.skipped?.[0]?.reason ?? '', /^SNS rejected the text: OptedOut/);
      strict_1.default.equal((await ses.messagesTo(checkout.customer.email)).length, 1);
      strict_1.default.equal(textsTo(OPTED_OUT).length, 0);
    },
  );
  (0, node_test_1.it)('the customer does not accept SMS: the email goes', async () => {
    const checkout = withPhone();
    const asked = [];
    const consent = async (customerId) => {
      asked.push(customerId);
      return { optedOut: false, channels: ['email'] };
    };
    const result = await send(deps({ consent }), reminder(checkout, ['sms', 'email']));
    strict_1.default.equal(result.channel, 'email');
    strict_1.default.deepEqual(result.skipped, [{ channel: 'sms', reason: 'customer does not accept sms' }]);
    strict_1.default.deepEqual(asked, [checkout.customer.id]);
    strict_1.default.equal(textsTo(checkout.customer.phone).length, 0);
  });
  (0, node_test_1.it)('an opted-out customer gets nothing on any channel of the step', async () => {
    const checkout = withPhone();
    const consent = async () => ({ optedOut: true });
    const result = await send(deps({ consent }), reminder(checkout, ['sms', 'email']));
    strict_1.default.equal(result.outcome, 'suppressed');
    strict_1.default.equal(result.optedOut, true);
    strict_1.default.equal(textsTo(checkout.customer.phone).length, 0);
    strict_1.default.equal((await ses.messagesTo(checkout.customer.email)).length, 0);
  });
  (0, node_test_1.it)('SMS rules: the checkout’s second text falls back to email', async () => {
    const checkout = withPhone();
    const abandonedAt = Date.now() - HOUR;
    const rules = { smsRules: RULES, abandonedAt, requestedAt: Date.now() };
    const first = await send(deps(), { ...reminder(checkout, ['sms', 'email'], 1), ...rules });
    const second = await send(deps(), { ...reminder(checkout, ['sms', 'email'], 2), ...rules });
    strict_1.default.equal(first.channel, 'sms');
    strict_1.default.equal(second.channel, 'email');
    strict_1.default.deepEqual(second.skipped, [
      { channel: 'sms', reason: 'SMS rules: 1 text(s) already sent for this checkout (at most 1)' },
    ]);
    strict_1.default.equal(textsTo(checkout.customer.phone).length, 1);
    strict_1.default.equal((await ses.messagesTo(checkout.customer.email)).length, 1);
  });
  (0, node_test_1.it)('SMS rules: no text later than 48 h after the abandonment, on the workflow’s clock', async () => {
    const checkout = withPhone();
    const requestedAt = Date.now() + 1_000 * HOUR; // a time-skipped workflow's clock
    const late = await send(deps(), {
      ...reminder(checkout, ['sms', 'email']),
      smsRules: RULES,
      abandonedAt: requestedAt - 49 * HOUR,
      requestedAt,
    });
    strict_1.default.equal(late.channel, 'email');
    strict_1.default.deepEqual(late.skipped, [
      { channel: 'sms', reason: 'SMS rules: more than 48h since the checkout was abandoned' },
    ]);
    const inTime = await send(deps(), {
      ...reminder(withPhone(), ['sms', 'email']),
      smsRules: RULES,
      abandonedAt: requestedAt - 47 * HOUR,
      requestedAt,
    });
    strict_1.default.equal(inTime.channel, 'sms');
  });
  (0, node_test_1.it)(
    'no channel can reach the customer: suppressed with every reason, and the step stays free',
    async () => {
      const checkout = (0, fixtures_1.sampleCheckout)();
      const result = await send(deps(), reminder(checkout, ['push', 'sms']));
      strict_1.default.deepEqual(result, {
        outcome: 'suppressed',
        reason:
          'no channel can reach the customer: push: no push sender configured; sms: the customer has no phone number',
        skipped: [
          { channel: 'push', reason: 'no push sender configured' },
          { channel: 'sms', reason: 'the customer has no phone number' },
        ],
      });
      strict_1.default.equal(
        (await ledger.get((0, send_ledger_1.reminderKey)(checkout.checkoutId, 1)))?.status,
        'sending',
      );
      strict_1.default.equal(
        (await ledger.get((0, send_ledger_1.reminderKey)(checkout.checkoutId, 1)))?.claimedAt,
        null,
        'claim released',
      );
    },
  );
  (0, node_test_1.it)(
    'the last channel rejects it for good: a permanent failure that names every channel’s reason',
    async () => {
      const checkout = withPhone(OPTED_OUT);
      const err = await send(deps(), reminder(checkout, ['push', 'sms'])).then(
        () => strict_1.default.fail('should fail'),
        (e) => e,
      );
      strict_1.default.ok(err instanceof common_1.ApplicationFailure);
      strict_1.default.equal(err.type, contract_1.PERMANENT_SEND_FAILURE);
      strict_1.default.equal(err.nonRetryable, true);
      strict_1.default.match(
        err.message,
        /^SNS rejected the text: OptedOut: .* \(after push: no push sender configured\)$/,
      );
    },
  );
  (0, node_test_1.it)('a retried step that was already sent by SMS answers that, without sending again', async () => {
    const checkout = withPhone();
    const first = await send(deps(), reminder(checkout, ['sms', 'email']));
    const again = await send(deps(), reminder(checkout, ['sms', 'email']));
    strict_1.default.deepEqual(again, {
      outcome: 'sent',
      messageId: first.messageId,
      deduplicated: true,
      channel: 'sms',
    });
    strict_1.default.equal(textsTo(checkout.customer.phone).length, 1);
  });
});
//# sourceMappingURL=channels.test.js.map
