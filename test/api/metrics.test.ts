import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { API_METRICS } from '../../apps/api/metrics/api-metrics';
import { signLink } from '../../apps/shared/link-token';
import { TEST_LINK_SECRET, tampered } from '../support/links';
import { declaredTypes, metricValue, scrape } from '../support/prometheus';
import { call, checkoutBody, startApi, uniqueId, useApi } from './support/api-harness';

const KEY = 'metrics-test-key-0123456789-0123456789';
// With an API key: the metrics endpoint, on its own port, needs none.
const api = useApi({ API_KEY: KEY });

const authed = { 'x-api-key': KEY };

async function metrics() {
  assert.ok(api.metricsUrl, 'the API serves metrics');
  return scrape(api.metricsUrl);
}

const value = async (name: string, labels: Record<string, string> = {}) =>
  metricValue((await metrics()).samples, name, labels);

describe('GET /metrics on API_METRICS_ADDRESS', () => {
  test('after a POST /checkouts the checkouts-started counter and the request metrics have moved', async () => {
    const created = { result: 'created' };
    const before = (await value(API_METRICS.checkoutsStarted, created)) ?? 0;
    const id = uniqueId('co');
    assert.equal((await call(`${api.url}/checkouts`, 'POST', checkoutBody(id), authed)).status, 202);
    assert.equal(await value(API_METRICS.checkoutsStarted, created), before + 1);

    assert.equal((await call(`${api.url}/checkouts`, 'POST', checkoutBody(id), authed)).status, 202);
    assert.equal(await value(API_METRICS.checkoutsStarted, created), before + 1, 'the same checkout again');
    assert.equal(await value(API_METRICS.checkoutsStarted, { result: 'existing' }), 1);

    const { samples, text, contentType } = await metrics();
    assert.match(contentType, /^text\/plain; version=0\.0\.4/);
    const posts = { method: 'POST', route: '/checkouts', status: '202' };
    assert.equal(metricValue(samples, API_METRICS.httpRequests, posts), 2);
    assert.equal(metricValue(samples, `${API_METRICS.httpDuration}_count`, posts), 2);
    assert.ok((metricValue(samples, `${API_METRICS.httpDuration}_sum`, posts) ?? 0) > 0);
    const types = declaredTypes(text);
    assert.equal(types.get(API_METRICS.httpRequests), 'counter');
    assert.equal(types.get(API_METRICS.httpDuration), 'histogram');
    // Node's default process metrics.
    assert.ok(metricValue(samples, 'process_cpu_user_seconds_total') !== undefined);
    assert.ok(metricValue(samples, 'nodejs_eventloop_lag_seconds') !== undefined);
  });

  test('requests are labelled by route pattern and status, refused ones included, never by raw path', async () => {
    const id = uniqueId('co');
    assert.equal((await call(`${api.url}/checkouts/${id}`, 'GET', undefined, authed)).status, 404);
    assert.equal((await call(`${api.url}/checkouts/${id}`, 'GET')).status, 401);
    assert.equal((await call(`${api.url}/no-such-route/${id}`, 'GET')).status, 404);
    const { samples, text } = await metrics();
    assert.equal(metricValue(samples, API_METRICS.httpRequests, { route: '/checkouts/:id', status: '404' }), 1);
    assert.equal(metricValue(samples, API_METRICS.httpRequests, { route: '/checkouts/:id', status: '401' }), 1);
    assert.equal(metricValue(samples, API_METRICS.httpRequests, { route: 'unmatched', status: '404' }), 1);
    assert.ok(!text.includes(id), 'no checkout id in any label');
  });

  test('orders, activity signals, unsubscribes and resume clicks are counted; refused links by reason', async () => {
    const id = uniqueId('co');
    assert.equal((await call(`${api.url}/checkouts`, 'POST', checkoutBody(id), authed)).status, 202);
    assert.equal((await call(`${api.url}/checkouts/${id}/activity`, 'POST', {}, authed)).status, 202);
    const claims = { checkoutId: id, customerId: 'c-42', step: 2, expiresAt: Math.floor(Date.now() / 1000) + 60 };
    const unsubscribe = signLink({ ...claims, purpose: 'unsubscribe' }, [TEST_LINK_SECRET]);
    assert.equal(
      (await fetch(`${api.url}/unsubscribe?token=${tampered(unsubscribe)}`, { method: 'POST' })).status,
      400,
    );
    assert.equal((await fetch(`${api.url}/unsubscribe?token=${unsubscribe}`, { method: 'POST' })).status, 200);
    const resume = signLink({ ...claims, purpose: 'resume', target: 'https://shop.example.com/c' }, [TEST_LINK_SECRET]);
    assert.equal((await fetch(`${api.url}/r/${resume}`, { redirect: 'manual' })).status, 302);
    const expired = signLink({ ...claims, purpose: 'resume', target: 'https://x.test', expiresAt: 1 }, [
      TEST_LINK_SECRET,
    ]);
    assert.equal((await fetch(`${api.url}/r/${expired}`, { redirect: 'manual' })).status, 410);
    const ordered = uniqueId('co');
    assert.equal(
      (await call(`${api.url}/orders`, 'POST', { checkoutId: ordered, orderId: 'o-1' }, authed)).status,
      202,
    );

    const { samples } = await metrics();
    assert.equal(metricValue(samples, API_METRICS.activitySignals), 1);
    assert.equal(metricValue(samples, API_METRICS.unsubscribes, { result: 'stopped' }), 1);
    assert.equal(metricValue(samples, API_METRICS.resumeClicks, { step: '2' }), 1);
    assert.equal(metricValue(samples, API_METRICS.linkRejections, { purpose: 'unsubscribe', reason: 'tampered' }), 1);
    assert.equal(metricValue(samples, API_METRICS.linkRejections, { purpose: 'resume', reason: 'expired' }), 1);
    assert.equal(metricValue(samples, API_METRICS.ordersRecorded, { checkout_state: 'ordered' }), 1);
  });

  test('the public port does not serve /metrics, with or without the key', async () => {
    assert.equal((await call(`${api.url}/metrics`, 'GET', undefined, authed)).status, 404);
    assert.equal((await call(`${api.url}/metrics`, 'GET')).status, 404);
  });

  test('an empty API_METRICS_ADDRESS serves no metrics at all', async () => {
    const quiet = await startApi(api.client, { API_METRICS_ADDRESS: '' });
    try {
      assert.equal(quiet.metricsUrl, undefined);
    } finally {
      await quiet.close();
    }
  });
});
