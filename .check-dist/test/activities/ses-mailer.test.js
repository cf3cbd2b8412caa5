var __importDefault = (this && this.__importDefault) || ((mod) => (mod && mod.__esModule ? mod : { default: mod }));
Object.defineProperty(exports, '__esModule', { value: true });
const strict_1 = __importDefault(require('node:assert/strict'));
const node_test_1 = require('node:test');
const common_1 = require('@temporalio/common');
const contract_1 = require('../../activities/contract');
const links_1 = require('../../activities/links');
const mime_1 = require('../../activities/mime');
const ses_failures_1 = require('../../activities/ses-failures');
const ses_mailer_1 = require('../../activities/ses-mailer');
const templates_1 = require('../../activities/templates');
const inbox_1 = require('../support/inbox');
const ses_fault_endpoint_1 = require('../support/ses-fault-endpoint');
const fixtures_1 = require('./fixtures');
async function message(checkout = (0, fixtures_1.sampleCheckout)()) {
  const links = (0, links_1.reminderLinks)(fixtures_1.LINKS, checkout, 1);
  const email = (0, templates_1.renderReminder)('friendly', { checkout, step: 1, stepsTotal: 3, ...links });
  const raw = await (0, mime_1.buildMime)({
    from: fixtures_1.FROM,
    to: checkout.customer,
    email,
    headers: (0, mime_1.reminderHeaders)(links.unsubscribeUrl, checkout.checkoutId, 1),
  });
  return { from: fixtures_1.FROM, to: checkout.customer.email, raw, email };
}
/** The failure the mailer threw for one SES behaviour. */
async function failureFor(ses, mailer, behaviour) {
  ses.enqueue(behaviour);
  const err = await mailer.send(await message()).then(
    () => strict_1.default.fail('the send should have failed'),
    (e) => e,
  );
  strict_1.default.ok(err instanceof common_1.ApplicationFailure, `an ApplicationFailure, got ${String(err)}`);
  return err;
}
(0, node_test_1.describe)('SES mailer against a real local SES', () => {
  let ses;
  let mailer;
  (0, node_test_1.before)(async () => {
    ses = await inbox_1.LocalInbox.start();
    mailer = (0, ses_mailer_1.createSesMailer)({ endpoint: ses.url, region: 'us-east-1' });
  });
  (0, node_test_1.after)(async () => {
    mailer.close();
    await ses.close();
  });
  (0, node_test_1.it)('delivers the raw message: it arrives with subject, recipient and HTML', async () => {
    const msg = await message();
    const { messageId } = await mailer.send(msg);
    strict_1.default.match(messageId, /^ses-\d+$/);
    const [stored, ...more] = await ses.messagesTo(msg.to);
    strict_1.default.equal(more.length, 0);
    strict_1.default.equal(stored?.messageId, messageId);
    strict_1.default.equal(stored?.subject, 'You left something in your cart');
    strict_1.default.ok(stored?.destination.to.some((to) => to.includes(msg.to)));
    strict_1.default.ok(stored?.body.html?.includes('Return to my cart'));
    strict_1.default.ok(stored?.body.text?.includes('Return to my cart'));
  });
});
(0, node_test_1.describe)('SES error classification against SES-shaped error responses', () => {
  let ses;
  let mailer;
  (0, node_test_1.before)(async () => {
    ses = await (0, ses_fault_endpoint_1.startSesFaultEndpoint)();
    mailer = (0, ses_mailer_1.createSesMailer)({ endpoint: ses.url, region: 'us-east-1' }, { requestTimeoutMs: 300 });
  });
  (0, node_test_1.after)(async () => {
    mailer.close();
    await ses.close();
  });
  (0, node_test_1.it)(
    'MessageRejected is a non-retryable PermanentSendFailure that does not quote the address',
    async () => {
      const failure = await failureFor(ses, mailer, { kind: 'reject' });
      strict_1.default.equal(failure.type, contract_1.PERMANENT_SEND_FAILURE);
      strict_1.default.equal(failure.nonRetryable, true);
      strict_1.default.match(
        failure.message,
        /^SES rejected the message: MessageRejected: Email address is not verified/,
      );
      strict_1.default.ok(!failure.message.includes('shopper@example.com'), failure.message);
    },
  );
  for (const code of [
    'MailFromDomainNotVerifiedException',
    'ConfigurationSetDoesNotExist',
    'InvalidParameterValue',
    'AccountSendingPausedException',
    'SomeFutureClientError',
  ]) {
    (0, node_test_1.it)(`${code} (HTTP 400) is permanent`, async () => {
      const failure = await failureFor(ses, mailer, { kind: 'error', status: 400, code, message: 'no' });
      strict_1.default.equal(failure.type, contract_1.PERMANENT_SEND_FAILURE);
      strict_1.default.equal(failure.nonRetryable, true);
      strict_1.default.ok(failure.message.startsWith(`SES rejected the message: ${code}: no`), failure.message);
    });
  }
  (0, node_test_1.it)('Throttling ("Maximum sending rate exceeded") is retryable after a few seconds', async () => {
    const failure = await failureFor(ses, mailer, { kind: 'throttle' });
    strict_1.default.equal(failure.type, contract_1.TRANSIENT_SEND_FAILURE);
    strict_1.default.equal(failure.nonRetryable, false);
    strict_1.default.equal(failure.nextRetryDelay, ses_failures_1.THROTTLE_RETRY_DELAY_MS);
  });
  (0, node_test_1.it)('"Daily message quota exceeded" is retryable after an hour', async () => {
    const failure = await failureFor(ses, mailer, { kind: 'quota' });
    strict_1.default.equal(failure.type, contract_1.TRANSIENT_SEND_FAILURE);
    strict_1.default.equal(failure.nonRetryable, false);
    strict_1.default.equal(failure.nextRetryDelay, ses_failures_1.DAILY_QUOTA_RETRY_DELAY_MS);
  });
  (0, node_test_1.it)('a 500 InternalFailure is retryable with the retry policy’s backoff', async () => {
    const failure = await failureFor(ses, mailer, { kind: 'fail' });
    strict_1.default.equal(failure.type, contract_1.TRANSIENT_SEND_FAILURE);
    strict_1.default.equal(failure.nonRetryable, false);
    strict_1.default.equal(failure.nextRetryDelay, undefined);
    strict_1.default.match(failure.message, /HTTP 500.*InternalFailure/);
  });
  (0, node_test_1.it)(
    'expired credentials are retryable: our configuration, fixable without losing the reminder',
    async () => {
      const failure = await failureFor(ses, mailer, {
        kind: 'error',
        status: 403,
        code: 'ExpiredToken',
        message: 'expired',
      });
      strict_1.default.equal(failure.type, contract_1.TRANSIENT_SEND_FAILURE);
      strict_1.default.equal(failure.nonRetryable, false);
    },
  );
  (0, node_test_1.it)('a request that gets no answer times out as retryable', async () => {
    const failure = await failureFor(ses, mailer, { kind: 'hang' });
    strict_1.default.equal(failure.type, contract_1.TRANSIENT_SEND_FAILURE);
    strict_1.default.equal(failure.nonRetryable, false);
    strict_1.default.match(failure.message, /TimeoutError/);
  });
  (0, node_test_1.it)('makes exactly one request per send: Temporal owns the retries', async () => {
    const before = ses.count;
    await failureFor(ses, mailer, { kind: 'fail' });
    strict_1.default.equal(ses.count, before + 1);
    strict_1.default.equal(ses.requests.at(-1)?.action, 'SendRawEmail');
  });
  (0, node_test_1.it)('returns SES’s MessageId when the endpoint accepts the message', async () => {
    ses.enqueue({ kind: 'ok', messageId: 'msg-123' });
    const { messageId } = await mailer.send(await message());
    strict_1.default.equal(messageId, 'msg-123');
    strict_1.default.match(
      ses.requests.at(-1)?.raw?.toString('utf8') ?? '',
      /List-Unsubscribe-Post: List-Unsubscribe=One-Click/,
    );
  });
});
(0, node_test_1.describe)('SES mailer when SES is unreachable', () => {
  (0, node_test_1.it)('a refused connection is retryable', async () => {
    const ses = await (0, ses_fault_endpoint_1.startSesFaultEndpoint)();
    const url = ses.url;
    await ses.close(); // nothing listens on that port any more
    const mailer = (0, ses_mailer_1.createSesMailer)({ endpoint: url, region: 'us-east-1' });
    try {
      const err = await mailer.send(await message()).catch((e) => e);
      strict_1.default.ok(err instanceof common_1.ApplicationFailure);
      strict_1.default.equal(err.type, contract_1.TRANSIENT_SEND_FAILURE);
      strict_1.default.equal(err.nonRetryable, false);
      strict_1.default.match(err.message, /ECONNREFUSED/);
    } finally {
      mailer.close();
    }
  });
});
//# sourceMappingURL=ses-mailer.test.js.map
