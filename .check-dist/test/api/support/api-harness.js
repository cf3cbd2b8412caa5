Object.defineProperty(exports, '__esModule', { value: true });
exports.uniqueId = exports.startTemporal = exports.TEST_CUSTOMER_ID_SECRET = void 0;
exports.testConfig = testConfig;
exports.startApi = startApi;
exports.useApi = useApi;
exports.call = call;
exports.checkoutBody = checkoutBody;
// A real Temporal dev server and the API in-process on port 0, for the API's tests. No worker:
// workflows started here stay queued, which is all these tests need.
const node_crypto_1 = require('node:crypto');
const node_test_1 = require('node:test');
const common_1 = require('@nestjs/common');
const codec_server_1 = require('../../../apps/api/codec/codec-server');
const create_api_app_1 = require('../../../apps/api/create-api-app');
const metrics_server_1 = require('../../../apps/api/metrics/metrics-server');
const env_1 = require('../../../config/env');
const send_ledger_1 = require('../../../storage/send-ledger');
const links_1 = require('../../support/links');
const payload_keys_1 = require('../../support/payload-keys');
const temporal_env_1 = require('../../support/temporal-env');
/** The legacy route's HMAC key in tests. Not a secret. */
exports.TEST_CUSTOMER_ID_SECRET = 'test-customer-id-secret-of-at-least-32-chars';
const startTemporal = () => (0, temporal_env_1.devServerEnv)();
exports.startTemporal = startTemporal;
/**
 * The app's config as loadConfig builds it from this environment; a task queue no worker polls.
 * Quiet hours are off unless a test turns them on: seconds-long schedules must not depend on
 * the hour the suite runs at. Offers too: the tests that count a checkout's Actions count plain reminders.
 */
function testConfig(env = {}) {
  return (0, env_1.loadConfig)({
    TASK_QUEUE: `api-test-${(0, node_crypto_1.randomUUID)()}`,
    LINK_SIGNING_SECRET: links_1.TEST_LINK_SECRET,
    CUSTOMER_ID_SECRET: exports.TEST_CUSTOMER_ID_SECRET,
    QUIET_HOURS: 'off',
    // Tests that expect reminders must not find their customer held out; the holdout's own tests set it.
    HOLDOUT_PERCENT: '0',
    FREQUENCY_CAP: 'off',
    SUPERSEDE: 'off',
    DISCOUNT_OFFERS: 'off',
    // No worker polls these task queues: an order falls back to its signal after this long.
    ORDER_ACK_TIMEOUT: '1s',
    ...payload_keys_1.TEST_ENCRYPTION_ENV,
    // An ephemeral port: test files run side by side, and a developer's `npm start` may hold the default.
    API_METRICS_ADDRESS: '127.0.0.1:0',
    CODEC_ADDRESS: '127.0.0.1:0',
    ...env,
  });
}
/**
 * The API on port 0. `stores`: the preference store and stop records to share with a worker
 * (end-to-end tests); by default the API gets in-memory ones of its own, closed with it.
 */
async function startApi(
  client,
  env = {},
  stores,
  /** Nest's logger; by default errors only. Nest's Logger is process-wide: the app started last wins. */
  logger = new common_1.ConsoleLogger({ logLevels: ['error'] }),
) {
  const config = testConfig(env);
  const own = stores ? undefined : await (0, send_ledger_1.openStores)({ databaseUrl: undefined, inMemory: true });
  const shared = stores ?? own;
  const app = await (0, create_api_app_1.createApiApp)(config, client, {
    logger,
    ...(shared && { preferences: shared.preferences, stops: shared.stops }),
    ...(shared?.events && { events: shared.events }),
    ...(shared?.analytics && { analytics: shared.analytics }),
  });
  await app.listen(0, '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const metricsUrl = app.get(metrics_server_1.MetricsServer).url;
  const codecUrl = app.get(codec_server_1.CodecServer).url;
  const close = async () => {
    await app.close();
    await own?.close();
  };
  return { app, url, metricsUrl, codecUrl, config, close };
}
/** A dev server and the API (startApi with `env`) for the calling test file. */
function useApi(env = {}) {
  let temporal;
  let api;
  (0, node_test_1.before)(async () => {
    temporal = await (0, exports.startTemporal)();
    api = await startApi(temporal.client, env);
  });
  (0, node_test_1.after)(async () => {
    await api?.close();
    await temporal?.teardown();
  });
  const started = () => {
    if (!temporal || !api) throw new Error('useApi: the API starts in before(); read it inside a test');
    return { temporal, api };
  };
  return {
    get url() {
      return started().api.url;
    },
    get config() {
      return started().api.config;
    },
    get app() {
      return started().api.app;
    },
    get metricsUrl() {
      return started().api.metricsUrl;
    },
    get client() {
      return started().temporal.client;
    },
    get temporal() {
      return started().temporal;
    },
  };
}
const uniqueId = (prefix) => `${prefix}-${(0, node_crypto_1.randomUUID)().slice(0, 8)}`;
exports.uniqueId = uniqueId;
/** fetch with a JSON body (or a raw string, sent as JSON), answering the parsed body. */
async function call(url, method, body, headers = {}) {
  const response = await fetch(url, {
    method,
    headers: { ...(body !== undefined && { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON (an HTML page): keep the text
  }
  return { status: response.status, body: parsed, headers: response.headers };
}
/** A valid POST /checkouts body; override parts per test. */
function checkoutBody(checkoutId, overrides = {}) {
  return {
    checkoutId,
    customer: { id: 'c-42', email: 'ada@example.com', name: 'Ada', locale: 'de-DE', timezone: 'Europe/Berlin' },
    cart: {
      currency: 'EUR',
      total: 59.9,
      items: [{ sku: 'SKU-1', name: 'Blue mug', quantity: 2, unitPrice: 29.95 }],
    },
    checkoutUrl: `https://shop.example.com/checkout/${checkoutId}`,
    ...overrides,
  };
}
//# sourceMappingURL=api-harness.js.map
