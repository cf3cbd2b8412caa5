var __importDefault = (this && this.__importDefault) || ((mod) => (mod && mod.__esModule ? mod : { default: mod }));
Object.defineProperty(exports, '__esModule', { value: true });
// The SMS sender against the local SNS endpoint, which speaks SNS's query API (stand-ins/local-sns):
// what SNS takes, and how each way SNS refuses a text becomes a permanent or retryable failure.
const strict_1 = __importDefault(require('node:assert/strict'));
const node_test_1 = require('node:test');
const sns_sms_sender_1 = require('../../activities/channels/sns-sms-sender');
const contract_1 = require('../../activities/contract');
const failure_reasons_1 = require('../../activities/failure-reasons');
const links_1 = require('../../activities/links');
const ses_failures_1 = require('../../activities/ses-failures');
const sms_1 = require('../../activities/templates/sms');
const main_1 = require('../../stand-ins/local-sns/main');
const failures_1 = require('../support/failures');
const fixtures_1 = require('./fixtures');
const INVALID = '+15550000001';
const OPTED_OUT = '+15550000002';
const THROTTLED = '+15550000003';
(0, node_test_1.describe)('SNS SMS sender against the local SNS endpoint', () => {
  let sns;
  let sender;
  (0, node_test_1.before)(async () => {
    sns = await (0, main_1.startLocalSnsServer)('127.0.0.1', 0, {
      invalidNumbers: [INVALID],
      optedOutNumbers: [OPTED_OUT],
      throttledNumbers: [THROTTLED],
    });
    sender = (0, sns_sms_sender_1.createSnsSmsSender)({ endpoint: sns.url, region: 'us-east-1' });
  });
  (0, node_test_1.after)(async () => {
    sender.close();
    await sns.close();
  });
  (0, node_test_1.it)('publishes a Promotional text to the number and answers SNS’s message id', async () => {
    const { messageId } = await sender.send('+14155550123', 'Your Shop: hello https://x.test/r/abc');
    const [text, ...more] = sns.messages().filter((m) => m.phoneNumber === '+14155550123');
    strict_1.default.equal(more.length, 0);
    strict_1.default.equal(text?.messageId, messageId);
    strict_1.default.equal(text?.message, 'Your Shop: hello https://x.test/r/abc');
    strict_1.default.equal(text?.smsType, sns_sms_sender_1.SMS_TYPE);
    const listed = await (await fetch(`${sns.url}/messages`)).json();
    strict_1.default.ok(
      listed.messages.some((m) => m.messageId === messageId),
      'GET /messages lists it',
    );
    const viewer = await (await fetch(sns.url)).text();
    strict_1.default.match(viewer, /Your Shop: hello/);
  });
  for (const [what, phone] of [
    ['an invalid number', INVALID],
    ['an opted-out number', OPTED_OUT],
    ['a number that is not E.164', '0170 1234567'],
  ]) {
    (0, node_test_1.it)(`${what} is a permanent failure that names no number`, async () => {
      const err = await (0, failures_1.failureOf)(sender.send(phone, 'hi'));
      strict_1.default.equal(err.type, contract_1.PERMANENT_SEND_FAILURE);
      strict_1.default.equal(err.nonRetryable, true);
      strict_1.default.match(err.message, /^SNS rejected the text: (InvalidParameter|OptedOut):/);
      strict_1.default.doesNotMatch(err.message, /555000000|1234567/, 'the number stays out of workflow history');
      strict_1.default.equal((0, failure_reasons_1.failureReasonOf)(err), 'rejected');
    });
  }
  (0, node_test_1.it)('throttling retries after a delay', async () => {
    const err = await (0, failures_1.failureOf)(sender.send(THROTTLED, 'hi'));
    strict_1.default.equal(err.type, contract_1.TRANSIENT_SEND_FAILURE);
    strict_1.default.equal(err.nonRetryable, false);
    strict_1.default.equal(err.nextRetryDelay, ses_failures_1.THROTTLE_RETRY_DELAY_MS);
  });
  (0, node_test_1.it)('an SNS that is down is a retryable failure', async () => {
    const down = (0, sns_sms_sender_1.createSnsSmsSender)({ endpoint: 'http://127.0.0.1:1', region: 'us-east-1' });
    try {
      const err = await (0, failures_1.failureOf)(down.send('+14155550123', 'hi'));
      strict_1.default.equal(err.type, contract_1.TRANSIENT_SEND_FAILURE);
      strict_1.default.equal(err.nonRetryable, false);
      strict_1.default.equal((0, failure_reasons_1.failureReasonOf)(err), 'unavailable');
    } finally {
      down.close();
    }
  });
});
(0, node_test_1.describe)('SMS text', () => {
  (0, node_test_1.it)(
    'names the shop (never the customer), carries the signed resume link and how to opt out, in one segment',
    () => {
      const checkout = (0, fixtures_1.sampleCheckout)({ checkoutUrl: 'https://shop.example.com/c/1' });
      const { resumeUrl } = (0, links_1.reminderLinks)(fixtures_1.LINKS, checkout, 1);
      const text = (0, sms_1.renderSms)({
        checkout,
        template: 'friendly',
        shopName: (0, sms_1.shopNameFrom)(fixtures_1.FROM),
        resumeUrl,
      });
      strict_1.default.ok(text.startsWith('Your Shop: Your cart is saved.'), text);
      strict_1.default.ok(!text.includes('Ada'), 'free text from the caller stays out of texts');
      strict_1.default.ok(text.includes(resumeUrl));
      strict_1.default.ok(text.endsWith(sms_1.SMS_OPT_OUT_HINT));
      strict_1.default.ok(text.length <= 320, `${text.length} characters`);
      const withoutLink = text.replace(resumeUrl, '');
      strict_1.default.ok(withoutLink.length <= 80, `the words around the link stay short: ${withoutLink.length}`);
    },
  );
  (0, node_test_1.it)('the last chance says so and shows the total', () => {
    const checkout = (0, fixtures_1.sampleCheckout)();
    const text = (0, sms_1.renderSms)({
      checkout,
      template: 'last-chance',
      shopName: 'Shop',
      resumeUrl: 'https://x.test/r/t',
    });
    strict_1.default.match(text, /Last reminder: your cart \(1\.234,50\s€\) is still saved/);
  });
});
//# sourceMappingURL=sns-sms-sender.test.js.map
