var __importDefault = (this && this.__importDefault) || ((mod) => (mod && mod.__esModule ? mod : { default: mod }));
Object.defineProperty(exports, '__esModule', { value: true });
// Checkouts that reach customers beyond email: a phone number, a browser push subscription, and
// steps naming channel lists. Validated at the edge with the field named; carried into the
// workflow input as plain data.
const strict_1 = __importDefault(require('node:assert/strict'));
const node_test_1 = require('node:test');
const messages_1 = require('../../common/messages');
const payload_keys_1 = require('../support/payload-keys');
const api_harness_1 = require('./support/api-harness');
const api = (0, api_harness_1.useApi)();
// A real browser's shape: a 65-byte P-256 point and a 16-byte secret, base64url.
const SUBSCRIPTION = {
  endpoint: 'https://push.example.net/send/abc123',
  expirationTime: null,
  keys: { p256dh: `B${'A'.repeat(86)}`, auth: 'q1w2e3r4t5y6u7i8o9p0aZ' },
};
const customer = (extra) => ({ id: 'c-42', email: 'ada@example.com', ...extra });
async function workflowInput(checkoutId) {
  const history = await api.client.workflow.getHandle((0, messages_1.workflowIdFor)(checkoutId)).fetchHistory();
  const payload = history.events?.[0]?.workflowExecutionStartedEventAttributes?.input?.payloads?.[0];
  strict_1.default.ok(payload, 'the checkout was started with an input');
  return (0, payload_keys_1.decodeRaw)(payload);
}
(0, node_test_1.describe)('POST /checkouts with phone, push subscription and channel lists', () => {
  (0, node_test_1.test)(
    'a phone, a push subscription and ["push","sms","email"] reach the workflow input',
    async () => {
      const checkoutId = (0, api_harness_1.uniqueId)('co-ch');
      const res = await (0, api_harness_1.call)(
        `${api.url}/checkouts`,
        'POST',
        (0, api_harness_1.checkoutBody)(checkoutId, {
          customer: customer({ phone: '+14155550123', pushSubscription: SUBSCRIPTION }),
          schedule: [
            { after: '30m', channel: ['push', 'sms', 'email'] },
            { after: '1d', channel: 'sms' },
            { after: '3d' },
          ],
        }),
      );
      strict_1.default.equal(res.status, 202, JSON.stringify(res.body));
      const input = await workflowInput(checkoutId);
      strict_1.default.equal(input.checkout.customer.phone, '+14155550123');
      strict_1.default.deepEqual(input.checkout.customer.pushSubscription, {
        endpoint: SUBSCRIPTION.endpoint,
        keys: SUBSCRIPTION.keys,
      });
      strict_1.default.deepEqual(
        input.schedule.map((s) => [s.channel, s.channels]),
        [
          ['push', ['push', 'sms', 'email']],
          ['sms', undefined],
          ['email', undefined],
        ],
      );
      strict_1.default.deepEqual(
        input.policy?.smsRules,
        { maxTexts: 1, within: '48h' },
        'the default SMS rules travel along',
      );
    },
  );
  (0, node_test_1.test)(
    'a phone that is not E.164 and a broken push subscription are named field by field',
    async () => {
      const res = await (0, api_harness_1.call)(
        `${api.url}/checkouts`,
        'POST',
        (0, api_harness_1.checkoutBody)((0, api_harness_1.uniqueId)('co-ch'), {
          customer: customer({
            phone: '0170 1234567',
            pushSubscription: {
              endpoint: 'ftp://push.example.net/x',
              keys: { p256dh: 'short', auth: 'not base64url!' },
            },
          }),
        }),
      );
      strict_1.default.equal(res.status, 400);
      strict_1.default.deepEqual(res.body.errors.map((e) => e.field).sort(), [
        'customer.phone',
        'customer.pushSubscription.endpoint',
        'customer.pushSubscription.keys.auth',
        'customer.pushSubscription.keys.p256dh',
      ]);
    },
  );
  (0, node_test_1.test)('a channel list with an unknown or repeated channel, or none, names the entry', async () => {
    const res = await (0, api_harness_1.call)(
      `${api.url}/checkouts`,
      'POST',
      (0, api_harness_1.checkoutBody)((0, api_harness_1.uniqueId)('co-ch'), {
        schedule: [
          { after: '30m', channel: ['sms', 'fax'] },
          { after: '1h', channel: ['email', 'email'] },
          { after: '2h', channel: [] },
        ],
      }),
    );
    strict_1.default.equal(res.status, 400);
    strict_1.default.deepEqual(res.body.errors, [
      { field: 'schedule[0].channel[1]', reason: 'must be one of email, sms, push' },
      { field: 'schedule[1].channel[1]', reason: 'is listed twice' },
      { field: 'schedule[2].channel', reason: 'must name at least one channel' },
    ]);
  });
});
(0, node_test_1.describe)('POST /checkouts: push endpoints that aim inside a network are refused (SSRF)', () => {
  const withEndpoint = (endpoint) =>
    (0, api_harness_1.checkoutBody)((0, api_harness_1.uniqueId)('co-ssrf'), {
      customer: customer({ pushSubscription: { ...SUBSCRIPTION, endpoint } }),
    });
  (0, node_test_1.test)(
    'http, loopback, private, link-local, CGNAT, unique-local, mapped, multicast and internal names get a 400 naming the endpoint',
    async () => {
      for (const endpoint of [
        'http://push.example.net/send/abc',
        'https://127.0.0.1:8007/push/x',
        'https://localhost/push/x',
        'https://10.0.0.5/push/x',
        'https://192.168.1.1/push/x',
        'https://169.254.169.254/latest/meta-data/',
        'https://100.64.0.1/push/x',
        'https://0.0.0.0/push/x',
        'https://[::1]/push/x',
        'https://[fd00::1]/push/x',
        'https://[::ffff:10.0.0.1]/push/x',
        'https://224.0.0.1/push/x',
        'https://metadata.google.internal/push/x',
      ]) {
        const res = await (0, api_harness_1.call)(`${api.url}/checkouts`, 'POST', withEndpoint(endpoint));
        strict_1.default.equal(res.status, 400, endpoint);
        strict_1.default.deepEqual(
          res.body.errors.map((e) => e.field),
          ['customer.pushSubscription.endpoint'],
          endpoint,
        );
      }
    },
  );
  (0, node_test_1.test)(
    'the local push service on loopback is accepted only with PUSH_ALLOW_LOOPBACK=on (development, tests)',
    async () => {
      const local = 'http://127.0.0.1:8007/push/abc';
      strict_1.default.equal(
        (await (0, api_harness_1.call)(`${api.url}/checkouts`, 'POST', withEndpoint(local))).status,
        400,
      );
      const dev = await (0, api_harness_1.startApi)(api.client, { PUSH_ALLOW_LOOPBACK: 'on' });
      try {
        const res = await (0, api_harness_1.call)(`${dev.url}/checkouts`, 'POST', withEndpoint(local));
        strict_1.default.equal(res.status, 202, JSON.stringify(res.body));
        const privateOne = await (0, api_harness_1.call)(
          `${dev.url}/checkouts`,
          'POST',
          withEndpoint('http://10.0.0.5/push/x'),
        );
        strict_1.default.equal(privateOne.status, 400, 'a private address stays refused in development');
      } finally {
        await dev.close();
      }
    },
  );
});
//# sourceMappingURL=channels.test.js.map
