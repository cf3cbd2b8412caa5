var __importDefault = (this && this.__importDefault) || ((mod) => (mod && mod.__esModule ? mod : { default: mod }));
Object.defineProperty(exports, '__esModule', { value: true });
const strict_1 = __importDefault(require('node:assert/strict'));
const node_test_1 = require('node:test');
const api_metrics_1 = require('../../apps/api/metrics/api-metrics');
const link_token_1 = require('../../apps/shared/link-token');
const links_1 = require('../support/links');
const prometheus_1 = require('../support/prometheus');
const api_harness_1 = require('./support/api-harness');
const KEY = 'metrics-test-key-0123456789-0123456789';
// With an API key: the metrics endpoint, on its own port, needs none.
const api = (0, api_harness_1.useApi)({ API_KEY: KEY });
const authed = { 'x-api-key': KEY };
async function metrics() {
  strict_1.default.ok(api.metricsUrl, 'the API serves metrics');
  return (0, prometheus_1.scrape)(api.metricsUrl);
}
const value = async (name, labels = {}) => (0, prometheus_1.metricValue)((await metrics()).samples, name, labels);
(0, node_test_1.describe)('GET /metrics on API_METRICS_ADDRESS', () => {
  (0, node_test_1.test)(
    'after a POST /checkouts the checkouts-started counter and the request metrics have moved',
    async () => {
      const created = { result: 'created' };
      const before = (await value(api_metrics_1.API_METRICS.checkoutsStarted, created)) ?? 0;
      const id = (0, api_harness_1.uniqueId)('co');
      strict_1.default.equal(
        (await (0, api_harness_1.call)(`${api.url}/checkouts`, 'POST', (0, api_harness_1.checkoutBody)(id), authed))
          .status,
        202,
      );
      strict_1.default.equal(await value(api_metrics_1.API_METRICS.checkoutsStarted, created), before + 1);
      strict_1.default.equal(
        (await (0, api_harness_1.call)(`${api.url}/checkouts`, 'POST', (0, api_harness_1.checkoutBody)(id), authed))
          .status,
        202,
      );
      strict_1.default.equal(
        await value(api_metrics_1.API_METRICS.checkoutsStarted, created),
        before + 1,
        'the same checkout again',
      );
      strict_1.default.equal(await value(api_metrics_1.API_METRICS.checkoutsStarted, { result: 'existing' }), 1);
      const { samples, text, contentType } = await metrics();
      strict_1.default.match(contentType, /^text\/plain; version=0\.0\.4/);
      const posts = { method: 'POST', route: '/checkouts', status: '202' };
      strict_1.default.equal((0, prometheus_1.metricValue)(samples, api_metrics_1.API_METRICS.httpRequests, posts), 2);
      strict_1.default.equal(
        (0, prometheus_1.metricValue)(samples, `${api_metrics_1.API_METRICS.httpDuration}_count`, posts),
        2,
      );
      strict_1.default.ok(
        ((0, prometheus_1.metricValue)(samples, `${api_metrics_1.API_METRICS.httpDuration}_sum`, posts) ?? 0) > 0,
      );
      const types = (0, prometheus_1.declaredTypes)(text);
      strict_1.default.equal(types.get(api_metrics_1.API_METRICS.httpRequests), 'counter');
      strict_1.default.equal(types.get(api_metrics_1.API_METRICS.httpDuration), 'histogram');
      // Node's default process metrics.
      strict_1.default.ok((0, prometheus_1.metricValue)(samples, 'process_cpu_user_seconds_total') !== undefined);
      strict_1.default.ok((0, prometheus_1.metricValue)(samples, 'nodejs_eventloop_lag_seconds') !== undefined);
    },
  );
  (0, node_test_1.test)(
    'requests are labelled by route pattern and status, refused ones included, never by raw path',
    async () => {
      const id = (0, api_harness_1.uniqueId)('co');
      strict_1.default.equal(
        (await (0, api_harness_1.call)(`${api.url}/checkouts/${id}`, 'GET', undefined, authed)).status,
        404,
      );
      strict_1.default.equal((await (0, api_harness_1.call)(`${api.url}/checkouts/${id}`, 'GET')).status, 401);
      strict_1.default.equal((await (0, api_harness_1.call)(`${api.url}/no-such-route/${id}`, 'GET')).status, 404);
      const { samples, text } = await metrics();
      strict_1.default.equal(
        (0, prometheus_1.metricValue)(samples, api_metrics_1.API_METRICS.httpRequests, {
          route: '/checkouts/:id',
          status: '404',
        }),
        1,
      );
      strict_1.default.equal(
        (0, prometheus_1.metricValue)(samples, api_metrics_1.API_METRICS.httpRequests, {
          route: '/checkouts/:id',
          status: '401',
        }),
        1,
      );
      strict_1.default.equal(
        (0, prometheus_1.metricValue)(samples, api_metrics_1.API_METRICS.httpRequests, {
          route: 'unmatched',
          status: '404',
        }),
        1,
      );
      strict_1.default.ok(!text.includes(id), 'no checkout id in any label');
    },
  );
  (0, node_test_1.test)(
    'orders, activity signals, unsubscribes and resume clicks are counted; refused links by reason',
    async () => {
      const id = (0, api_harness_1.uniqueId)('co');
      strict_1.default.equal(
        (await (0, api_harness_1.call)(`${api.url}/checkouts`, 'POST', (0, api_harness_1.checkoutBody)(id), authed))
          .status,
        202,
      );
      strict_1.default.equal(
        (await (0, api_harness_1.call)(`${api.url}/checkouts/${id}/activity`, 'POST', {}, authed)).status,
        202,
      );
      const claims = { checkoutId: id, customerId: 'c-42', step: 2, expiresAt: Math.floor(Date.now() / 1000) + 60 };
      const unsubscribe = (0, link_token_1.signLink)({ ...claims, purpose: 'unsubscribe' }, [links_1.TEST_LINK_SECRET]);
      strict_1.default.equal(
        (await fetch(`${api.url}/unsubscribe?token=${(0, links_1.tampered)(unsubscribe)}`, { method: 'POST' })).status,
        400,
      );
      strict_1.default.equal(
        (await fetch(`${api.url}/unsubscribe?token=${unsubscribe}`, { method: 'POST' })).status,
        200,
      );
      const resume = (0, link_token_1.signLink)(
        { ...claims, purpose: 'resume', target: 'https://shop.example.com/c' },
        [links_1.TEST_LINK_SECRET],
      );
      strict_1.default.equal((await fetch(`${api.url}/r/${resume}`, { redirect: 'manual' })).status, 302);
      const expired = (0, link_token_1.signLink)(
        { ...claims, purpose: 'resume', target: 'https://x.test', expiresAt: 1 },
        [links_1.TEST_LINK_SECRET],
      );
      strict_1.default.equal((await fetch(`${api.url}/r/${expired}`, { redirect: 'manual' })).status, 410);
      const ordered = (0, api_harness_1.uniqueId)('co');
      strict_1.default.equal(
        (await (0, api_harness_1.call)(`${api.url}/orders`, 'POST', { checkoutId: ordered, orderId: 'o-1' }, authed))
          .status,
        202,
      );
      const { samples } = await metrics();
      strict_1.default.equal((0, prometheus_1.metricValue)(samples, api_metrics_1.API_METRICS.activitySignals), 1);
      strict_1.default.equal(
        (0, prometheus_1.metricValue)(samples, api_metrics_1.API_METRICS.unsubscribes, { result: 'stopped' }),
        1,
      );
      strict_1.default.equal(
        (0, prometheus_1.metricValue)(samples, api_metrics_1.API_METRICS.resumeClicks, { step: '2' }),
        1,
      );
      strict_1.default.equal(
        (0, prometheus_1.metricValue)(samples, api_metrics_1.API_METRICS.linkRejections, {
          purpose: 'unsubscribe',
          reason: 'tampered',
        }),
        1,
      );
      strict_1.default.equal(
        (0, prometheus_1.metricValue)(samples, api_metrics_1.API_METRICS.linkRejections, {
          purpose: 'resume',
          reason: 'expired',
        }),
        1,
      );
      strict_1.default.equal(
        (0, prometheus_1.metricValue)(samples, api_metrics_1.API_METRICS.ordersRecorded, { checkout_state: 'ordered' }),
        1,
      );
    },
  );
  (0, node_test_1.test)('the public port does not serve /metrics, with or without the key', async () => {
    strict_1.default.equal((await (0, api_harness_1.call)(`${api.url}/metrics`, 'GET', undefined, authed)).status, 404);
    strict_1.default.equal((await (0, api_harness_1.call)(`${api.url}/metrics`, 'GET')).status, 404);
  });
  (0, node_test_1.test)('an empty API_METRICS_ADDRESS serves no metrics at all', async () => {
    const quiet = await (0, api_harness_1.startApi)(api.client, { API_METRICS_ADDRESS: '' });
    try {
      strict_1.default.equal(quiet.metricsUrl, undefined);
    } finally {
      await quiet.close();
    }
  });
});
//# sourceMappingURL=metrics.test.js.map
