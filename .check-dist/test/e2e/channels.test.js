var __importDefault = (this && this.__importDefault) || ((mod) => (mod && mod.__esModule ? mod : { default: mod }));
Object.defineProperty(exports, '__esModule', { value: true });
// Channels end to end: the real NestJS app over HTTP, the real worker and dev server, and local
// endpoints that speak each provider's protocol — SES for email, SNS's query API for SMS, a push
// service that verifies VAPID and decrypts the web push with the test subscription's keys.
const strict_1 = __importDefault(require('node:assert/strict'));
const node_test_1 = require('node:test');
const web_push_1 = __importDefault(require('web-push'));
const push_channel_1 = require('../../activities/channels/push-channel');
const sms_channel_1 = require('../../activities/channels/sms-channel');
const sns_sms_sender_1 = require('../../activities/channels/sns-sms-sender');
const web_push_sender_1 = require('../../activities/channels/web-push-sender');
const main_1 = require('../../stand-ins/local-sns/main');
const api_harness_1 = require('../api/support/api-harness');
const local_push_1 = require('../support/local-push');
const stack_1 = require('./stack');
(0, node_test_1.describe)('channels end to end (HTTP → Temporal → SES, SNS, web push)', () => {
  let stack;
  let sns;
  let push;
  const vapid = web_push_1.default.generateVAPIDKeys();
  const smsSender = () => (0, sns_sms_sender_1.createSnsSmsSender)({ endpoint: sns.url, region: 'us-east-1' });
  (0, node_test_1.before)(async () => {
    [sns, push] = await Promise.all([(0, main_1.startLocalSnsServer)('127.0.0.1', 0), local_push_1.LocalPush.start()]);
    stack = await stack_1.Stack.start({
      channels: [
        (0, sms_channel_1.smsChannel)(smsSender(), 'Shop', { allowedCallingCodes: ['+1'] }),
        (0, push_channel_1.webPushChannel)(
          (0, web_push_sender_1.createWebPushSender)({
            vapid: { subject: 'mailto:shop@example.com', publicKey: vapid.publicKey, privateKey: vapid.privateKey },
            allowLoopback: true, // the local push service
          }),
          'Shop',
        ),
      ],
    });
  });
  (0, node_test_1.after)(async () => {
    await stack?.close();
    await sns?.close();
    await push?.close();
  });
  (0, node_test_1.test)(
    'push, then a text, then email once the SMS rules allow no second text: each arrives where it should',
    async () => {
      const id = (0, api_harness_1.uniqueId)('co');
      const phone = '+14155550123';
      const subscription = await push.subscribe({ applicationServerKey: vapid.publicKey });
      const email = `${id}@shoppers.example.com`;
      const started = await stack.request(
        'POST',
        '/checkouts',
        (0, api_harness_1.checkoutBody)(id, {
          customer: {
            id: (0, api_harness_1.uniqueId)('cust'),
            email,
            locale: 'en-US',
            phone,
            pushSubscription: subscription,
          },
          schedule: [
            { after: '1s', channel: ['push', 'email'] },
            { after: '2s', channel: ['sms', 'email'] },
            { after: '3s', channel: ['sms', 'email'] }, // the default rules allow one text per checkout
          ],
        }),
      );
      strict_1.default.equal(started.status, 202, JSON.stringify(started.body));
      const status = await stack.waitForStatus(id, (s) => s.state === 'expired');
      strict_1.default.deepEqual(
        status.reminders.map((r) => [r.step, r.outcome, r.channel]),
        [
          [1, 'sent', 'push'],
          [2, 'sent', 'sms'],
          [3, 'sent', 'email'],
        ],
      );
      strict_1.default.match(status.reminders[2]?.skipped?.[0]?.reason ?? '', /SMS rules|text/i);
      // The push service verified our VAPID signature and decrypted the notification.
      const [notification] = await push.messagesFor(subscription);
      strict_1.default.equal(notification?.vapid.k, vapid.publicKey);
      const payload = notification?.payload;
      strict_1.default.ok(payload.url.startsWith(`${stack.api.url}/r/`), payload.url);
      // The message id the status records is the push service's Location for this very message.
      strict_1.default.equal(status.reminders[0]?.messageId, `${push.url}/messages/${notification?.id}`);
      // The text went to the phone, names the shop and carries a signed resume link that works.
      const texts = sns.messages().filter((t) => t.phoneNumber === phone);
      strict_1.default.equal(texts.length, 1);
      strict_1.default.equal(texts[0]?.smsType, 'Promotional');
      strict_1.default.equal(texts[0]?.messageId, status.reminders[1]?.messageId);
      const link = texts[0]?.message.match(/https?:\/\/\S+\/r\/\S+/)?.[0] ?? '';
      const followed = await fetch(link, { redirect: 'manual' });
      strict_1.default.equal(followed.status, 302);
      strict_1.default.equal(followed.headers.get('location'), `https://shop.example.com/checkout/${id}`);
      // Only the third reminder came by email.
      const mails = await stack.inbox.messagesTo(email);
      strict_1.default.deepEqual(
        mails.map((m) => m.messageId),
        [status.reminders[2]?.messageId],
      );
    },
  );
});
//# sourceMappingURL=channels.test.js.map
