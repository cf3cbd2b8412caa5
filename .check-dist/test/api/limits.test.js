var __importDefault = (this && this.__importDefault) || ((mod) => (mod && mod.__esModule ? mod : { default: mod }));
Object.defineProperty(exports, '__esModule', { value: true });
// Limits on the public and the costly routes: per client and per link token on the links in
// emails and /health, per client and API key on the writes (429 with Retry-After); bodies too
// large (413) or of a type the route does not take (415) are refused before anything runs.
const strict_1 = __importDefault(require('node:assert/strict'));
const node_test_1 = require('node:test');
const api_harness_1 = require('./support/api-harness');
const api = (0, api_harness_1.useApi)();
(0, node_test_1.describe)('rate limits (429 with Retry-After)', () => {
  let tight;
  const KEY = 'k'.repeat(40);
  (0, node_test_1.before)(async () => {
    tight = await (0, api_harness_1.startApi)(api.client, {
      RATE_LIMIT_PUBLIC: '6/1m',
      RATE_LIMIT_PER_LINK: '3/1m',
      RATE_LIMIT_WRITES: '4/1m',
      API_KEY: KEY,
    });
  });
  (0, node_test_1.after)(() => tight.close());
  (0, node_test_1.test)(
    '/health from one client: the limit, then 429 with Retry-After, and Temporal is not asked',
    async () => {
      const statuses = [];
      for (let i = 0; i < 8; i++) statuses.push((await fetch(`${tight.url}/health`)).status);
      strict_1.default.deepEqual(statuses, [200, 200, 200, 200, 200, 200, 429, 429]);
      const refused = await fetch(`${tight.url}/health`);
      strict_1.default.ok(Number(refused.headers.get('retry-after')) >= 1);
    },
  );
  (0, node_test_1.test)(
    'one link token is limited on its own: a guesser or a scanner replaying it gets a 429 page',
    async () => {
      const statuses = [];
      for (let i = 0; i < 4; i++)
        statuses.push((await fetch(`${tight.url}/r/not-a-token`, { redirect: 'manual' })).status);
      strict_1.default.deepEqual(statuses, [400, 400, 400, 429]);
      const page = await fetch(`${tight.url}/r/not-a-token`);
      strict_1.default.match(page.headers.get('content-type') ?? '', /html/);
      strict_1.default.ok(Number(page.headers.get('retry-after')) >= 1);
      // Another token from the same client is still answered (until the client's own limit).
      strict_1.default.equal((await fetch(`${tight.url}/unsubscribe?token=another`)).status, 400);
    },
  );
  (0, node_test_1.test)('authenticated writes are limited per client and API key', async () => {
    const statuses = [];
    for (let i = 0; i < 5; i++) {
      const res = await (0, api_harness_1.call)(
        `${tight.url}/orders`,
        'POST',
        { checkoutId: (0, api_harness_1.uniqueId)('co'), orderId: 'o-1' },
        {
          'x-api-key': KEY,
        },
      );
      statuses.push(res.status);
    }
    strict_1.default.deepEqual(
      statuses.slice(0, 4).every((s) => s !== 429),
      true,
      statuses.join(),
    );
    strict_1.default.equal(statuses[4], 429);
  });
});
(0, node_test_1.describe)('request bodies: 413 when too large, 415 when of the wrong type, never a 500', () => {
  const big = (n) => `List-Unsubscribe=One-Click&pad=${'x'.repeat(n)}`;
  (0, node_test_1.test)('a 200 KB body to /unsubscribe is a 413, not a 500 with a stack trace in the log', async () => {
    const res = await fetch(`${api.url}/unsubscribe?token=t`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: big(200_000),
    });
    strict_1.default.equal(res.status, 413);
    const json = await fetch(`${api.url}/unsubscribe?token=t`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ pad: 'x'.repeat(200_000) }),
    });
    strict_1.default.equal(json.status, 413);
    const checkout = await (0, api_harness_1.call)(
      `${api.url}/checkouts`,
      'POST',
      JSON.stringify({ pad: 'x'.repeat(200_000) }),
    );
    strict_1.default.equal(checkout.status, 413);
    strict_1.default.equal(checkout.body.statusCode, 413, 'answered as too large, not as an internal error');
    strict_1.default.notEqual(checkout.body.message, 'Internal error');
  });
  (0, node_test_1.test)(
    'a form is taken only by POST /unsubscribe (RFC 8058); other routes want JSON: 415',
    async () => {
      const form = { 'content-type': 'application/x-www-form-urlencoded' };
      const orders = await fetch(`${api.url}/orders`, {
        method: 'POST',
        headers: form,
        body: 'checkoutId=co-1&orderId=o',
      });
      strict_1.default.equal(orders.status, 415);
      const text = await fetch(`${api.url}/checkouts`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: JSON.stringify((0, api_harness_1.checkoutBody)((0, api_harness_1.uniqueId)('co'))),
      });
      strict_1.default.equal(text.status, 415);
      const oneClick = await fetch(`${api.url}/unsubscribe?token=not-a-token`, {
        method: 'POST',
        headers: form,
        body: 'List-Unsubscribe=One-Click',
      });
      strict_1.default.equal(oneClick.status, 400, 'the form is read, the token refused');
    },
  );
});
//# sourceMappingURL=limits.test.js.map
