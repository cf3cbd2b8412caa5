import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { generateVAPIDKeys } from 'web-push';
import { createWebPushSender } from '../../activities/channels/web-push-sender';
import { DEV_VAPID_SUBJECT, provideDevVapidKeys } from '../../config/dev-vapid-keys';
import { ConfigError, loadConfig } from '../../config/env';
import { loadPushEndpointPolicy } from '../../config/push-config';
import { TEST_LINK_SECRET } from '../support/links';
import { LocalPush } from '../support/local-push';
import { TEST_ENCRYPTION_ENV } from '../support/payload-keys';

const KEYS = generateVAPIDKeys();
const VAPID_ENV = {
  VAPID_PUBLIC_KEY: KEYS.publicKey,
  VAPID_PRIVATE_KEY: KEYS.privateKey,
  VAPID_SUBJECT: 'mailto:push@shop.example.com',
};
const configWith = (env: NodeJS.ProcessEnv = {}) =>
  loadConfig({ LINK_SIGNING_SECRET: TEST_LINK_SECRET, ...TEST_ENCRYPTION_ENV, ...env });

describe('web push settings', () => {
  it('without VAPID keys the push channel is not configured', () => {
    assert.equal(configWith().push, undefined);
  });

  it('takes the VAPID key pair and subject; push services keep a reminder a day unless PUSH_TTL says otherwise', () => {
    assert.deepEqual(configWith(VAPID_ENV).push, {
      vapid: { subject: 'mailto:push@shop.example.com', publicKey: KEYS.publicKey, privateKey: KEYS.privateKey },
      ttlSeconds: 86_400,
    });
    assert.equal(configWith({ ...VAPID_ENV, PUSH_TTL: '2h' }).push?.ttlSeconds, 7200);
    assert.equal(
      configWith({ ...VAPID_ENV, VAPID_SUBJECT: 'https://shop.example.com/contact' }).push?.vapid.subject,
      'https://shop.example.com/contact',
    );
  });

  it('refuses half a configuration, naming what is missing', () => {
    assert.throws(() => configWith({ VAPID_PUBLIC_KEY: KEYS.publicKey }), /VAPID_PRIVATE_KEY is not set/);
    assert.throws(() => configWith({ VAPID_PRIVATE_KEY: KEYS.privateKey }), /VAPID_PUBLIC_KEY is not set/);
    assert.throws(() => configWith({ ...VAPID_ENV, VAPID_SUBJECT: undefined }), /VAPID_SUBJECT must be/);
  });

  it('refuses keys that are not a P-256 pair, and a subject push services cannot reach', () => {
    const other = generateVAPIDKeys();
    const cases: NodeJS.ProcessEnv[] = [
      { VAPID_PUBLIC_KEY: other.publicKey },
      { VAPID_PUBLIC_KEY: KEYS.publicKey.slice(0, -4) },
      { VAPID_PRIVATE_KEY: Buffer.alloc(31, 1).toString('base64url') },
      { VAPID_PRIVATE_KEY: 'not base64url!' },
      { VAPID_SUBJECT: 'shop@example.com' },
      { VAPID_SUBJECT: 'http://shop.example.com' },
      { PUSH_TTL: '30d' },
      { PUSH_TTL: 'soon' },
    ];
    for (const env of cases)
      assert.throws(() => configWith({ ...VAPID_ENV, ...env }), ConfigError, JSON.stringify(env));
    assert.throws(() => configWith({ ...VAPID_ENV, VAPID_PUBLIC_KEY: other.publicKey }), /not the public key of/);
  });
});

describe('the development VAPID keys of npm start', () => {
  it('are made once, kept private in the data directory, the same on the next start, and push with them works', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'vapid-'));
    const push = await LocalPush.start();
    try {
      const dataDir = join(dir, 'data');
      const env: NodeJS.ProcessEnv = {};
      assert.deepEqual(provideDevVapidKeys(env, dataDir), { file: join(dataDir, 'vapid-keys.json'), created: true });
      assert.equal(env.VAPID_SUBJECT, DEV_VAPID_SUBJECT);
      const config = configWith(env).push;
      assert.ok(config, 'loadConfig accepts them');

      const again: NodeJS.ProcessEnv = {};
      assert.deepEqual(provideDevVapidKeys(again, dataDir), { file: join(dataDir, 'vapid-keys.json'), created: false });
      assert.equal(again.VAPID_PUBLIC_KEY, env.VAPID_PUBLIC_KEY, 'subscriptions made before a restart still work');
      assert.equal(again.VAPID_PRIVATE_KEY, env.VAPID_PRIVATE_KEY);
      const file = join(dataDir, 'vapid-keys.json');
      assert.equal(JSON.parse(await readFile(file, 'utf8')).publicKey, env.VAPID_PUBLIC_KEY);
      assert.equal((await stat(file)).mode & 0o077, 0, 'readable by its owner only');

      const subscription = await push.subscribe({ applicationServerKey: config.vapid.publicKey });
      await createWebPushSender({ ...config, allowLoopback: true }).send(subscription, {
        title: 't',
        body: 'b',
        url: 'https://shop.example.com',
      });
      assert.equal((await push.messagesFor(subscription))[0]?.vapid.k, config.vapid.publicKey);
    } finally {
      await push.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('leave keys given in the environment alone', () => {
    const env: NodeJS.ProcessEnv = { ...VAPID_ENV };
    assert.equal(provideDevVapidKeys(env, join(tmpdir(), 'never-written')), 'environment');
    assert.deepEqual(env, VAPID_ENV);
  });
});

describe('PUSH_ALLOW_LOOPBACK', () => {
  it('is off by default, on only when asked, and refused under NODE_ENV=production', () => {
    assert.deepEqual(loadPushEndpointPolicy({}), { allowLoopback: false });
    assert.deepEqual(loadPushEndpointPolicy({ PUSH_ALLOW_LOOPBACK: 'on' }), { allowLoopback: true });
    assert.throws(
      () => loadPushEndpointPolicy({ PUSH_ALLOW_LOOPBACK: 'on', NODE_ENV: 'production' }),
      /PUSH_ALLOW_LOOPBACK.*production/,
    );
    assert.throws(() => loadPushEndpointPolicy({ PUSH_ALLOW_LOOPBACK: 'yes please' }), /"on" or "off"/);
  });
});
