import assert from 'node:assert/strict';
import { createECDH, createPrivateKey, sign } from 'node:crypto';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { ApplicationFailure } from '@temporalio/common';
import { generateRequestDetails, generateVAPIDKeys, type VapidKeys } from 'web-push';
import {
  createWebPushSender,
  PUSH_CREDENTIALS_RETRY_DELAY_MS,
  type PushPayload,
  type PushSubscriptionJSON,
  pushSubscriptionErrors,
  type WebPushSender,
} from '../../activities/channels/web-push-sender';
import { PERMANENT_SEND_FAILURE, TRANSIENT_SEND_FAILURE } from '../../activities/contract';
import { startLocalPushServer } from '../../stand-ins/local-push/main';
import { DecryptionError, decryptAes128gcm } from '../../stand-ins/local-push/rfc8291';
import { failureOf } from '../support/failures';
import { idOf, LocalPush } from '../support/local-push';

const SUBJECT = 'mailto:shop@example.com';
const PAYLOAD: PushPayload = {
  title: 'Still thinking it over, Ada?',
  body: 'Your Blue mug is waiting: 2 items, €59.90.',
  url: 'https://shop.example.com/checkout/co-1001',
  tag: 'checkout-co-1001',
};

const reasonOf = (failure: ApplicationFailure) => (failure.details?.[0] as { reason?: string } | undefined)?.reason;

/** A VAPID JWT signed here with node:crypto, so tests can write claims web-push refuses to. */
function vapidJwt(keys: VapidKeys, claims: Record<string, unknown>): string {
  const point = Buffer.from(keys.publicKey, 'base64url');
  const key = createPrivateKey({
    key: {
      kty: 'EC',
      crv: 'P-256',
      d: keys.privateKey,
      x: point.subarray(1, 33).toString('base64url'),
      y: point.subarray(33).toString('base64url'),
    },
    format: 'jwk',
  });
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const signed = `${part({ typ: 'JWT', alg: 'ES256' })}.${part(claims)}`;
  const signature = sign('sha256', Buffer.from(signed), { key, dsaEncoding: 'ieee-p1363' });
  return `${signed}.${signature.toString('base64url')}`;
}

describe('web push sender against the real local push service', () => {
  let push: LocalPush;
  let vapid: VapidKeys;
  let sender: WebPushSender;
  before(async () => {
    push = await LocalPush.start();
    vapid = generateVAPIDKeys();
    sender = createWebPushSender({ vapid: { subject: SUBJECT, ...vapid }, ttlSeconds: 3600, allowLoopback: true });
  });
  after(() => push.close());

  it('delivers the payload: the push service verifies the VAPID claim and decrypts exactly what was sent', async () => {
    const subscription = await push.subscribe();
    const { messageId } = await sender.send(subscription, PAYLOAD);

    const [received, ...more] = await push.messagesFor(subscription);
    assert.equal(more.length, 0);
    assert.deepEqual(received?.payload, PAYLOAD);
    assert.equal(received?.vapid.k, vapid.publicKey);
    assert.equal(received?.vapid.sub, SUBJECT);
    assert.equal(received?.vapid.aud, push.url);
    assert.deepEqual(received?.headers, {
      ttl: 3600,
      urgency: 'normal',
      topic: 'checkout-co-1001',
      contentEncoding: 'aes128gcm',
    });
    // The message id is the push message resource the service answered in Location (RFC 8030 §5).
    assert.equal(messageId, `${push.url}/messages/${received?.id}`);
    assert.equal(((await (await fetch(messageId)).json()) as { id: string }).id, received?.id);
  });

  it('reaches a subscription restricted to our VAPID key, and leaves out a tag too long to be a Topic', async () => {
    const subscription = await push.subscribe({ applicationServerKey: vapid.publicKey });
    const payload = { ...PAYLOAD, tag: 'a-tag-far-longer-than-thirty-two-characters' };
    await sender.send(subscription, payload);
    const [received] = await push.messagesFor(subscription);
    assert.deepEqual(received?.payload, payload);
    assert.equal(received?.headers.topic, undefined);
  });

  it('a subscription the browser dropped (410) or the service does not know (404) fails for good: subscription_gone', async () => {
    const dropped = await push.subscribe();
    await push.unsubscribe(dropped);
    const unknown = { ...dropped, endpoint: `${push.url}/push/never-issued` };
    const notFound = await push.subscribe();
    await push.setFault(notFound, 404);
    for (const subscription of [dropped, unknown, notFound]) {
      const failure = await failureOf(sender.send(subscription, PAYLOAD));
      assert.equal(failure.type, PERMANENT_SEND_FAILURE);
      assert.equal(failure.nonRetryable, true);
      assert.equal(reasonOf(failure), 'subscription_gone');
      assert.ok(!failure.message.includes(idOf(subscription)), 'the endpoint path is a secret: not in history');
    }
    assert.deepEqual(await push.messagesFor(dropped), []);
  });

  it('a payload over the 4096 bytes a push service takes is refused with 413: a permanent failure', async () => {
    const subscription = await push.subscribe();
    const failure = await failureOf(sender.send(subscription, { ...PAYLOAD, body: 'x'.repeat(5000) }));
    assert.equal(failure.type, PERMANENT_SEND_FAILURE);
    assert.equal(failure.nonRetryable, true);
    assert.equal(reasonOf(failure), 'rejected');
    assert.match(failure.message, /413.*too large/);
  });

  it('400 is permanent; 429 and 5xx are transient and respect Retry-After', async () => {
    const subscription = await push.subscribe();
    await push.setFault(subscription, 400);
    const invalid = await failureOf(sender.send(subscription, PAYLOAD));
    assert.equal(invalid.type, PERMANENT_SEND_FAILURE);
    assert.equal(reasonOf(invalid), 'rejected');

    await push.setFault(subscription, 429, '17');
    const throttled = await failureOf(sender.send(subscription, PAYLOAD));
    assert.equal(throttled.type, TRANSIENT_SEND_FAILURE);
    assert.equal(throttled.nonRetryable, false);
    assert.equal(reasonOf(throttled), 'throttled');
    assert.equal(throttled.nextRetryDelay, 17_000);

    await push.setFault(subscription, 503, new Date(Date.now() + 120_000).toUTCString());
    const unavailable = await failureOf(sender.send(subscription, PAYLOAD));
    assert.equal(unavailable.type, TRANSIENT_SEND_FAILURE);
    assert.equal(reasonOf(unavailable), 'unavailable');
    const delay = Number(unavailable.nextRetryDelay);
    assert.ok(delay > 100_000 && delay <= 120_000, `about two minutes, got ${delay}`);

    await push.setFault(subscription, 500);
    const plain = await failureOf(sender.send(subscription, PAYLOAD));
    assert.equal(plain.type, TRANSIENT_SEND_FAILURE);
    assert.equal(plain.nextRetryDelay, undefined, 'no Retry-After: the retry policy decides');
  });

  it('a subscription made for another VAPID key refuses ours (403): transient, retried slowly while keys get fixed', async () => {
    const subscription = await push.subscribe({ applicationServerKey: generateVAPIDKeys().publicKey });
    const failure = await failureOf(sender.send(subscription, PAYLOAD));
    assert.equal(failure.type, TRANSIENT_SEND_FAILURE);
    assert.equal(reasonOf(failure), 'credentials');
    assert.equal(failure.nextRetryDelay, PUSH_CREDENTIALS_RETRY_DELAY_MS);
    assert.match(failure.message, /403/);
    assert.deepEqual(await push.messagesFor(subscription), []);
  });

  it('a push service that cannot be reached or does not answer in time is a transient failure', async () => {
    const closed = await LocalPush.start();
    const subscription = await closed.subscribe();
    await closed.close();
    const refused = await failureOf(sender.send(subscription, PAYLOAD));
    assert.equal(refused.type, TRANSIENT_SEND_FAILURE);
    assert.equal(reasonOf(refused), 'unavailable');

    const silent = createServer(() => {});
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    try {
      const slowSender = createWebPushSender({
        vapid: { subject: SUBJECT, ...vapid },
        requestTimeoutMs: 200,
        allowLoopback: true,
      });
      const { port } = silent.address() as AddressInfo;
      const failure = await failureOf(
        slowSender.send({ ...subscription, endpoint: `http://127.0.0.1:${port}/push/x` }, PAYLOAD),
      );
      assert.equal(failure.type, TRANSIENT_SEND_FAILURE);
      assert.equal(reasonOf(failure), 'unavailable');
      assert.match(failure.message, /did not answer within 200 ms/);
    } finally {
      silent.closeAllConnections();
      await new Promise((r) => silent.close(r));
    }
  });

  it('a subscription whose keys cannot be encrypted to fails for good before any request', async () => {
    const subscription = await push.subscribe();
    const failure = await failureOf(
      sender.send({ ...subscription, keys: { ...subscription.keys, auth: 'AAAA' } }, PAYLOAD),
    );
    assert.equal(failure.type, PERMANENT_SEND_FAILURE);
    assert.equal(reasonOf(failure), 'invalid_message');
    assert.deepEqual(await push.messagesFor(subscription), []);
  });
});

describe('local push service: it checks what a push service and a browser must', () => {
  let push: LocalPush;
  let vapid: VapidKeys;
  before(async () => {
    push = await LocalPush.start();
    vapid = generateVAPIDKeys();
  });
  after(() => push.close());

  /** A request web-push built for this subscription, then sent as given (after `change`). */
  async function post(
    subscription: PushSubscriptionJSON,
    change: (req: { headers: Record<string, string>; body: Buffer }) => void = () => {},
  ): Promise<Response> {
    const details = generateRequestDetails(subscription, JSON.stringify(PAYLOAD), {
      vapidDetails: { subject: SUBJECT, ...vapid },
      contentEncoding: 'aes128gcm',
      TTL: 60,
    });
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(details.headers)) {
      if (name.toLowerCase() !== 'content-length') headers[name.toLowerCase()] = String(value);
    }
    const req = { headers, body: Buffer.from(details.body) };
    change(req);
    return fetch(subscription.endpoint, { method: 'POST', headers: req.headers, body: req.body });
  }

  const authorization = (jwt: string, k = vapid.publicKey) => `vapid t=${jwt}, k=${k}`;
  const now = () => Math.floor(Date.now() / 1000);

  it('accepts the untouched request with 201 and a Location', async () => {
    const subscription = await push.subscribe();
    const res = await post(subscription);
    assert.equal(res.status, 201);
    assert.match(res.headers.get('location') ?? '', new RegExp(`^${push.url}/messages/`));
    assert.equal((await push.messagesFor(subscription)).length, 1);
  });

  it('refuses a body changed on the way: it does not authenticate under the subscription keys', async () => {
    const subscription = await push.subscribe();
    const res = await post(subscription, (req) => {
      const last = req.body.length - 20;
      req.body[last] = (req.body[last] ?? 0) ^ 0x01;
    });
    assert.equal(res.status, 400);
    assert.match(((await res.json()) as { error: string }).error, /does not authenticate/);
    assert.deepEqual(await push.messagesFor(subscription), []);
  });

  it('refuses a message encrypted for another subscription', async () => {
    const mine = await push.subscribe();
    const other = await push.subscribe();
    const res = await post({ ...other, endpoint: mine.endpoint });
    assert.equal(res.status, 400);
    assert.deepEqual(await push.messagesFor(mine), []);
  });

  it('refuses a VAPID claim whose signature is not by k, or that is missing, expired, too long-lived or for another origin (401)', async () => {
    const subscription = await push.subscribe();
    const someoneElse = generateVAPIDKeys();
    const valid = { aud: push.url, exp: now() + 3600, sub: SUBJECT };
    const cases: Record<string, string | undefined> = {
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
      assert.equal(res.status, 401, name);
      assert.equal(res.headers.get('www-authenticate'), 'vapid', name);
    }
    // The same claim signed properly is accepted: the cases above failed for their one difference.
    assert.equal(
      (await post(subscription, (req) => (req.headers.authorization = authorization(vapidJwt(vapid, valid))))).status,
      201,
    );
    assert.equal((await push.messagesFor(subscription)).length, 1);
  });

  it('refuses a sender whose key is not the one the subscription was made with (403)', async () => {
    const subscription = await push.subscribe({ applicationServerKey: generateVAPIDKeys().publicKey });
    assert.equal((await post(subscription)).status, 403);
  });

  it('requires TTL and the aes128gcm content coding', async () => {
    const subscription = await push.subscribe();
    assert.equal((await post(subscription, (req) => delete req.headers.ttl)).status, 400);
    assert.equal((await post(subscription, (req) => (req.headers['content-encoding'] = 'aesgcm'))).status, 415);
    assert.deepEqual(await push.messagesFor(subscription), []);
  });
});

describe('local push service with a state file (npm start)', () => {
  it('still decrypts for a subscription made before a restart, and a removed one stays gone', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'local-push-'));
    const stateFile = join(dir, 'data', 'local-push-subscriptions.json');
    const vapid = generateVAPIDKeys();
    const sender = createWebPushSender({ vapid: { subject: SUBJECT, ...vapid }, allowLoopback: true });
    const subscribe = async (url: string) =>
      (await (await fetch(`${url}/subscriptions`, { method: 'POST' })).json()) as PushSubscriptionJSON;
    try {
      const before = await startLocalPushServer('127.0.0.1', 0, { stateFile });
      const port = Number(new URL(before.url).port);
      const kept = await subscribe(before.url);
      const removed = await subscribe(before.url);
      await fetch(`${before.url}/subscriptions/${idOf(removed)}`, { method: 'DELETE' });
      await before.close();
      assert.equal((await stat(stateFile)).mode & 0o077, 0, 'private keys: readable by their owner only');

      const after = await startLocalPushServer('127.0.0.1', port, { stateFile });
      try {
        await sender.send(kept, PAYLOAD);
        assert.deepEqual(after.service.received(idOf(kept))[0]?.payload, PAYLOAD);
        assert.equal(reasonOf(await failureOf(sender.send(removed, PAYLOAD))), 'subscription_gone');
      } finally {
        await after.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('local push service decryption: RFC 8291 Appendix A', () => {
  // The RFC's worked example, byte for byte: the decryption is right on its own, not only in
  // agreement with web-push's encryption.
  const ua = createECDH('prime256v1');
  ua.setPrivateKey(Buffer.from('q1dXpw3UpT5VOmu_cf_v6ih07Aems3njxI-JWgLcM94', 'base64url'));
  const keys = { ecdh: ua, authSecret: Buffer.from('BTBZMqHH6r4Tts7J_aSIgg', 'base64url') };
  const body = Buffer.from(
    'DGv6ra1nlYgDCS1FRnbzlwAAEABBBP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A_yl95bQpu6cVPTpK4Mqgkf1CXztLVBSt2Ks3oZwbuwXPXLWyouBWLVWGNWQexSgSxsj_Qulcy4a-fN',
    'base64url',
  );

  it('decrypts the example message to its plaintext', () => {
    assert.equal(
      ua.getPublicKey('base64url'),
      'BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4',
    );
    assert.equal(decryptAes128gcm(body, keys).toString('utf8'), 'When I grow up, I want to be a watermelon');
  });

  it('refuses it under another auth secret, or cut short', () => {
    assert.throws(() => decryptAes128gcm(body, { ...keys, authSecret: Buffer.alloc(16) }), DecryptionError);
    assert.throws(() => decryptAes128gcm(body.subarray(0, body.length - 1), keys), DecryptionError);
    assert.throws(() => decryptAes128gcm(body.subarray(0, 50), keys), DecryptionError);
  });
});

describe('push subscription validation', () => {
  const valid = (): PushSubscriptionJSON => ({
    endpoint: 'https://fcm.googleapis.com/fcm/send/abc:def',
    expirationTime: null,
    keys: {
      p256dh: Buffer.concat([Buffer.from([4]), Buffer.alloc(64, 7)]).toString('base64url'),
      auth: Buffer.alloc(16, 9).toString('base64url'),
    },
  });

  it('accepts what a browser gives, and what the local push service makes', async () => {
    assert.deepEqual(pushSubscriptionErrors(valid(), 'customer.pushSubscription'), []);
    const push = await LocalPush.start();
    try {
      assert.deepEqual(pushSubscriptionErrors(await push.subscribe(), 's'), []);
    } finally {
      await push.close();
    }
  });

  it('names each field that is wrong', () => {
    const fieldsOf = (value: unknown) => pushSubscriptionErrors(value, 'sub').map((e) => e.field);
    assert.deepEqual(fieldsOf(null), ['sub']);
    assert.deepEqual(fieldsOf('https://push.example'), ['sub']);
    assert.deepEqual(fieldsOf({ ...valid(), endpoint: 'ftp://push.example/x' }), ['sub.endpoint']);
    assert.deepEqual(fieldsOf({ ...valid(), endpoint: 'not a url' }), ['sub.endpoint']);
    assert.deepEqual(fieldsOf({ ...valid(), endpoint: 'https://user:pw@push.example/x' }), ['sub.endpoint']);
    assert.deepEqual(fieldsOf({ ...valid(), expirationTime: 'soon' }), ['sub.expirationTime']);
    assert.deepEqual(fieldsOf({ endpoint: valid().endpoint }), ['sub.keys']);
    const keys = valid().keys;
    // 64 bytes, a compressed-looking prefix, and standard base64 with "+" and "/" are all not p256dh.
    for (const p256dh of [
      Buffer.alloc(64, 4).toString('base64url'),
      Buffer.concat([Buffer.from([2]), Buffer.alloc(64, 7)]).toString('base64url'),
      Buffer.concat([Buffer.from([4]), Buffer.alloc(64, 0xfb)]).toString('base64'),
      '',
    ]) {
      assert.deepEqual(fieldsOf({ ...valid(), keys: { ...keys, p256dh } }), ['sub.keys.p256dh'], p256dh);
    }
    for (const auth of [Buffer.alloc(15).toString('base64url'), Buffer.alloc(32).toString('base64url'), 42]) {
      assert.deepEqual(fieldsOf({ ...valid(), keys: { ...keys, auth } }), ['sub.keys.auth'], String(auth));
    }
  });
});
