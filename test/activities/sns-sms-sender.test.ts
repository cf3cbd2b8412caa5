// The SMS sender against the local SNS endpoint, which speaks SNS's query API (stand-ins/local-sns):
// what SNS takes, and how each way SNS refuses a text becomes a permanent or retryable failure.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createSnsSmsSender, SMS_TYPE, type SmsSender } from '../../activities/channels/sns-sms-sender';
import { PERMANENT_SEND_FAILURE, TRANSIENT_SEND_FAILURE } from '../../activities/contract';
import { failureReasonOf } from '../../activities/failure-reasons';
import { reminderLinks } from '../../activities/links';
import { THROTTLE_RETRY_DELAY_MS } from '../../activities/ses-failures';
import { renderSms, shopNameFrom } from '../../activities/templates/sms';
import { type LocalSns, startLocalSnsServer } from '../../stand-ins/local-sns/main';
import { failureOf } from '../support/failures';
import { FROM, LINKS, sampleCheckout } from './fixtures';

const INVALID = '+15550000001';
const OPTED_OUT = '+15550000002';
const THROTTLED = '+15550000003';

describe('SNS SMS sender against the local SNS endpoint', () => {
  let sns: LocalSns;
  let sender: SmsSender;
  before(async () => {
    sns = await startLocalSnsServer('127.0.0.1', 0, {
      invalidNumbers: [INVALID],
      optedOutNumbers: [OPTED_OUT],
      throttledNumbers: [THROTTLED],
    });
    sender = createSnsSmsSender({ endpoint: sns.url, region: 'us-east-1' });
  });
  after(async () => {
    sender.close();
    await sns.close();
  });

  it('publishes a Promotional text to the number and answers SNS’s message id', async () => {
    const { messageId } = await sender.send('+14155550123', 'Your Shop: hello https://x.test/r/abc');
    const [text, ...more] = sns.messages().filter((m) => m.phoneNumber === '+14155550123');
    assert.equal(more.length, 0);
    assert.equal(text?.messageId, messageId);
    assert.equal(text?.message, 'Your Shop: hello https://x.test/r/abc');
    assert.equal(text?.smsType, SMS_TYPE);
    const listed = (await (await fetch(`${sns.url}/messages`)).json()) as { messages: Array<{ messageId: string }> };
    assert.ok(
      listed.messages.some((m) => m.messageId === messageId),
      'GET /messages lists it',
    );
    const viewer = await (await fetch(sns.url)).text();
    assert.match(viewer, /Your Shop: hello/);
  });

  for (const [what, phone] of [
    ['an invalid number', INVALID],
    ['an opted-out number', OPTED_OUT],
    ['a number that is not E.164', '0170 1234567'],
  ] as const) {
    it(`${what} is a permanent failure that names no number`, async () => {
      const err = await failureOf(sender.send(phone, 'hi'));
      assert.equal(err.type, PERMANENT_SEND_FAILURE);
      assert.equal(err.nonRetryable, true);
      assert.match(err.message, /^SNS rejected the text: (InvalidParameter|OptedOut):/);
      assert.doesNotMatch(err.message, /555000000|1234567/, 'the number stays out of workflow history');
      assert.equal(failureReasonOf(err), 'rejected');
    });
  }

  it('throttling retries after a delay', async () => {
    const err = await failureOf(sender.send(THROTTLED, 'hi'));
    assert.equal(err.type, TRANSIENT_SEND_FAILURE);
    assert.equal(err.nonRetryable, false);
    assert.equal(err.nextRetryDelay, THROTTLE_RETRY_DELAY_MS);
  });

  it('an SNS that is down is a retryable failure', async () => {
    const down = createSnsSmsSender({ endpoint: 'http://127.0.0.1:1', region: 'us-east-1' });
    try {
      const err = await failureOf(down.send('+14155550123', 'hi'));
      assert.equal(err.type, TRANSIENT_SEND_FAILURE);
      assert.equal(err.nonRetryable, false);
      assert.equal(failureReasonOf(err), 'unavailable');
    } finally {
      down.close();
    }
  });
});

describe('SMS text', () => {
  it('names the shop (never the customer), carries the signed resume link and how to opt out, in one segment', () => {
    const checkout = sampleCheckout({ checkoutUrl: 'https://shop.example.com/c/1' });
    const { resumeUrl } = reminderLinks(LINKS, checkout, 1);
    const text = renderSms({ checkout, template: 'friendly', shopName: shopNameFrom(FROM), resumeUrl });
    assert.ok(text.startsWith('Your Shop: Dein Warenkorb ist gespeichert.'), text);
    assert.ok(!text.includes('Ada'), 'free text from the caller stays out of texts');
    assert.ok(text.includes(resumeUrl));
    assert.ok(text.endsWith('STOP zum Abmelden'), "how to opt out, in the shopper's language");
    assert.ok(text.length <= 320, `${text.length} characters`);
    const withoutLink = text.replace(resumeUrl, '');
    assert.ok(withoutLink.length <= 80, `the words around the link stay short: ${withoutLink.length}`);
  });

  it('the last chance says so and shows the total', () => {
    const checkout = sampleCheckout();
    const text = renderSms({ checkout, template: 'last-chance', shopName: 'Shop', resumeUrl: 'https://x.test/r/t' });
    assert.match(text, /Letzte Erinnerung: Dein Warenkorb \(1\.234,50\s€\) ist noch gespeichert/);
    const en = { ...checkout, customer: { ...checkout.customer, locale: 'en-GB' } };
    const english = renderSms({
      checkout: en,
      template: 'last-chance',
      shopName: 'Shop',
      resumeUrl: 'https://x.test/r/t',
    });
    assert.match(english, /Last reminder: your cart \(€1,234\.50\) is still saved.*Reply STOP to opt out$/);
  });
});
