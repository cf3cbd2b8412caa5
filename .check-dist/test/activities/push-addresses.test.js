var __importDefault = (this && this.__importDefault) || ((mod) => (mod && mod.__esModule ? mod : { default: mod }));
Object.defineProperty(exports, '__esModule', { value: true });
// No SSRF through push subscriptions: a subscription's endpoint is the browser's (or an attacker's)
// choice, so the sender must never connect to an address inside a network, whether the endpoint
// names it as a literal or as a host name that resolves to it; and what it reports names no host.
const strict_1 = __importDefault(require('node:assert/strict'));
const node_net_1 = require('node:net');
const node_test_1 = require('node:test');
const fast_check_1 = __importDefault(require('fast-check'));
const web_push_1 = require('web-push');
const push_request_1 = require('../../activities/channels/push-request');
const web_push_sender_1 = require('../../activities/channels/web-push-sender');
const contract_1 = require('../../activities/contract');
const ip_address_1 = require('../../common/ip-address');
const push_subscription_1 = require('../../common/push-subscription');
const failures_1 = require('../support/failures');
const local_push_1 = require('../support/local-push');
const PAYLOAD = { title: 't', body: 'b', url: 'https://shop.example.com/r/x' };
const vapid = { subject: 'mailto:shop@example.com', ...(0, web_push_1.generateVAPIDKeys)() };
/** A TCP listener on loopback standing in for an internal service; it counts who connects. */
async function internalService() {
  let connections = 0;
  const server = (0, node_net_1.createServer)((socket) => {
    connections++;
    socket.destroy();
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address();
  return { server, port, connections: () => connections };
}
(0, node_test_1.describe)('web push sender: only public push services', () => {
  let internal;
  (0, node_test_1.before)(async () => {
    internal = await internalService();
  });
  (0, node_test_1.after)(() => new Promise((r) => internal.server.close(r)));
  (0, node_test_1.it)(
    'never connects to a loopback, private or mapped address a subscription names, and says so without the host',
    async () => {
      const sender = (0, web_push_sender_1.createWebPushSender)({ vapid }); // production: no PUSH_ALLOW_LOOPBACK
      const keys = await (async () => {
        const push = await local_push_1.LocalPush.start();
        try {
          return (await push.subscribe()).keys;
        } finally {
          await push.close();
        }
      })();
      const port = internal.port;
      for (const endpoint of [
        `http://127.0.0.1:${port}/push/x`,
        `https://127.0.0.1:${port}/push/x`,
        `https://localhost:${port}/push/x`,
        `https://[::ffff:127.0.0.1]:${port}/push/x`,
        `https://2130706433:${port}/push/x`, // 127.0.0.1 as one decimal number
        `https://10.0.0.5:${port}/push/x`,
        `https://169.254.169.254/latest/meta-data/`,
      ]) {
        const failure = await (0, failures_1.failureOf)(sender.send({ endpoint, keys }, PAYLOAD));
        strict_1.default.equal(failure.type, contract_1.PERMANENT_SEND_FAILURE, endpoint);
        strict_1.default.doesNotMatch(failure.message, /127\.0\.0\.1|10\.0\.0\.5|169\.254|localhost|ECONN/, endpoint);
        strict_1.default.doesNotMatch(failure.message, new RegExp(String(port)), endpoint);
      }
      strict_1.default.equal(internal.connections(), 0, 'no connection reached the internal service');
    },
  );
  (0, node_test_1.it)(
    'checks the resolved address at connect time: a host name that resolves to loopback is refused before connecting',
    async () => {
      // "localhost" resolves through the system resolver (/etc/hosts), as a rebinding name would.
      const before = internal.connections();
      const err = await (0, push_request_1.postToPushService)(
        `http://localhost:${internal.port}/push/x`,
        {},
        Buffer.from('x'),
        {
          timeoutMs: 2_000,
          allowLoopback: false,
        },
      ).then(
        () => strict_1.default.fail('should be refused'),
        (e) => e,
      );
      strict_1.default.ok(err instanceof push_request_1.PushAddressRefused, String(err));
      strict_1.default.equal(internal.connections(), before);
    },
  );
  (0, node_test_1.it)(
    'the local push service (PUSH_ALLOW_LOOPBACK) is reachable; a dead one is reported as "unreachable" without address or errno',
    async () => {
      const push = await local_push_1.LocalPush.start();
      const subscription = await push.subscribe();
      const local = (0, web_push_sender_1.createWebPushSender)({ vapid, allowLoopback: true });
      await local.send(subscription, PAYLOAD);
      strict_1.default.equal((await push.messagesFor(subscription)).length, 1);
      await push.close();
      const failure = await (0, failures_1.failureOf)(local.send(subscription, PAYLOAD));
      strict_1.default.equal(failure.type, contract_1.TRANSIENT_SEND_FAILURE);
      strict_1.default.equal(failure.message, 'push service unreachable');
    },
  );
});
(0, node_test_1.describe)('push endpoint policy (the API edge and the sender)', () => {
  // An independent oracle: node's BlockList over the same special-purpose blocks (RFC 6890 and friends).
  const blocked = new node_net_1.BlockList();
  for (const [net, prefix] of [
    ['0.0.0.0', 8],
    ['10.0.0.0', 8],
    ['100.64.0.0', 10],
    ['127.0.0.0', 8],
    ['169.254.0.0', 16],
    ['172.16.0.0', 12],
    ['192.0.0.0', 24],
    ['192.0.2.0', 24],
    ['192.88.99.0', 24],
    ['192.168.0.0', 16],
    ['198.18.0.0', 15],
    ['198.51.100.0', 24],
    ['203.0.113.0', 24],
    ['224.0.0.0', 3],
  ]) {
    blocked.addSubnet(net, prefix, 'ipv4');
  }
  const v4 = (n) => [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
  (0, node_test_1.it)(
    'refuses every IPv4 address in a non-public block and accepts every other (any address, as a URL host)',
    () => {
      fast_check_1.default.assert(
        fast_check_1.default.property(fast_check_1.default.integer({ min: 0, max: 2 ** 32 - 1 }), (n) => {
          const address = v4(n);
          const refused = (0, push_subscription_1.pushEndpointPolicyError)(`https://${n}/push/x`) !== undefined; // decimal host form
          strict_1.default.equal(refused, blocked.check(address, 'ipv4'), address);
          strict_1.default.equal(
            (0, push_subscription_1.pushEndpointPolicyError)(`https://${address}/push/x`) !== undefined,
            refused,
            address,
          );
        }),
        { numRuns: 5_000 },
      );
    },
  );
  (0, node_test_1.it)(
    'refuses unique-local, link-local, multicast, loopback and IPv4-mapped IPv6 in any spelling',
    () => {
      const hex = fast_check_1.default.integer({ min: 0, max: 0xffff }).map((n) => n.toString(16));
      const inBlock = (first) =>
        fast_check_1.default
          .tuple(first, fast_check_1.default.array(hex, { minLength: 7, maxLength: 7 }))
          .map(([a, rest]) => [a, ...rest].join(':'));
      const range = (lo, hi) => fast_check_1.default.integer({ min: lo, max: hi }).map((n) => n.toString(16));
      fast_check_1.default.assert(
        fast_check_1.default.property(
          fast_check_1.default.oneof(
            inBlock(range(0xfc00, 0xfdff)),
            inBlock(range(0xfe80, 0xfebf)),
            inBlock(range(0xff00, 0xffff)),
            fast_check_1.default.integer({ min: 0, max: 2 ** 32 - 1 }).map((n) => `::ffff:${v4(n)}`),
            fast_check_1.default.constantFrom('::1', '::', '0:0:0:0:0:0:0:1'),
          ),
          (address) => {
            strict_1.default.ok((0, ip_address_1.nonPublicAddressReason)(address), address);
            strict_1.default.ok(
              (0, push_subscription_1.pushEndpointPolicyError)(`https://[${address}]/push/x`),
              address,
            );
          },
        ),
        { numRuns: 2_000 },
      );
      strict_1.default.equal(
        (0, push_subscription_1.pushEndpointPolicyError)('https://[2a00:1450:4001:82b::200a]/push/x'),
        undefined,
      );
    },
  );
  (0, node_test_1.it)('refuses http, internal names and bare hosts; accepts the real push services', () => {
    for (const endpoint of [
      'http://fcm.googleapis.com/fcm/send/x',
      'https://localhost/x',
      'https://push.internal/x',
      'https://intranet/x',
      'https://printer.local/x',
    ]) {
      strict_1.default.ok((0, push_subscription_1.pushEndpointPolicyError)(endpoint), endpoint);
    }
    for (const endpoint of [
      'https://fcm.googleapis.com/fcm/send/abc',
      'https://updates.push.services.mozilla.com/wpush/v2/abc',
      'https://web.push.apple.com/QGuQ',
    ]) {
      strict_1.default.equal((0, push_subscription_1.pushEndpointPolicyError)(endpoint), undefined, endpoint);
    }
    strict_1.default.equal(
      (0, push_subscription_1.pushEndpointPolicyError)('http://127.0.0.1:8007/push/x', true),
      undefined,
      'dev: local push',
    );
    strict_1.default.ok(
      (0, push_subscription_1.pushEndpointPolicyError)('http://10.0.0.5/push/x', true),
      'dev still refuses private addresses',
    );
  });
});
//# sourceMappingURL=push-addresses.test.js.map
