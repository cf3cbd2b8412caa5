// No SSRF through push subscriptions: a subscription's endpoint is the browser's (or an attacker's)
// choice, so the sender must never connect to an address inside a network, whether the endpoint
// names it as a literal or as a host name that resolves to it; and what it reports names no host.
import assert from 'node:assert/strict';
import { BlockList, createServer, type Server } from 'node:net';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { generateVAPIDKeys } from 'web-push';
import { PushAddressRefused, postToPushService } from '../../activities/channels/push-request';
import { createWebPushSender, type PushPayload } from '../../activities/channels/web-push-sender';
import { PERMANENT_SEND_FAILURE, TRANSIENT_SEND_FAILURE } from '../../activities/contract';
import { nonPublicAddressReason } from '../../common/ip-address';
import { pushEndpointPolicyError } from '../../common/push-subscription';
import { failureOf } from '../support/failures';
import { LocalPush } from '../support/local-push';

const PAYLOAD: PushPayload = { title: 't', body: 'b', url: 'https://shop.example.com/r/x' };
const vapid = { subject: 'mailto:shop@example.com', ...generateVAPIDKeys() };

/** A TCP listener on loopback standing in for an internal service; it counts who connects. */
async function internalService(): Promise<{ server: Server; port: number; connections: () => number }> {
  let connections = 0;
  const server = createServer((socket) => {
    connections++;
    socket.destroy();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  return { server, port, connections: () => connections };
}

describe('web push sender: only public push services', () => {
  let internal: Awaited<ReturnType<typeof internalService>>;
  before(async () => {
    internal = await internalService();
  });
  after(() => new Promise((r) => internal.server.close(r)));

  it('never connects to a loopback, private or mapped address a subscription names, and says so without the host', async () => {
    const sender = createWebPushSender({ vapid }); // production: no PUSH_ALLOW_LOOPBACK
    const keys = (await (async () => {
      const push = await LocalPush.start();
      try {
        return (await push.subscribe()).keys;
      } finally {
        await push.close();
      }
    })()) as { p256dh: string; auth: string };
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
      const failure = await failureOf(sender.send({ endpoint, keys }, PAYLOAD));
      assert.equal(failure.type, PERMANENT_SEND_FAILURE, endpoint);
      assert.doesNotMatch(failure.message, /127\.0\.0\.1|10\.0\.0\.5|169\.254|localhost|ECONN/, endpoint);
      assert.doesNotMatch(failure.message, new RegExp(String(port)), endpoint);
    }
    assert.equal(internal.connections(), 0, 'no connection reached the internal service');
  });

  it('checks the resolved address at connect time: a host name that resolves to loopback is refused before connecting', async () => {
    // "localhost" resolves through the system resolver (/etc/hosts), as a rebinding name would.
    const before = internal.connections();
    const err = await postToPushService(`http://localhost:${internal.port}/push/x`, {}, Buffer.from('x'), {
      timeoutMs: 2_000,
      allowLoopback: false,
    }).then(
      () => assert.fail('should be refused'),
      (e: unknown) => e,
    );
    assert.ok(err instanceof PushAddressRefused, String(err));
    assert.equal(internal.connections(), before);
  });

  it('the local push service (PUSH_ALLOW_LOOPBACK) is reachable; a dead one is reported as "unreachable" without address or errno', async () => {
    const push = await LocalPush.start();
    const subscription = await push.subscribe();
    const local = createWebPushSender({ vapid, allowLoopback: true });
    await local.send(subscription, PAYLOAD);
    assert.equal((await push.messagesFor(subscription)).length, 1);
    await push.close();
    const failure = await failureOf(local.send(subscription, PAYLOAD));
    assert.equal(failure.type, TRANSIENT_SEND_FAILURE);
    assert.equal(failure.message, 'push service unreachable');
  });
});

describe('push endpoint policy (the API edge and the sender)', () => {
  // An independent oracle: node's BlockList over the same special-purpose blocks (RFC 6890 and friends).
  const blocked = new BlockList();
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
  ] as const) {
    blocked.addSubnet(net, prefix, 'ipv4');
  }
  const v4 = (n: number) => [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');

  it('refuses every IPv4 address in a non-public block and accepts every other (any address, as a URL host)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), (n) => {
        const address = v4(n);
        const refused = pushEndpointPolicyError(`https://${n}/push/x`) !== undefined; // decimal host form
        assert.equal(refused, blocked.check(address, 'ipv4'), address);
        assert.equal(pushEndpointPolicyError(`https://${address}/push/x`) !== undefined, refused, address);
      }),
      { numRuns: 5_000 },
    );
  });

  it('refuses unique-local, link-local, multicast, loopback and IPv4-mapped IPv6 in any spelling', () => {
    const hex = fc.integer({ min: 0, max: 0xffff }).map((n) => n.toString(16));
    const inBlock = (first: fc.Arbitrary<string>) =>
      fc.tuple(first, fc.array(hex, { minLength: 7, maxLength: 7 })).map(([a, rest]) => [a, ...rest].join(':'));
    const range = (lo: number, hi: number) => fc.integer({ min: lo, max: hi }).map((n) => n.toString(16));
    fc.assert(
      fc.property(
        fc.oneof(
          inBlock(range(0xfc00, 0xfdff)),
          inBlock(range(0xfe80, 0xfebf)),
          inBlock(range(0xff00, 0xffff)),
          fc.integer({ min: 0, max: 2 ** 32 - 1 }).map((n) => `::ffff:${v4(n)}`),
          fc.constantFrom('::1', '::', '0:0:0:0:0:0:0:1'),
        ),
        (address) => {
          assert.ok(nonPublicAddressReason(address), address);
          assert.ok(pushEndpointPolicyError(`https://[${address}]/push/x`), address);
        },
      ),
      { numRuns: 2_000 },
    );
    assert.equal(pushEndpointPolicyError('https://[2a00:1450:4001:82b::200a]/push/x'), undefined);
  });

  it('refuses http, internal names and bare hosts; accepts the real push services', () => {
    for (const endpoint of [
      'http://fcm.googleapis.com/fcm/send/x',
      'https://localhost/x',
      'https://push.internal/x',
      'https://intranet/x',
      'https://printer.local/x',
    ]) {
      assert.ok(pushEndpointPolicyError(endpoint), endpoint);
    }
    for (const endpoint of [
      'https://fcm.googleapis.com/fcm/send/abc',
      'https://updates.push.services.mozilla.com/wpush/v2/abc',
      'https://web.push.apple.com/QGuQ',
    ]) {
      assert.equal(pushEndpointPolicyError(endpoint), undefined, endpoint);
    }
    assert.equal(pushEndpointPolicyError('http://127.0.0.1:8007/push/x', true), undefined, 'dev: local push');
    assert.ok(pushEndpointPolicyError('http://10.0.0.5/push/x', true), 'dev still refuses private addresses');
  });
});
