import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Client, Connection } from '@temporalio/client';
import { HealthService } from '../../apps/api/health/health.service';
import { openStores } from '../../storage/send-ledger';
import { call, startApi, useApi } from './support/api-harness';

const api = useApi();

test('GET /health is 200 with the namespace when Temporal answers', async () => {
  const res = await call(`${api.url}/health`, 'GET');
  assert.equal(res.status, 200);
  assert.deepEqual(res.body, {
    status: 'ok',
    temporal: { status: 'up', namespace: 'default' },
    database: { status: 'up' },
  });
});

test('GET /health/ready is 200 when Temporal and the database answer, and /health says the same', async () => {
  const ready = await call(`${api.url}/health/ready`, 'GET');
  assert.equal(ready.status, 200);
  assert.equal(ready.body.temporal.status, 'up');
  assert.equal(ready.body.database.status, 'up');
  assert.deepEqual((await call(`${api.url}/health`, 'GET')).body, ready.body);
});

test('GET /health/ready is 503 naming the database when it is gone, while /health/live stays 200', async () => {
  const stores = await openStores({ databaseUrl: undefined, inMemory: true });
  await stores.close(); // the database is gone: every query fails, as with a stopped PostgreSQL
  const noDatabase = await startApi(api.client, {}, stores);
  try {
    const ready = await call(`${noDatabase.url}/health/ready`, 'GET');
    assert.equal(ready.status, 503);
    assert.equal(ready.body.temporal.status, 'up');
    assert.deepEqual(ready.body.database, { status: 'down', reason: 'database unreachable' });
    assert.equal((await call(`${noDatabase.url}/health`, 'GET')).status, 503);
    const live = await call(`${noDatabase.url}/health/live`, 'GET');
    assert.equal(live.status, 200);
    assert.deepEqual(live.body, { status: 'ok' });
  } finally {
    await noDatabase.close();
  }
});

test('GET /health is 503 with a generic reason when Temporal is unreachable: no internal address, no raw error', async () => {
  // Nothing listens on port 1: the lazy connection fails on first use, as a stopped server would.
  const connection = Connection.lazy({ address: '127.0.0.1:1' });
  const unreachable = await startApi(new Client({ connection }));
  try {
    const res = await call(`${unreachable.url}/health`, 'GET');
    assert.equal(res.status, 503);
    assert.equal(res.body.status, 'down');
    assert.equal(res.body.temporal.status, 'down');
    assert.equal(res.body.temporal.namespace, 'default');
    assert.equal(res.body.temporal.reason, 'temporal unreachable');
    assert.doesNotMatch(JSON.stringify(res.body), /127\.0\.0\.1|:1\b|UNAVAILABLE|ECONN|connect/i);
    // Liveness asks nothing of Temporal: a Temporal outage must not restart every API process.
    const live = await call(`${unreachable.url}/health/live`, 'GET');
    assert.equal(live.status, 200);
    assert.equal((await call(`${unreachable.url}/health/ready`, 'GET')).status, 503);
  } finally {
    await unreachable.close();
    await connection.close();
  }
});

test('GET /health answers a burst of probes with one Temporal round trip (cached briefly)', async () => {
  const fresh = await startApi(api.client);
  try {
    let pings = 0;
    const service = fresh.app.get(HealthService);
    const original = api.client.workflowService.getSystemInfo.bind(api.client.workflowService);
    // Counted on the real client: every probe that reached Temporal went through here.
    const workflowService = (service as unknown as { client: Client }).client.workflowService;
    workflowService.getSystemInfo = (async (req: object) => {
      pings++;
      return original(req);
    }) as typeof workflowService.getSystemInfo;
    const answers = await Promise.all(Array.from({ length: 20 }, () => call(`${fresh.url}/health`, 'GET')));
    assert.ok(answers.every((r) => r.status === 200));
    assert.equal(pings, 1);
    workflowService.getSystemInfo = original;
  } finally {
    await fresh.close();
  }
});

test('GET /docs-json lists every route of the public port (the codec routes answer on their own listener, not here)', async () => {
  const res = await call(`${api.url}/docs-json`, 'GET');
  assert.equal(res.status, 200);
  const operations = Object.entries(res.body.paths as Record<string, Record<string, unknown>>).flatMap(
    ([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
  );
  assert.deepEqual(operations.sort(), [
    'DELETE /checkouts/{id}',
    'DELETE /customers/{customerId}/addresses/{id}',
    'DELETE /customers/{customerId}/payment-methods/{id}',
    'GET /addresses/autocomplete',
    'GET /analytics/daily',
    'GET /analytics/funnel',
    'GET /analytics/summary',
    'GET /checkouts/{id}',
    'GET /checkouts/{id}/order',
    'GET /checkouts/{id}/timeline',
    'GET /customers/{customerId}/addresses',
    'GET /customers/{customerId}/checkouts',
    'GET /customers/{customerId}/payment-methods',
    'GET /customers/{customerId}/preferences',
    'GET /health',
    'GET /health/live',
    'GET /health/ready',
    'GET /templates',
    'GET /templates/{name}/preview',
    'POST /api/checkout',
    'POST /api/order',
    'POST /checkouts',
    'POST /checkouts/{id}/activity',
    'POST /checkouts/{id}/events',
    'POST /checkouts/{id}/order/authentication',
    'POST /checkouts/{id}/place-order',
    'POST /customers/{customerId}/addresses',
    'POST /customers/{customerId}/payment-methods',
    'POST /orders',
    'PUT /checkouts/{id}/schedule',
    'PUT /customers/{customerId}/preferences',
  ]);
  const list = res.body.paths['/customers/{customerId}/checkouts'].get;
  assert.match(list.description, /eventually consistent/);
  assert.ok(res.body.components.securitySchemes['api-key']);
});

test('GET /docs serves the Swagger UI', async () => {
  const res = await fetch(`${api.url}/docs`);
  assert.equal(res.status, 200);
  assert.match(await res.text(), /swagger/i);
});

test('an unexpected Temporal error is a 500 with a correlation id and no internals', async () => {
  // A namespace the server does not have: a real error no route maps to an HTTP status.
  const misconfigured = await startApi(
    new Client({ connection: api.temporal.connection, namespace: 'no-such-namespace' }),
  );
  try {
    const res = await call(`${misconfigured.url}/customers/c-42/checkouts`, 'GET');
    assert.equal(res.status, 500);
    assert.deepEqual(Object.keys(res.body).sort(), ['correlationId', 'message', 'statusCode']);
    assert.equal(res.body.message, 'Internal error');
    assert.match(res.body.correlationId, /^[0-9a-f-]{36}$/);
  } finally {
    await misconfigured.close();
  }
});

test('every response carries a correlation id, the same as its error body; a caller’s plain id is kept', async () => {
  const health = await call(`${api.url}/health`, 'GET');
  assert.match(health.headers.get('x-correlation-id') ?? '', /^[0-9a-f-]{36}$/);
  const missing = await call(`${api.url}/checkouts/co-nope-${Date.now()}`, 'GET');
  assert.equal(missing.status, 404);
  assert.equal(missing.body.correlationId, missing.headers.get('x-correlation-id'));
  const mine = await call(`${api.url}/health`, 'GET', undefined, { 'x-correlation-id': 'shop-req-42' });
  assert.equal(mine.headers.get('x-correlation-id'), 'shop-req-42');
  const forged = await call(`${api.url}/health`, 'GET', undefined, { 'x-correlation-id': 'a b\tc<script>' });
  assert.notEqual(forged.headers.get('x-correlation-id'), 'a b\tc<script>');
});

test('an unexpected route is a plain 404 without internals', async () => {
  const res = await call(`${api.url}/nowhere`, 'GET');
  assert.equal(res.status, 404);
  assert.equal(res.body.stack, undefined);
});
