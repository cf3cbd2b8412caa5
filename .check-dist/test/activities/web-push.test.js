var __importDefault = (this && this.__importDefault) || ((mod) => (mod && mod.__esModule ? mod : { default: mod }));
Object.defineProperty(exports, '__esModule', { value: true });
const strict_1 = __importDefault(require('node:assert/strict'));
const node_crypto_1 = require('node:crypto');
const promises_1 = require('node:fs/promises');
const node_http_1 = require('node:http');
const node_os_1 = require('node:os');
const node_path_1 = require('node:path');
const node_test_1 = require('node:test');
const web_push_1 = require('web-push');
const web_push_sender_1 = require('../../activities/channels/web-push-sender');
const contract_1 = require('../../activities/contract');
const main_1 = require('../../stand-ins/local-push/main');
const rfc8291_1 = require('../../stand-ins/local-push/rfc8291');
const failures_1 = require('../support/failures');
const local_push_1 = require('../support/local-push');
const SUBJECT = 'mailto:shop@example.com';
const PAYLOAD = {
  title: 'Still thinking it over, Ada?',
  body: 'Your Blue mug is waiting: 2 items, €59.90.',
  url: 'https://shop.example.com/checkout/co-1001',
  tag: 'checkout-co-1001',
};
const reasonOf = (failure) => failure.details?.[0]?.reason;
/** A VAPID JWT signed here with node:crypto, so tests can write claims web-push refuses to. */
function vapidJwt(keys, claims) {
  const point = Buffer.from(keys.publicKey, 'base64url');
  const key = (0, node_crypto_1.createPrivateKey)({
    key: {
      kty: 'EC',
      crv: 'P-256',
      d: keys.privateKey,
      x: point.subarray(1, 33).toString('base64url'),
      y: point.subarray(33).toString('base64url'),
    },
    format: 'jwk',
  });
  const part = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const signed = `${part({ typ: 'JWT', alg: 'ES256' })}.${part(claims)}`;
  const signature = (0, node_crypto_1.sign)('sha256', Buffer.from(signed), { key, dsaEncoding: 'ieee-p1363' });
  return `${signed}.${signature.toString('base64url')}`;
}
(0, node_test_1.describe)('web push sender against the real local push service', () => {
  let push;
  let vapid;
  let sender;
  (0, node_test_1.before)(async () => {
    push = await local_push_1.LocalPush.start();
    vapid = (0, web_push_1.generateVAPIDKeys)();
    sender = (0, web_push_sender_1.createWebPushSender)({
      vapid: { subject: SUBJECT, ...vapid },
      ttlSeconds: 3600,
      allowLoopback: true,
    });
  });
  (0, node_test_1.after)(() => push.close());
  (0, node_test_1.it)(
    'delivers the payload: the push service verifies the VAPID claim and decrypts exactly what was sent',
    async () => {
      const subscription = await push.subscribe();
      const { messageId } = await sender.send(subscription, PAYLOAD);
      const [received, ...more] = await push.messagesFor(subscription);
      strict_1.default.equal(more.length, 0);
      strict_1.default.deepEqual(received?.payload, PAYLOAD);
      strict_1.default.equal(received?.vapid.k, vapid.publicKey);
      strict_1.default.equal(received?.vapid.sub, SUBJECT);
      strict_1.default.equal(received?.vapid.aud, push.url);
      strict_1.default.deepEqual(received?.headers, {
        ttl: 3600,
        urgency: 'normal',
        topic: 'checkout-co-1001',
        contentEncoding: 'aes128gcm',
      });
      // The message id is the push message resource the service answered in Location (RFC 8030 §5).
      strict_1.default.equal(messageId, `${push.url}/messages/${received?.id}`);
      strict_1.default.equal((await (await fetch(messageId)).json()).id, received?.id);
    },
  );
  (0, node_test_1.it)(
    'reaches a subscription restricted to our VAPID key, and leaves out a tag too long to be a Topic',
    async () => {
      const subscription = await push.subscribe({ applicationServerKey: vapid.publicKey });
      const payload = { ...PAYLOAD, tag: 'a-tag-far-longer-than-thirty-two-characters' };
      await sender.send(subscription, payload);
      const [received] = await push.messagesFor(subscription);
      strict_1.default.deepEqual(received?.payload, payload);
      strict_1.default.equal(received?.headers.topic, undefined);
    },
  );
  (0, node_test_1.it)(
    'a subscription the browser dropped (410) or the service does not know (404) fails for good: subscription_gone',
    async () => {
      const dropped = await push.subscribe();
      await push.unsubscribe(dropped);
      const unknown = { ...dropped, endpoint: `${push.url}/push/never-issued` };
      const notFound = await push.subscribe();
      await push.setFault(notFound, 404);
      for (const subscription of [dropped, unknown, notFound]) {
        const failure = await (0, failures_1.failureOf)(sender.send(subscription, PAYLOAD));
        strict_1.default.equal(failure.type, contract_1.PERMANENT_SEND_FAILURE);
        strict_1.default.equal(failure.nonRetryable, true);
        strict_1.default.equal(reasonOf(failure), 'subscription_gone');
        strict_1.default.ok(
          !failure.message.includes((0, local_push_1.idOf)(subscription)),
          'the endpoint path is a secret: not in history',
        );
      }
      strict_1.default.deepEqual(await push.messagesFor(dropped), []);
    },
  );
  (0, node_test_1.it)(
    'a payload over the 4096 bytes a push service takes is refused with 413: a permanent failure',
    async () => {
      const subscription = await push.subscribe();
      const failure = await (0, failures_1.failureOf)(
        sender.send(subscription, { ...PAYLOAD, body: 'x'.repeat(5000) }),
      );
      strict_1.default.equal(failure.type, contract_1.PERMANENT_SEND_FAILURE);
      strict_1.default.equal(failure.nonRetryable, true);
      strict_1.default.equal(reasonOf(failure), 'rejected');
      strict_1.default.match(failure.message, /413.*too large/);
    },
  );
  (0, node_test_1.it)('400 is permanent; 429 and 5xx are transient and respect Retry-After', async () => {
    const subscription = await push.subscribe();
    await push.setFault(subscription, 400);
    const invalid = await (0, failures_1.failureOf)(sender.send(subscription, PAYLOAD));
    strict_1.default.equal(invalid.type, contract_1.PERMANENT_SEND_FAILURE);
    strict_1.default.equal(reasonOf(invalid), 'rejected');
    await push.setFault(subscription, 429, '17');
    const throttled = await (0, failures_1.failureOf)(sender.send(subscription, PAYLOAD));
    strict_1.default.equal(throttled.type, contract_1.TRANSIENT_SEND_FAILURE);
    strict_1.default.equal(throttled.nonRetryable, false);
    strict_1.default.equal(reasonOf(throttled), 'throttled');
    strict_1.default.equal(throttled.nextRetryDelay, 17_000);
    await push.setFault(subscription, 503, new Date(Date.now() + 120_000).toUTCString());
    const unavailable = await (0, failures_1.failureOf)(sender.send(subscription, PAYLOAD));
    strict_1.default.equal(unavailable.type, contract_1.TRANSIENT_SEND_FAILURE);
    strict_1.default.equal(reasonOf(unavailable), 'unavailable');
    const delay = Number(unavailable.nextRetryDelay);
    strict_1.default.ok(delay > 100_000 && delay <= 120_000, `about two minutes, got ${delay}`);
    await push.setFault(subscription, 500);
    const plain = await (0, failures_1.failureOf)(sender.send(subscription, PAYLOAD));
    strict_1.default.equal(plain.type, contract_1.TRANSIENT_SEND_FAILURE);
    strict_1.default.equal(plain.nextRetryDelay, undefined, 'no Retry-After: the retry policy decides');
  });
  (0, node_test_1.it)(
    'a subscription made for another VAPID key refuses ours (403): transient, retried slowly while keys get fixed',
    async () => {
      const subscription = await push.subscribe({
        applicationServerKey: (0, web_push_1.generateVAPIDKeys)().publicKey,
      });
      const failure = await (0, failures_1.failureOf)(sender.send(subscription, PAYLOAD));
      strict_1.default.equal(failure.type, contract_1.TRANSIENT_SEND_FAILURE);
      strict_1.default.equal(reasonOf(failure), 'credentials');
      strict_1.default.equal(failure.nextRetryDelay, web_push_sender_1.PUSH_CREDENTIALS_RETRY_DELAY_MS);
      strict_1.default.match(failure.message, /403/);
      strict_1.default.deepEqual(await push.messagesFor(subscription), []);
    },
  );
  (0, node_test_1.it)(
    'a push service that cannot be reached or does not answer in time is a transient failure',
    async () => {
      const closed = await local_push_1.LocalPush.start();
      const subscription = await closed.subscribe();
      await closed.close();
      const refused = await (0, failures_1.failureOf)(sender.send(subscription, PAYLOAD));
      strict_1.default.equal(refused.type, contract_1.TRANSIENT_SEND_FAILURE);
      strict_1.default.equal(reasonOf(refused), 'unavailable');
      const silent = (0, node_http_1.createServer)(() => {});
      await new Promise((r) => silent.listen(0, '127.0.0.1', r));
      try {
        const slowSender = (0, web_push_sender_1.createWebPushSender)({
          vapid: { subject: SUBJECT, ...vapid },
          requestTimeoutMs: 200,
          allowLoopback: true,
        });
        const { port } = silent.address();
        const failure = await (0, failures_1.failureOf)(
          slowSender.send({ ...subscription, endpoint: `http://127.0.0.1:${port}/push/x` }, PAYLOAD),
        );
        strict_1.default.equal(failure.type, contract_1.TRANSIENT_SEND_FAILURE);
        strict_1.default.equal(reasonOf(failure), 'unavailable');
        strict_1.default.match(failure.message, /did not answer within 200 ms/);
      } finally {
        silent.closeAllConnections();
        await new Promise((r) => silent.close(r));
      }
    },
  );
  (0, node_test_1.it)(
    'a subscription whose keys cannot be encrypted to fails for good before any request',
    async () => {
      const subscription = await push.subscribe();
      const failure = await (0, failures_1.failureOf)(
        sender.send({ ...subscription, keys: { ...subscription.keys, auth: 'AAAA' } }, PAYLOAD),
      );
      strict_1.default.equal(failure.type, contract_1.PERMANENT_SEND_FAILURE);
      strict_1.default.equal(reasonOf(failure), 'invalid_message');
      strict_1.default.deepEqual(await push.messagesFor(subscription), []);
    },
  );
});
(0, node_test_1.describe)('local push service: it checks what a push service and a browser must', () => {
  let push;
  let vapid;
  (0, node_test_1.before)(async () => {
    push = await local_push_1.LocalPush.start();
    vapid = (0, web_push_1.generateVAPIDKeys)();
  });
  (0, node_test_1.after)(() => push.close());
  /** A request web-push built for this subscription, then sent as given (after `change`). */
  async function post(subscription, change = () => {}) {
    const details = (0, web_push_1.generateRequestDetails)(subscription, JSON.stringify(PAYLOAD), {
      vapidDetails: { subject: SUBJECT, ...vapid },
      contentEncoding: 'aes128gcm',
      TTL: 60,
    });
    const headers = {};
    for (const [name, value] of Object.entries(details.headers)) {
      if (name.toLowerCase() !== 'content-length') headers[name.toLowerCase()] = String(value);
    }
    const req = { headers, body: Buffer.from(details.body) };
    change(req);
    return fetch(subscription.endpoint, { method: 'POST', headers: req.headers, body: req.body });
  }
  const authorization = (jwt, k = vapid.publicKey) => `vapid t=${jwt}, k=${k}`;
  const now = () => Math.floor(Date.now() / 1000);
  (0, node_test_1.it)('accepts the untouched request with 201 and a Location', async () => {
    const subscription = await push.subscribe();
    const res = await post(subscription);
    strict_1.default.equal(res.status, 201);
    strict_1.default.match(res.headers.get('location') ?? '', new RegExp(`^${push.url}/messages/`));
    strict_1.default.equal((await push.messagesFor(subscription)).length, 1);
  });
  (0, node_test_1.it)(
    'refuses a body changed on the way: it does not authenticate under the subscription keys',
    async () => {
      const subscription = await push.subscribe();
      const res = await post(subscription, (req) => {
        const last = req.body.length - 20;
        req.body[last] = (req.body[last] ?? 0) ^ 0x01;
      });
      strict_1.default.equal(res.status, 400);
      strict_1.default.match((await res.json()).error, /does not authenticate/);
      strict_1.default.deepEqual(await push.messagesFor(subscription), []);
    },
  );
  (0, node_test_1.it)('refuses a message encrypted for another subscription', async () => {
    const mine = await push.subscribe();
    const other = await push.subscribe();
    const res = await post({ ...other, endpoint: mine.endpoint });
    strict_1.default.equal(res.status, 400);
    strict_1.default.deepEqual(await push.messagesFor(mine), []);
  });
  (0, node_test_1.it)(
    'refuses a VAPID claim whose signature is not by k, or that is missing, expired, too long-lived or for another origin (401)',
    async () => {
      const subscription = await push.subscribe();
      const someoneElse = (0, web_push_1.generateVAPIDKeys)();
      const valid = { aud: push.url, exp: now() + 3600, sub: SUBJECT };
      const cases = {
        'signed by another key': authorization(vapidJwt(someoneElse, valid)),
        'no Authorization': undefined,
        expired: authorization(vapidJwt(vapid, { ...valid, exp: now() - 60 })),
        'valid for more than 24 h': authorization(vapidJwt(vapid, { ...valid, exp: now() + 25 * 3600 })),
        'for another push service': authorization(vapidJwt(vapid, { ...valid, aud: 'https://push.example.net' })),
        'not a vapid scheme': `Bearer ${vapidJwt(vapid, valid)}`,
      };
      for (const [name, header] of Object.entries(cases)) {
        const res = await post(subscription, (req) => {
          if (header === undefined) delete req.headers.authorization;
          else req.headers.authorization = header;
        });
        strict_1.default.equal(res.status, 401, name);
        strict_1.default.equal(res.headers.get('www-authenticate'), 'vapid', name);
      }
      // The same claim signed properly is accepted: the cases above failed for their one difference.
      strict_1.default.equal(
        (await post(subscription, (req) => (req.headers.authorization = authorization(vapidJwt(vapid, valid))))).status,
        201,
      );
      strict_1.default.equal((await push.messagesFor(subscription)).length, 1);
    },
  );
  (0, node_test_1.it)('refuses a sender whose key is not the one the subscription was made with (403)', async () => {
    const subscription = await push.subscribe({ applicationServerKey: (0, web_push_1.generateVAPIDKeys)().publicKey });
    strict_1.default.equal((await post(subscription)).status, 403);
  });
  (0, node_test_1.it)('requires TTL and the aes128gcm content coding', async () => {
    const subscription = await push.subscribe();
    strict_1.default.equal((await post(subscription, (req) => delete req.headers.ttl)).status, 400);
    strict_1.default.equal(
      (await post(subscription, (req) => (req.headers['content-encoding'] = 'aesgcm'))).status,
      415,
    );
    strict_1.default.deepEqual(await push.messagesFor(subscription), []);
  });
});
(0, node_test_1.describe)('local push service with a state file (npm start)', () => {
  (0, node_test_1.it)(
    'still decrypts for a subscription made before a restart, and a removed one stays gone',
    async () => {
      const dir = await (0, promises_1.mkdtemp)((0, node_path_1.join)((0, node_os_1.tmpdir)(), 'local-push-'));
      const stateFile = (0, node_path_1.join)(dir, 'data', 'local-push-subscriptions.json');
      const vapid = (0, web_push_1.generateVAPIDKeys)();
      const sender = (0, web_push_sender_1.createWebPushSender)({
        vapid: { subject: SUBJECT, ...vapid },
        allowLoopback: true,
      });
      const subscribe = async (url) => await (await fetch(`${url}/subscriptions`, { method: 'POST' })).json();
      try {
        const before = await (0, main_1.startLocalPushServer)('127.0.0.1', 0, { stateFile });
        const port = Number(new URL(before.url).port);
        const kept = await subscribe(before.url);
        const removed = await subscribe(before.url);
        await fetch(`${before.url}/subscriptions/${(0, local_push_1.idOf)(removed)}`, { method: 'DELETE' });
        await before.close();
        strict_1.default.equal(
          (await (0, promises_1.stat)(stateFile)).mode & 0o077,
          0,
          'private keys: readable by their owner only',
        );
        const after = await (0, main_1.startLocalPushServer)('127.0.0.1', port, { stateFile });
        try {
          await sender.send(kept, PAYLOAD);
          strict_1.default.deepEqual(after.service.received((0, local_push_1.idOf)(kept))[0]?.payload, PAYLOAD);
          strict_1.default.equal(
            reasonOf(await (0, failures_1.failureOf)(sender.send(removed, PAYLOAD))),
            'subscription_gone',
          );
        } finally {
          await after.close();
        }
      } finally {
        await (0, promises_1.rm)(dir, { recursive: true, force: true });
      }
    },
  );
});
(0, node_test_1.describe)('local push service decryption: RFC 8291 Appendix A', () => {
  // The RFC's worked example, byte for byte: the decryption is right on its own, not only in
  // agreement with web-push's encryption.
  const ua = (0, node_crypto_1.createECDH)('prime256v1');
  ua.setPrivateKey(Buffer.from('q1dXpw3UpT5VOmu_cf_v6ih07Aems3njxI-JWgLcM94', 'base64url'));
  const keys = { ecdh: ua, authSecret: Buffer.from('BTBZMqHH6r4Tts7J_aSIgg', 'base64url') };
  const body = Buffer.from(
    'DGv6ra1nlYgDCS1FRnbzlwAAEABBBP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A_yl95bQpu6cVPTpK4Mqgkf1CXztLVBSt2Ks3oZwbuwXPXLWyouBWLVWGNWQexSgSxsj_Qulcy4a-fN',
    'base64url',
  );
  (0, node_test_1.it)('decrypts the example message to its plaintext', () => {
    strict_1.default.equal(
      ua.getPublicKey('base64url'),
      'BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4',
    );
    strict_1.default.equal(
      (0, rfc8291_1.decryptAes128gcm)(body, keys).toString('utf8'),
      'When I grow up, I want to be a watermelon',
    );
  });
  (0, node_test_1.it)('refuses it under another auth secret, or cut short', () => {
    strict_1.default.throws(
      () => (0, rfc8291_1.decryptAes128gcm)(body, { ...keys, authSecret: Buffer.alloc(16) }),
      rfc8291_1.DecryptionError,
    );
    strict_1.default.throws(
      () => (0, rfc8291_1.decryptAes128gcm)(body.subarray(0, body.length - 1), keys),
      rfc8291_1.DecryptionError,
    );
    strict_1.default.throws(
      () => (0, rfc8291_1.decryptAes128gcm)(body.subarray(0, 50), keys),
      rfc8291_1.DecryptionError,
    );
  });
});
(0, node_test_1.describe)('push subscription validation', () => {
  const valid = () => ({
    endpoint: 'https://fcm.googleapis.com/fcm/send/abc:def',
    expirationTime: null,
    keys: {
      p256dh: Buffer.concat([Buffer.from([4]), Buffer.alloc(64, 7)]).toString('base64url'),
      auth: Buffer.alloc(16, 9).toString('base64url'),
    },
  });
  (0, node_test_1.it)('accepts what a browser gives, and what the local push service makes', async () => {
    strict_1.default.deepEqual((0, web_push_sender_1.pushSubscriptionErrors)(valid(), 'customer.pushSubscription'), []);
    const push = await local_push_1.LocalPush.start();
    try {
      strict_1.default.deepEqual((0, web_push_sender_1.pushSubscriptionErrors)(await push.subscribe(), 's'), []);
    } finally {
      await push.close();
    }
  });
  (0, node_test_1.it)('names each field that is wrong', () => {
    const fieldsOf = (value) => (0, web_push_sender_1.pushSubscriptionErrors)(value, 'sub').map((e) => e.field);
    strict_1.default.deepEqual(fieldsOf(null), ['sub']);
    strict_1.default.deepEqual(fieldsOf('https://push.example'), ['sub']);
    strict_1.default.deepEqual(fieldsOf({ ...valid(), endpoint: 'ftp://push.example/x' }), ['sub.endpoint']);
    strict_1.default.deepEqual(fieldsOf({ ...valid(), endpoint: 'not a url' }), ['sub.endpoint']);
    strict_1.default.deepEqual(fieldsOf({ ...valid(), endpoint: 'https://user:pw@push.example/x' }), ['sub.endpoint']);
    strict_1.default.deepEqual(fieldsOf({ ...valid(), expirationTime: 'soon' }), ['sub.expirationTime']);
    strict_1.default.deepEqual(fieldsOf({ endpoint: valid().endpoint }), ['sub.keys']);
    const keys = valid().keys;
    // 64 bytes, a compressed-looking prefix, and standard base64 with "+" and "/" are all not p256dh.
    for (const p256dh of [
      Buffer.alloc(64, 4).toString('base64url'),
      Buffer.concat([Buffer.from([2]), Buffer.alloc(64, 7)]).toString('base64url'),
      Buffer.concat([Buffer.from([4]), Buffer.alloc(64, 0xfb)]).toString('base64'),
      '',
    ]) {
      strict_1.default.deepEqual(fieldsOf({ ...valid(), keys: { ...keys, p256dh } }), ['sub.keys.p256dh'], p256dh);
    }
    for (const auth of [Buffer.alloc(15).toString('base64url'), Buffer.alloc(32).toString('base64url'), 42]) {
      strict_1.default.deepEqual(fieldsOf({ ...valid(), keys: { ...keys, auth } }), ['sub.keys.auth'], String(auth));
    }
  });
});
//# sourceMappingURL=web-push.test.js.map
