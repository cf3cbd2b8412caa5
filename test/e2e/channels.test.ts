// Channels end to end: the real NestJS app over HTTP, the real worker and dev server, and local
// endpoints that speak each provider's protocol — SES for email, SNS's query API for SMS, a push
// service that verifies VAPID and decrypts the web push with the test subscription's keys.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import webpush from 'web-push';
import { webPushChannel } from '../../activities/channels/push-channel';
import { smsChannel } from '../../activities/channels/sms-channel';
import { createSnsSmsSender } from '../../activities/channels/sns-sms-sender';
import { createWebPushSender } from '../../activities/channels/web-push-sender';
import { type LocalSns, startLocalSnsServer } from '../../stand-ins/local-sns/main';
import { checkoutBody, uniqueId } from '../api/support/api-harness';
import { LocalPush } from '../support/local-push';
import { openAll } from '../support/open-all';
import { Stack } from './stack';

describe('channels end to end (HTTP → Temporal → SES, SNS, web push)', () => {
  let stack: Stack;
  let sns: LocalSns;
  let push: LocalPush;
  const vapid = webpush.generateVAPIDKeys();
  const smsSender = () => createSnsSmsSender({ endpoint: sns.url, region: 'us-east-1' });

  before(async () => {
    [sns, push] = await openAll([
      [startLocalSnsServer('127.0.0.1', 0), (s) => s.close()],
      [LocalPush.start(), (p) => p.close()],
    ]);
    stack = await Stack.start({
      channels: [
        smsChannel(smsSender(), 'Shop', { allowedCallingCodes: ['+1'] }),
        webPushChannel(
          createWebPushSender({
            vapid: { subject: 'mailto:shop@example.com', publicKey: vapid.publicKey, privateKey: vapid.privateKey },
            allowLoopback: true, // the local push service
          }),
          'Shop',
        ),
      ],
    });
  });
  after(async () => {
    await stack?.close();
    await sns?.close();
    await push?.close();
  });

  test('push, then a text, then email once the SMS rules allow no second text: each arrives where it should', async () => {
    const id = uniqueId('co');
    const phone = '+14155550123';
    const subscription = await push.subscribe({ applicationServerKey: vapid.publicKey });
    const email = `${id}@shoppers.example.com`;
    const started = await stack.request(
      'POST',
      '/checkouts',
      checkoutBody(id, {
        customer: { id: uniqueId('cust'), email, locale: 'en-US', phone, pushSubscription: subscription },
        schedule: [
          { after: '1s', channel: ['push', 'email'] },
          { after: '2s', channel: ['sms', 'email'] },
          { after: '3s', channel: ['sms', 'email'] }, // the default rules allow one text per checkout
        ],
      }),
    );
    assert.equal(started.status, 202, JSON.stringify(started.body));
    const status = await stack.waitForStatus(id, (s) => s.state === 'expired');
    assert.deepEqual(
      status.reminders.map((r) => [r.step, r.outcome, r.channel]),
      [
        [1, 'sent', 'push'],
        [2, 'sent', 'sms'],
        [3, 'sent', 'email'],
      ],
    );
    assert.match(status.reminders[2]?.skipped?.[0]?.reason ?? '', /SMS rules|text/i);

    // The push service verified our VAPID signature and decrypted the notification.
    const [notification] = await push.messagesFor(subscription);
    assert.equal(notification?.vapid.k, vapid.publicKey);
    const payload = notification?.payload as { title: string; body: string; url: string };
    assert.ok(payload.url.startsWith(`${stack.api.url}/r/`), payload.url);
    // The message id the status records is the push service's Location for this very message.
    assert.equal(status.reminders[0]?.messageId, `${push.url}/messages/${notification?.id}`);

    // The text went to the phone, names the shop and carries a signed resume link that works.
    const texts = sns.messages().filter((t) => t.phoneNumber === phone);
    assert.equal(texts.length, 1);
    assert.equal(texts[0]?.smsType, 'Promotional');
    assert.equal(texts[0]?.messageId, status.reminders[1]?.messageId);
    const link = texts[0]?.message.match(/https?:\/\/\S+\/r\/\S+/)?.[0] ?? '';
    const followed = await fetch(link, { redirect: 'manual' });
    assert.equal(followed.status, 302);
    assert.equal(followed.headers.get('location'), `https://shop.example.com/checkout/${id}`);

    // Only the third reminder came by email.
    const mails = await stack.inbox.messagesTo(email);
    assert.deepEqual(
      mails.map((m) => m.messageId),
      [status.reminders[2]?.messageId],
    );
  });
});
