var __importDefault = (this && this.__importDefault) || ((mod) => (mod && mod.__esModule ? mod : { default: mod }));
Object.defineProperty(exports, '__esModule', { value: true });
// The production entry points refuse to start on a configuration they cannot work with, and say why.
const strict_1 = __importDefault(require('node:assert/strict'));
const node_events_1 = require('node:events');
const node_net_1 = require('node:net');
const node_path_1 = require('node:path');
const node_test_1 = require('node:test');
const links_1 = require('../support/links');
const payload_keys_1 = require('../support/payload-keys');
const run_to_exit_1 = require('../support/run-to-exit');
const APPS = (0, node_path_1.join)(__dirname, '..', '..', 'apps');
const runMain = (app, env = {}) =>
  (0, run_to_exit_1.runToExit)((0, node_path_1.join)(APPS, app, 'main.js'), {
    ...payload_keys_1.TEST_ENCRYPTION_ENV,
    ...env,
  });
(0, node_test_1.describe)('boot', () => {
  for (const app of ['api', 'worker']) {
    (0, node_test_1.test)(
      `the ${app} without LINK_SIGNING_SECRET exits at once with a clear configuration error`,
      async () => {
        const { code, output } = await runMain(app, {});
        strict_1.default.equal(code, 1, output);
        strict_1.default.match(output, /LINK_SIGNING_SECRET is not set: it signs the resume and unsubscribe links/);
        strict_1.default.doesNotMatch(output, /at .*\.js:\d+/, 'a message, not a stack trace');
      },
    );
  }
  (0, node_test_1.test)(
    'the API image (NODE_ENV=production) without API_KEY exits at once, naming API_KEY and API_AUTH=off',
    async () => {
      const { code, output } = await runMain('api', {
        NODE_ENV: 'production',
        LINK_SIGNING_SECRET: links_1.TEST_LINK_SECRET,
      });
      strict_1.default.equal(code, 1, output);
      strict_1.default.match(output, /Configuration error: API_KEY is not set/);
      strict_1.default.match(output, /API_AUTH=off/);
      strict_1.default.doesNotMatch(output, /at .*\.js:\d+/, 'a message, not a stack trace');
    },
  );
  (0, node_test_1.test)(
    'the API image with a key but without SHOP_ORIGINS exits at once, naming SHOP_ORIGINS',
    async () => {
      const { code, output } = await runMain('api', {
        NODE_ENV: 'production',
        LINK_SIGNING_SECRET: links_1.TEST_LINK_SECRET,
        API_KEY: 'k'.repeat(44),
      });
      strict_1.default.equal(code, 1, output);
      strict_1.default.match(output, /Configuration error: SHOP_ORIGINS is not set/);
    },
  );
  // Two replicas on embedded databases would each keep their own ledger: duplicate and unwanted messages.
  const productionEnv = {
    NODE_ENV: 'production',
    LINK_SIGNING_SECRET: links_1.TEST_LINK_SECRET,
    API_KEY: 'k'.repeat(44),
    SHOP_ORIGINS: 'https://shop.example.com',
  };
  for (const app of ['api', 'worker']) {
    (0, node_test_1.test)(
      `the ${app} image without DATABASE_URL exits at once, naming DATABASE_URL and ALLOW_EMBEDDED_DATABASE`,
      async () => {
        const { code, output } = await runMain(app, productionEnv);
        strict_1.default.equal(code, 1, output);
        strict_1.default.match(output, /Configuration error: DATABASE_URL is not set/);
        strict_1.default.match(output, /ALLOW_EMBEDDED_DATABASE=true/);
        strict_1.default.doesNotMatch(output, /at .*\.js:\d+/, 'a message, not a stack trace');
      },
    );
  }
  (0, node_test_1.test)('the worker whose metrics address is taken exits, naming WORKER_METRICS_ADDRESS', async () => {
    const busy = (0, node_net_1.createServer)().listen(0, '127.0.0.1');
    await (0, node_events_1.once)(busy, 'listening');
    try {
      const { port } = busy.address();
      const { code, output } = await runMain('worker', {
        LINK_SIGNING_SECRET: links_1.TEST_LINK_SECRET,
        WORKER_METRICS_ADDRESS: `127.0.0.1:${port}`,
      });
      strict_1.default.equal(code, 1, output);
      strict_1.default.match(
        output,
        new RegExp(`cannot serve worker metrics on 127\\.0\\.0\\.1:${port} \\(WORKER_METRICS_ADDRESS`),
      );
    } finally {
      busy.close();
    }
  });
});
//# sourceMappingURL=boot.test.js.map
