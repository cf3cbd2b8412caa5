var __importDefault = (this && this.__importDefault) || ((mod) => (mod && mod.__esModule ? mod : { default: mod }));
Object.defineProperty(exports, '__esModule', { value: true });
const strict_1 = __importDefault(require('node:assert/strict'));
const promises_1 = require('node:fs/promises');
const node_os_1 = require('node:os');
const node_path_1 = require('node:path');
const node_test_1 = require('node:test');
const web_push_1 = require('web-push');
const web_push_sender_1 = require('../../activities/channels/web-push-sender');
const dev_vapid_keys_1 = require('../../config/dev-vapid-keys');
const env_1 = require('../../config/env');
const push_config_1 = require('../../config/push-config');
const links_1 = require('../support/links');
const local_push_1 = require('../support/local-push');
const payload_keys_1 = require('../support/payload-keys');
const KEYS = (0, web_push_1.generateVAPIDKeys)();
const VAPID_ENV = {
  VAPID_PUBLIC_KEY: KEYS.publicKey,
  VAPID_PRIVATE_KEY: KEYS.privateKey,
  VAPID_SUBJECT: 'mailto:push@shop.example.com',
};
const configWith = (env = {}) =>
  (0, env_1.loadConfig)({
    LINK_SIGNING_SECRET: links_1.TEST_LINK_SECRET,
    ...payload_keys_1.TEST_ENCRYPTION_ENV,
    ...env,
  });
(0, node_test_1.describe)('web push settings', () => {
  (0, node_test_1.it)('without VAPID keys the push channel is not configured', () => {
    strict_1.default.equal(configWith().push, undefined);
  });
  (0, node_test_1.it)(
    'takes the VAPID key pair and subject; push services keep a reminder a day unless PUSH_TTL says otherwise',
    () => {
      strict_1.default.deepEqual(configWith(VAPID_ENV).push, {
        vapid: { subject: 'mailto:push@shop.example.com', publicKey: KEYS.publicKey, privateKey: KEYS.privateKey },
        ttlSeconds: 86_400,
      });
      strict_1.default.equal(configWith({ ...VAPID_ENV, PUSH_TTL: '2h' }).push?.ttlSeconds, 7200);
      strict_1.default.equal(
        configWith({ ...VAPID_ENV, VAPID_SUBJECT: 'https://shop.example.com/contact' }).push?.vapid.subject,
        'https://shop.example.com/contact',
      );
    },
  );
  (0, node_test_1.it)('refuses half a configuration, naming what is missing', () => {
    strict_1.default.throws(() => configWith({ VAPID_PUBLIC_KEY: KEYS.publicKey }), /VAPID_PRIVATE_KEY is not set/);
    strict_1.default.throws(() => configWith({ VAPID_PRIVATE_KEY: KEYS.privateKey }), /VAPID_PUBLIC_KEY is not set/);
    strict_1.default.throws(() => configWith({ ...VAPID_ENV, VAPID_SUBJECT: undefined }), /VAPID_SUBJECT must be/);
  });
  (0, node_test_1.it)('refuses keys that are not a P-256 pair, and a subject push services cannot reach', () => {
    const other = (0, web_push_1.generateVAPIDKeys)();
    const cases = [
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
      strict_1.default.throws(() => configWith({ ...VAPID_ENV, ...env }), env_1.ConfigError, JSON.stringify(env));
    strict_1.default.throws(
      () => configWith({ ...VAPID_ENV, VAPID_PUBLIC_KEY: other.publicKey }),
      /not the public key of/,
    );
  });
});
(0, node_test_1.describe)('the development VAPID keys of npm start', () => {
  (0, node_test_1.it)(
    'are made once, kept private in the data directory, the same on the next start, and push with them works',
    async () => {
      const dir = await (0, promises_1.mkdtemp)((0, node_path_1.join)((0, node_os_1.tmpdir)(), 'vapid-'));
      const push = await local_push_1.LocalPush.start();
      try {
        const dataDir = (0, node_path_1.join)(dir, 'data');
        const env = {};
        strict_1.default.deepEqual((0, dev_vapid_keys_1.provideDevVapidKeys)(env, dataDir), {
          file: (0, node_path_1.join)(dataDir, 'vapid-keys.json'),
          created: true,
        });
        strict_1.default.equal(env.VAPID_SUBJECT, dev_vapid_keys_1.DEV_VAPID_SUBJECT);
        const config = configWith(env).push;
        strict_1.default.ok(config, 'loadConfig accepts them');
        const again = {};
        strict_1.default.deepEqual((0, dev_vapid_keys_1.provideDevVapidKeys)(again, dataDir), {
          file: (0, node_path_1.join)(dataDir, 'vapid-keys.json'),
          created: false,
        });
        strict_1.default.equal(
          again.VAPID_PUBLIC_KEY,
          env.VAPID_PUBLIC_KEY,
          'subscriptions made before a restart still work',
        );
        strict_1.default.equal(again.VAPID_PRIVATE_KEY, env.VAPID_PRIVATE_KEY);
        const file = (0, node_path_1.join)(dataDir, 'vapid-keys.json');
        strict_1.default.equal(
          JSON.parse(await (0, promises_1.readFile)(file, 'utf8')).publicKey,
          env.VAPID_PUBLIC_KEY,
        );
        strict_1.default.equal((await (0, promises_1.stat)(file)).mode & 0o077, 0, 'readable by its owner only');
        const subscription = await push.subscribe({ applicationServerKey: config.vapid.publicKey });
        await (0, web_push_sender_1.createWebPushSender)({ ...config, allowLoopback: true }).send(subscription, {
          title: 't',
          body: 'b',
          url: 'https://shop.example.com',
        });
        strict_1.default.equal((await push.messagesFor(subscription))[0]?.vapid.k, config.vapid.publicKey);
      } finally {
        await push.close();
        await (0, promises_1.rm)(dir, { recursive: true, force: true });
      }
    },
  );
  (0, node_test_1.it)('leave keys given in the environment alone', () => {
    const env = { ...VAPID_ENV };
    strict_1.default.equal(
      (0, dev_vapid_keys_1.provideDevVapidKeys)(env, (0, node_path_1.join)((0, node_os_1.tmpdir)(), 'never-written')),
      'environment',
    );
    strict_1.default.deepEqual(env, VAPID_ENV);
  });
});
(0, node_test_1.describe)('PUSH_ALLOW_LOOPBACK', () => {
  (0, node_test_1.it)('is off by default, on only when asked, and refused under NODE_ENV=production', () => {
    strict_1.default.deepEqual((0, push_config_1.loadPushEndpointPolicy)({}), { allowLoopback: false });
    strict_1.default.deepEqual((0, push_config_1.loadPushEndpointPolicy)({ PUSH_ALLOW_LOOPBACK: 'on' }), {
      allowLoopback: true,
    });
    strict_1.default.throws(
      () => (0, push_config_1.loadPushEndpointPolicy)({ PUSH_ALLOW_LOOPBACK: 'on', NODE_ENV: 'production' }),
      /PUSH_ALLOW_LOOPBACK.*production/,
    );
    strict_1.default.throws(
      () => (0, push_config_1.loadPushEndpointPolicy)({ PUSH_ALLOW_LOOPBACK: 'yes please' }),
      /"on" or "off"/,
    );
  });
});
//# sourceMappingURL=push-config.test.js.map
