import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ApplicationFailure } from '@temporalio/common';
import { PERMANENT_SEND_FAILURE, TRANSIENT_SEND_FAILURE } from '../../activities/contract';
import { reminderLinks } from '../../activities/links';
import { buildMime, reminderHeaders } from '../../activities/mime';
import { DAILY_QUOTA_RETRY_DELAY_MS, THROTTLE_RETRY_DELAY_MS } from '../../activities/ses-failures';
import { createSesMailer, type SesMailer } from '../../activities/ses-mailer';
import { renderReminder } from '../../activities/templates';
import { LocalInbox } from '../support/inbox';
import { type SesBehaviour, type SesFaultEndpoint, startSesFaultEndpoint } from '../support/ses-fault-endpoint';
import { FROM, LINKS, sampleCheckout } from './fixtures';

async function message(checkout = sampleCheckout()) {
  const links = reminderLinks(LINKS, checkout, 1);
  const email = await renderReminder('friendly', { checkout, step: 1, stepsTotal: 3, ...links });
  const raw = await buildMime({
    from: FROM,
    to: checkout.customer,
    email,
    headers: reminderHeaders(links.unsubscribeUrl, checkout.checkoutId, 1),
  });
  return { from: FROM, to: checkout.customer.email, raw, email };
}

/** The failure the mailer threw for one SES behaviour. */
async function failureFor(
  ses: SesFaultEndpoint,
  mailer: SesMailer,
  behaviour: SesBehaviour,
): Promise<ApplicationFailure> {
  ses.enqueue(behaviour);
  const err = await mailer.send(await message()).then(
    () => assert.fail('the send should have failed'),
    (e: unknown) => e,
  );
  assert.ok(err instanceof ApplicationFailure, `an ApplicationFailure, got ${String(err)}`);
  return err;
}

describe('SES mailer against a real local SES', () => {
  let ses: LocalInbox;
  let mailer: SesMailer;
  before(async () => {
    ses = await LocalInbox.start();
    mailer = createSesMailer({ endpoint: ses.url, region: 'us-east-1' });
  });
  after(async () => {
    mailer.close();
    await ses.close();
  });

  it('delivers the raw message: it arrives with subject, recipient and HTML', async () => {
    const msg = await message();
    const { messageId } = await mailer.send(msg);
    assert.match(messageId, /^ses-\d+$/);
    const [stored, ...more] = await ses.messagesTo(msg.to);
    assert.equal(more.length, 0);
    assert.equal(stored?.messageId, messageId);
    assert.equal(stored?.subject, 'Du hast etwas in deinem Warenkorb vergessen');
    assert.ok(stored?.destination.to.some((to) => to.includes(msg.to)));
    assert.ok(stored?.body.html?.includes('Zurück zum Warenkorb'));
    assert.ok(stored?.body.text?.includes('Zurück zum Warenkorb'));
  });
});

describe('SES error classification against SES-shaped error responses', () => {
  let ses: SesFaultEndpoint;
  let mailer: SesMailer;
  before(async () => {
    ses = await startSesFaultEndpoint();
    mailer = createSesMailer({ endpoint: ses.url, region: 'us-east-1' }, { requestTimeoutMs: 300 });
  });
  after(async () => {
    mailer.close();
    await ses.close();
  });

  it('MessageRejected is a non-retryable PermanentSendFailure that does not quote the address', async () => {
    const failure = await failureFor(ses, mailer, { kind: 'reject' });
    assert.equal(failure.type, PERMANENT_SEND_FAILURE);
    assert.equal(failure.nonRetryable, true);
    assert.match(failure.message, /^SES rejected the message: MessageRejected: Email address is not verified/);
    assert.ok(!failure.message.includes('shopper@example.com'), failure.message);
  });

  for (const code of [
    'MailFromDomainNotVerifiedException',
    'ConfigurationSetDoesNotExist',
    'InvalidParameterValue',
    'AccountSendingPausedException',
    'SomeFutureClientError',
  ]) {
    it(`${code} (HTTP 400) is permanent`, async () => {
      const failure = await failureFor(ses, mailer, { kind: 'error', status: 400, code, message: 'no' });
      assert.equal(failure.type, PERMANENT_SEND_FAILURE);
      assert.equal(failure.nonRetryable, true);
      assert.ok(failure.message.startsWith(`SES rejected the message: ${code}: no`), failure.message);
    });
  }

  it('Throttling ("Maximum sending rate exceeded") is retryable after a few seconds', async () => {
    const failure = await failureFor(ses, mailer, { kind: 'throttle' });
    assert.equal(failure.type, TRANSIENT_SEND_FAILURE);
    assert.equal(failure.nonRetryable, false);
    assert.equal(failure.nextRetryDelay, THROTTLE_RETRY_DELAY_MS);
  });

  it('"Daily message quota exceeded" is retryable after an hour', async () => {
    const failure = await failureFor(ses, mailer, { kind: 'quota' });
    assert.equal(failure.type, TRANSIENT_SEND_FAILURE);
    assert.equal(failure.nonRetryable, false);
    assert.equal(failure.nextRetryDelay, DAILY_QUOTA_RETRY_DELAY_MS);
  });

  it('a 500 InternalFailure is retryable with the retry policy’s backoff', async () => {
    const failure = await failureFor(ses, mailer, { kind: 'fail' });
    assert.equal(failure.type, TRANSIENT_SEND_FAILURE);
    assert.equal(failure.nonRetryable, false);
    assert.equal(failure.nextRetryDelay, undefined);
    assert.match(failure.message, /HTTP 500.*InternalFailure/);
  });

  it('expired credentials are retryable: our configuration, fixable without losing the reminder', async () => {
    const failure = await failureFor(ses, mailer, {
      kind: 'error',
      status: 403,
      code: 'ExpiredToken',
      message: 'expired',
    });
    assert.equal(failure.type, TRANSIENT_SEND_FAILURE);
    assert.equal(failure.nonRetryable, false);
  });

  it('a request that gets no answer times out as retryable', async () => {
    const failure = await failureFor(ses, mailer, { kind: 'hang' });
    assert.equal(failure.type, TRANSIENT_SEND_FAILURE);
    assert.equal(failure.nonRetryable, false);
    assert.match(failure.message, /TimeoutError/);
  });

  it('makes exactly one request per send: Temporal owns the retries', async () => {
    const before = ses.count;
    await failureFor(ses, mailer, { kind: 'fail' });
    assert.equal(ses.count, before + 1);
    assert.equal(ses.requests.at(-1)?.action, 'SendRawEmail');
  });

  it('returns SES’s MessageId when the endpoint accepts the message', async () => {
    ses.enqueue({ kind: 'ok', messageId: 'msg-123' });
    const { messageId } = await mailer.send(await message());
    assert.equal(messageId, 'msg-123');
    assert.match(ses.requests.at(-1)?.raw?.toString('utf8') ?? '', /List-Unsubscribe-Post: List-Unsubscribe=One-Click/);
  });
});

describe('SES mailer when SES is unreachable', () => {
  it('a refused connection is retryable', async () => {
    const ses = await startSesFaultEndpoint();
    const url = ses.url;
    await ses.close(); // nothing listens on that port any more
    const mailer = createSesMailer({ endpoint: url, region: 'us-east-1' });
    try {
      const err = await mailer.send(await message()).catch((e: unknown) => e);
      assert.ok(err instanceof ApplicationFailure);
      assert.equal(err.type, TRANSIENT_SEND_FAILURE);
      assert.equal(err.nonRetryable, false);
      assert.match(err.message, /ECONNREFUSED/);
    } finally {
      mailer.close();
    }
  });
});
