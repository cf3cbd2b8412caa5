var __importDefault = (this && this.__importDefault) || ((mod) => (mod && mod.__esModule ? mod : { default: mod }));
Object.defineProperty(exports, '__esModule', { value: true });
const strict_1 = __importDefault(require('node:assert/strict'));
const promises_1 = require('node:fs/promises');
const node_os_1 = require('node:os');
const node_path_1 = require('node:path');
const node_test_1 = require('node:test');
const api_edge_1 = require('../../config/api-edge');
const dev_link_secret_1 = require('../../config/dev-link-secret');
const env_1 = require('../../config/env');
const links_1 = require('../support/links');
const payload_keys_1 = require('../support/payload-keys');
const DAY_MS = 86_400_000;
const withSecret = (env = {}) =>
  (0, env_1.loadConfig)({
    LINK_SIGNING_SECRET: links_1.TEST_LINK_SECRET,
    ...payload_keys_1.TEST_ENCRYPTION_ENV,
    ...env,
  });
(0, node_test_1.describe)('link settings', () => {
  (0, node_test_1.it)('refuses to start without LINK_SIGNING_SECRET, saying how to make one', () => {
    for (const value of [undefined, '', ' , ']) {
      strict_1.default.throws(
        () => (0, env_1.loadConfig)({ LINK_SIGNING_SECRET: value }),
        (err) =>
          err instanceof env_1.ConfigError &&
          /LINK_SIGNING_SECRET is not set/.test(err.message) &&
          /openssl rand/.test(err.message),
        String(value),
      );
    }
  });
  (0, node_test_1.it)('refuses a secret too short to resist guessing', () => {
    strict_1.default.throws(() => (0, env_1.loadConfig)({ LINK_SIGNING_SECRET: 'hunter2' }), env_1.ConfigError);
    strict_1.default.throws(
      () => (0, env_1.loadConfig)({ LINK_SIGNING_SECRET: `${links_1.TEST_LINK_SECRET},short` }),
      env_1.ConfigError,
    );
  });
  (0, node_test_1.it)('takes several comma-separated secrets for rotation, the first one signing', () => {
    const old = 'the-old-secret-0123456789-0123456789-0123';
    strict_1.default.deepEqual(
      withSecret({ LINK_SIGNING_SECRET: ` ${links_1.TEST_LINK_SECRET} , ${old} ` }).links.secrets,
      [links_1.TEST_LINK_SECRET, old],
    );
  });
  (0, node_test_1.it)('resume links live 7 days and unsubscribe links 90 by default; both are configurable', () => {
    strict_1.default.equal(withSecret().links.resumeTtlMs, 7 * DAY_MS);
    strict_1.default.equal(withSecret().links.unsubscribeTtlMs, 90 * DAY_MS);
    const custom = withSecret({ LINK_RESUME_TTL: '2d', LINK_UNSUBSCRIBE_TTL: '60d' }).links;
    strict_1.default.equal(custom.resumeTtlMs, 2 * DAY_MS);
    strict_1.default.equal(custom.unsubscribeTtlMs, 60 * DAY_MS);
  });
  (0, node_test_1.it)('refuses unsubscribe links that would stop working before the 30 days the law expects', () => {
    strict_1.default.throws(
      () => withSecret({ LINK_UNSUBSCRIBE_TTL: '29d' }),
      /LINK_UNSUBSCRIBE_TTL must be at least 30d/,
    );
    strict_1.default.throws(() => withSecret({ LINK_RESUME_TTL: 'a week' }), /LINK_RESUME_TTL/);
  });
});
(0, node_test_1.describe)('API access settings', () => {
  const KEY = 'k'.repeat(32);
  const production = (env = {}) =>
    withSecret({ NODE_ENV: 'production', SHOP_ORIGINS: 'https://shop.example.com', ...env });
  (0, node_test_1.it)('outside development the API refuses to start without a key, saying how to make one', () => {
    strict_1.default.throws(
      () => (0, api_edge_1.checkApiEdge)(production()),
      (err) =>
        err instanceof env_1.ConfigError && /API_KEY is not set/.test(err.message) && /API_AUTH=off/.test(err.message),
    );
    (0, api_edge_1.checkApiEdge)(production({ API_KEY: KEY }));
  });
  (0, node_test_1.it)('API_AUTH=off runs without a key on purpose, and not together with one', () => {
    (0, api_edge_1.checkApiEdge)(production({ API_AUTH: 'off' }));
    strict_1.default.throws(
      () => production({ API_AUTH: 'off', API_KEY: KEY }),
      /API_AUTH=off and API_KEY are both set/,
    );
    strict_1.default.throws(() => withSecret({ API_AUTH: 'on' }), /API_AUTH=on but API_KEY is not set/);
  });
  (0, node_test_1.it)('refuses a key too short to resist guessing, in development too', () => {
    strict_1.default.throws(() => withSecret({ API_KEY: 'k'.repeat(31) }), /API_KEY must be at least 32 characters/);
  });
  (0, node_test_1.it)(
    'development (no NODE_ENV, as npm start and the tests run) starts open and with the example shop',
    () => {
      const config = withSecret();
      (0, api_edge_1.checkApiEdge)(config);
      strict_1.default.equal(config.api.apiKey, undefined);
      strict_1.default.deepEqual(config.api.shopOrigins, ['https://shop.example.com']);
    },
  );
  (0, node_test_1.it)(
    'outside development the API refuses to start without SHOP_ORIGINS, and there is no default',
    () => {
      strict_1.default.throws(
        () => (0, api_edge_1.checkApiEdge)(production({ API_KEY: KEY, SHOP_ORIGINS: undefined })),
        /SHOP_ORIGINS is not set/,
      );
      strict_1.default.throws(
        () => (0, api_edge_1.checkApiEdge)(production({ API_KEY: KEY, SHOP_ORIGINS: ' , ' })),
        /SHOP_ORIGINS is not set/,
      );
    },
  );
  (0, node_test_1.it)('takes shop origins only as exact origins: no path, no trailing slash, no other scheme', () => {
    strict_1.default.deepEqual(
      withSecret({ SHOP_ORIGINS: 'https://a.example, http://localhost:8080' }).api.shopOrigins,
      ['https://a.example', 'http://localhost:8080'],
    );
    for (const bad of ['https://a.example/', 'https://a.example/shop', 'a.example', 'ftp://a.example', '*'])
      strict_1.default.throws(() => withSecret({ SHOP_ORIGINS: bad }), /SHOP_ORIGINS: ".*" is not an origin/, bad);
  });
});
(0, node_test_1.describe)('metrics settings', () => {
  (0, node_test_1.it)(
    'serves worker metrics on 127.0.0.1:9464 and API metrics on 127.0.0.1:9465 unless told otherwise',
    () => {
      strict_1.default.deepEqual(withSecret().metrics, {
        workerAddress: '127.0.0.1:9464',
        apiAddress: '127.0.0.1:9465',
      });
      strict_1.default.deepEqual(
        withSecret({ WORKER_METRICS_ADDRESS: '0.0.0.0:9000', API_METRICS_ADDRESS: '[::1]:9001' }).metrics,
        { workerAddress: '0.0.0.0:9000', apiAddress: '[::1]:9001' },
      );
    },
  );
  (0, node_test_1.it)('an empty address switches the endpoint off; a malformed one stops the start', () => {
    strict_1.default.deepEqual(withSecret({ WORKER_METRICS_ADDRESS: '', API_METRICS_ADDRESS: '' }).metrics, {
      workerAddress: undefined,
      apiAddress: undefined,
    });
    strict_1.default.throws(
      () => withSecret({ WORKER_METRICS_ADDRESS: '9464' }),
      /WORKER_METRICS_ADDRESS must be host:port/,
    );
    strict_1.default.throws(() => withSecret({ API_METRICS_ADDRESS: 'localhost:99999' }), /API_METRICS_ADDRESS/);
  });
});
(0, node_test_1.describe)('the development link secret of npm start', () => {
  (0, node_test_1.it)('is made once, kept private in the data directory, and the same on the next start', async () => {
    const dir = await (0, promises_1.mkdtemp)((0, node_path_1.join)((0, node_os_1.tmpdir)(), 'links-'));
    try {
      const dataDir = (0, node_path_1.join)(dir, 'data');
      const first = (0, dev_link_secret_1.devLinkSecret)(dataDir);
      strict_1.default.ok(first.length >= 32);
      strict_1.default.doesNotThrow(
        () => (0, env_1.loadConfig)({ LINK_SIGNING_SECRET: first, ...payload_keys_1.TEST_ENCRYPTION_ENV }),
        'loadConfig accepts it',
      );
      strict_1.default.equal((0, dev_link_secret_1.devLinkSecret)(dataDir), first, 'a restart keeps old links valid');
      const file = (0, node_path_1.join)(dataDir, 'link-signing-secret');
      strict_1.default.equal((await (0, promises_1.readFile)(file, 'utf8')).trim(), first);
      strict_1.default.equal((await (0, promises_1.stat)(file)).mode & 0o077, 0, 'readable by its owner only');
    } finally {
      await (0, promises_1.rm)(dir, { recursive: true, force: true });
    }
  });
});
//# sourceMappingURL=env.test.js.map
