var __importDefault = (this && this.__importDefault) || ((mod) => (mod && mod.__esModule ? mod : { default: mod }));
Object.defineProperty(exports, '__esModule', { value: true });
const strict_1 = __importDefault(require('node:assert/strict'));
const node_test_1 = require('node:test');
const client_1 = require('@temporalio/client');
const health_service_1 = require('../../apps/api/health/health.service');
const send_ledger_1 = require('../../storage/send-ledger');
const api_harness_1 = require('./support/api-harness');
const api = (0, api_harness_1.useApi)();
(0, node_test_1.test)('GET /health is 200 with the namespace when Temporal answers', async () => {
  const res = await (0, api_harness_1.call)(`${api.url}/health`, 'GET');
  strict_1.default.equal(res.status, 200);
  strict_1.default.deepEqual(res.body, {
    status: 'ok',
    temporal: { status: 'up', namespace: 'default' },
    database: { status: 'up' },
  });
});
(0, node_test_1.test)(
  'GET /health/ready is 200 when Temporal and the database answer, and /health says the same',
  async () => {
    const ready = await (0, api_harness_1.call)(`${api.url}/health/ready`, 'GET');
    strict_1.default.equal(ready.status, 200);
    strict_1.default.equal(ready.body.temporal.status, 'up');
    strict_1.default.equal(ready.body.database.status, 'up');
    strict_1.default.deepEqual((await (0, api_harness_1.call)(`${api.url}/health`, 'GET')).body, ready.body);
  },
);
(0, node_test_1.test)(
  'GET /health/ready is 503 naming the database when it is gone, while /health/live stays 200',
  async () => {
    const stores = await (0, send_ledger_1.openStores)({ databaseUrl: undefined, inMemory: true });
    await stores.close(); // the database is gone: every query fails, as with a stopped PostgreSQL
    const noDatabase = await (0, api_harness_1.startApi)(api.client, {}, stores);
    try {
      const ready = await (0, api_harness_1.call)(`${noDatabase.url}/health/ready`, 'GET');
      strict_1.default.equal(ready.status, 503);
      strict_1.default.equal(ready.body.temporal.status, 'up');
      strict_1.default.deepEqual(ready.body.database, { status: 'down', reason: 'database unreachable' });
      strict_1.default.equal((await (0, api_harness_1.call)(`${noDatabase.url}/health`, 'GET')).status, 503);
      const live = await (0, api_harness_1.call)(`${noDatabase.url}/health/live`, 'GET');
      strict_1.default.equal(live.status, 200);
      strict_1.default.deepEqual(live.body, { status: 'ok' });
    } finally {
      await noDatabase.close();
    }
  },
);
(0, node_test_1.test)(
  'GET /health is 503 with a generic reason when Temporal is unreachable: no internal address, no raw error',
  async () => {
    // Nothing listens on port 1: the lazy connection fails on first use, as a stopped server would.
    const connection = client_1.Connection.lazy({ address: '127.0.0.1:1' });
    const unreachable = await (0, api_harness_1.startApi)(new client_1.Client({ connection }));
    try {
      const res = await (0, api_harness_1.call)(`${unreachable.url}/health`, 'GET');
      strict_1.default.equal(res.status, 503);
      strict_1.default.equal(res.body.status, 'down');
      strict_1.default.equal(res.body.temporal.status, 'down');
      strict_1.default.equal(res.body.temporal.namespace, 'default');
      strict_1.default.equal(res.body.temporal.reason, 'temporal unreachable');
      strict_1.default.doesNotMatch(JSON.stringify(res.body), /127\.0\.0\.1|:1\b|UNAVAILABLE|ECONN|connect/i);
      // Liveness asks nothing of Temporal: a Temporal outage must not restart every API process.
      const live = await (0, api_harness_1.call)(`${unreachable.url}/health/live`, 'GET');
      strict_1.default.equal(live.status, 200);
      strict_1.default.equal((await (0, api_harness_1.call)(`${unreachable.url}/health/ready`, 'GET')).status, 503);
    } finally {
      await unreachable.close();
      await connection.close();
    }
  },
);
(0, node_test_1.test)(
  'GET /health answers a burst of probes with one Temporal round trip (cached briefly)',
  async () => {
    const fresh = await (0, api_harness_1.startApi)(api.client);
    try {
      let pings = 0;
      const service = fresh.app.get(health_service_1.HealthService);
      const original = api.client.workflowService.getSystemInfo.bind(api.client.workflowService);
      // Counted on the real client: every probe that reached Temporal went through here.
      const workflowService = service.client.workflowService;
      workflowService.getSystemInfo = async (req) => {
        pings++;
        return original(req);
      };
      const answers = await Promise.all(
        Array.from({ length: 20 }, () => (0, api_harness_1.call)(`${fresh.url}/health`, 'GET')),
      );
      strict_1.default.ok(answers.every((r) => r.status === 200));
      strict_1.default.equal(pings, 1);
      workflowService.getSystemInfo = original;
    } finally {
      await fresh.close();
    }
  },
);
(0, node_test_1.test)(
  'GET /docs-json lists every route of the public port (the codec routes answer on their own listener, not here)',
  async () => {
    const res = await (0, api_harness_1.call)(`${api.url}/docs-json`, 'GET');
    strict_1.default.equal(res.status, 200);
    const operations = Object.entries(res.body.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
    strict_1.default.deepEqual(operations.sort(), [
      'DELETE /checkouts/{id}',
      'GET /analytics/daily',
      'GET /analytics/funnel',
      'GET /analytics/summary',
      'GET /checkouts/{id}',
      'GET /checkouts/{id}/timeline',
      'GET /customers/{customerId}/checkouts',
      'GET /customers/{customerId}/preferences',
      'GET /health',
      'GET /health/live',
      'GET /health/ready',
      'POST /api/checkout',
      'POST /api/order',
      'POST /checkouts',
      'POST /checkouts/{id}/activity',
      'POST /checkouts/{id}/events',
      'POST /orders',
      'PUT /checkouts/{id}/schedule',
      'PUT /customers/{customerId}/preferences',
    ]);
    const list = res.body.paths['/customers/{customerId}/checkouts'].get;
    strict_1.default.match(list.description, /eventually consistent/);
    strict_1.default.ok(res.body.components.securitySchemes['api-key']);
  },
);
(0, node_test_1.test)('GET /docs serves the Swagger UI', async () => {
  const res = await fetch(`${api.url}/docs`);
  strict_1.default.equal(res.status, 200);
  strict_1.default.match(await res.text(), /swagger/i);
});
(0, node_test_1.test)('an unexpected Temporal error is a 500 with a correlation id and no internals', async () => {
  // A namespace the server does not have: a real error no route maps to an HTTP status.
  const misconfigured = await (0, api_harness_1.startApi)(
    new client_1.Client({ connection: api.temporal.connection, namespace: 'no-such-namespace' }),
  );
  try {
    const res = await (0, api_harness_1.call)(`${misconfigured.url}/customers/c-42/checkouts`, 'GET');
    strict_1.default.equal(res.status, 500);
    strict_1.default.deepEqual(Object.keys(res.body).sort(), ['correlationId', 'message', 'statusCode']);
    strict_1.default.equal(res.body.message, 'Internal error');
    strict_1.default.match(res.body.correlationId, /^[0-9a-f-]{36}$/);
  } finally {
    await misconfigured.close();
  }
});
(0, node_test_1.test)(
  'every response carries a correlation id, the same as its error body; a caller’s plain id is kept',
  async () => {
    const health = await (0, api_harness_1.call)(`${api.url}/health`, 'GET');
    strict_1.default.match(health.headers.get('x-correlation-id') ?? '', /^[0-9a-f-]{36}$/);
    const missing = await (0, api_harness_1.call)(`${api.url}/checkouts/co-nope-${Date.now()}`, 'GET');
    strict_1.default.equal(missing.status, 404);
    strict_1.default.equal(missing.body.correlationId, missing.headers.get('x-correlation-id'));
    const mine = await (0, api_harness_1.call)(`${api.url}/health`, 'GET', undefined, {
      'x-correlation-id': 'shop-req-42',
    });
    strict_1.default.equal(mine.headers.get('x-correlation-id'), 'shop-req-42');
    const forged = await (0, api_harness_1.call)(`${api.url}/health`, 'GET', undefined, {
      'x-correlation-id': 'a b\tc<script>',
    });
    strict_1.default.notEqual(forged.headers.get('x-correlation-id'), 'a b\tc<script>');
  },
);
(0, node_test_1.test)('an unexpected route is a plain 404 without internals', async () => {
  const res = await (0, api_harness_1.call)(`${api.url}/nowhere`, 'GET');
  strict_1.default.equal(res.status, 404);
  strict_1.default.equal(res.body.stack, undefined);
});
//# sourceMappingURL=health-docs-and-errors.test.js.map
