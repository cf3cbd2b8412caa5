var __importDefault = (this && this.__importDefault) || ((mod) => (mod && mod.__esModule ? mod : { default: mod }));
Object.defineProperty(exports, '__esModule', { value: true });
const strict_1 = __importDefault(require('node:assert/strict'));
const node_test_1 = require('node:test');
const link_token_1 = require('../../apps/shared/link-token');
const env_1 = require('../../config/env');
const links_1 = require('../support/links');
const api_harness_1 = require('./support/api-harness');
const KEY = 'test-key-0123456789-0123456789-abcdef';
/** Routes anyone may call: liveness and the signed links in emails (plus the API document under /docs). */
const PUBLIC_ROUTES = [
  'GET /health',
  'GET /health/live',
  'GET /health/ready',
  'GET /unsubscribe',
  'POST /unsubscribe',
  'GET /r/:token',
];
const isPublic = ({ method, path }) => PUBLIC_ROUTES.includes(`${method} ${path}`) || path.startsWith('/docs');
/** Every route the app's Express router serves, so a new route cannot be left out of the check. */
function routesOf(app) {
  const express = app.getHttpAdapter().getInstance();
  return express.router.stack.flatMap(({ route }) =>
    route ? Object.keys(route.methods).map((m) => ({ method: m.toUpperCase(), path: route.path })) : [],
  );
}
/** A concrete URL for a route pattern: every `:param` gets a plausible value. */
const withParams = (path) => path.replace(/:(\w+)/g, (_, name) => (name === 'token' ? 'x.y' : 'co-a1'));
const api = (0, api_harness_1.useApi)({ API_KEY: KEY });
(0, node_test_1.describe)('with API_KEY set', () => {
  (0, node_test_1.test)(
    'every API route but the public ones answers 401 without the key (routes read from the running app)',
    async () => {
      const routes = routesOf(api.app);
      strict_1.default.ok(
        routes.some((r) => r.method === 'POST' && r.path === '/checkouts'),
        'the router was read',
      );
      const protectedRoutes = routes.filter((r) => !isPublic(r));
      strict_1.default.ok(protectedRoutes.length >= 10, `${protectedRoutes.length} protected routes found`);
      for (const { method, path } of protectedRoutes) {
        const res = await (0, api_harness_1.call)(
          `${api.url}${withParams(path)}`,
          method,
          method === 'GET' || method === 'DELETE' ? undefined : {},
        );
        // The codec is served on its own listener (CODEC_ADDRESS, codec.test.ts): not at all on this port.
        strict_1.default.equal(res.status, path.startsWith('/codec/') ? 404 : 401, `${method} ${path}`);
      }
    },
  );
  (0, node_test_1.test)('the public routes are exactly health, the API document and the links in emails', async () => {
    const open = routesOf(api.app)
      .filter(isPublic)
      .map((r) => `${r.method} ${r.path}`)
      .filter((r) => !r.startsWith('GET /docs'));
    strict_1.default.deepEqual(open.sort(), [...PUBLIC_ROUTES].sort());
  });
  (0, node_test_1.test)('a wrong key is a 401, also before the body is validated', async () => {
    const res = await (0, api_harness_1.call)(`${api.url}/checkouts`, 'POST', {}, { 'x-api-key': `${KEY}x` });
    strict_1.default.equal(res.status, 401);
    strict_1.default.equal(
      (await (0, api_harness_1.call)(`${api.url}/checkouts`, 'POST', {}, { authorization: 'Bearer nope' })).status,
      401,
    );
  });
  (0, node_test_1.test)('the key is accepted as x-api-key and as a bearer token', async () => {
    const viaHeader = await (0, api_harness_1.call)(
      `${api.url}/checkouts`,
      'POST',
      (0, api_harness_1.checkoutBody)((0, api_harness_1.uniqueId)('co')),
      { 'x-api-key': KEY },
    );
    strict_1.default.equal(viaHeader.status, 202);
    const viaBearer = await (0, api_harness_1.call)(
      `${api.url}/checkouts`,
      'POST',
      (0, api_harness_1.checkoutBody)((0, api_harness_1.uniqueId)('co')),
      {
        authorization: `Bearer ${KEY}`,
      },
    );
    strict_1.default.equal(viaBearer.status, 202);
  });
  (0, node_test_1.test)('health, the API document and the signed links of emails stay public', async () => {
    strict_1.default.equal((await (0, api_harness_1.call)(`${api.url}/health`, 'GET')).status, 200);
    strict_1.default.equal((await (0, api_harness_1.call)(`${api.url}/docs-json`, 'GET')).status, 200);
    strict_1.default.equal((await fetch(`${api.url}/docs`)).status, 200);
    const expiresAt = Math.floor(Date.now() / 1000) + 60;
    const claims = { checkoutId: 'co-a1', customerId: 'c-42', step: 1, expiresAt };
    const unsubscribe = (0, link_token_1.signLink)({ ...claims, purpose: 'unsubscribe' }, [links_1.TEST_LINK_SECRET]);
    strict_1.default.equal((await fetch(`${api.url}/unsubscribe?token=${unsubscribe}`)).status, 200);
    const resume = (0, link_token_1.signLink)({ ...claims, purpose: 'resume', target: 'https://shop.example.com/c' }, [
      links_1.TEST_LINK_SECRET,
    ]);
    strict_1.default.equal((await fetch(`${api.url}/r/${resume}`, { redirect: 'manual' })).status, 302);
  });
});
(0, node_test_1.describe)('outside development (NODE_ENV=production)', () => {
  (0, node_test_1.test)('the API is never built with every route open: no key, no app', async () => {
    const attempt = (0, api_harness_1.startApi)(api.client, {
      NODE_ENV: 'production',
      SHOP_ORIGINS: 'https://shop.example.com',
    });
    await strict_1.default.rejects(
      attempt.then(async (open) => {
        await open.close(); // closed, so the failure ends the file instead of hanging it
        throw new Error('the API started with every route open');
      }),
      (err) => err instanceof env_1.ConfigError && /API_KEY is not set/.test(err.message),
    );
  });
  (0, node_test_1.test)('API_AUTH=off opens the routes only because it says so', async () => {
    const open = await (0, api_harness_1.startApi)(api.client, {
      NODE_ENV: 'production',
      API_AUTH: 'off',
      SHOP_ORIGINS: 'https://shop.example.com',
    });
    try {
      strict_1.default.equal(
        (
          await (0, api_harness_1.call)(
            `${open.url}/checkouts`,
            'POST',
            (0, api_harness_1.checkoutBody)((0, api_harness_1.uniqueId)('co')),
          )
        ).status,
        202,
      );
    } finally {
      await open.close();
    }
  });
});
//# sourceMappingURL=auth.test.js.map
