var __importDefault = (this && this.__importDefault) || ((mod) => (mod && mod.__esModule ? mod : { default: mod }));
Object.defineProperty(exports, '__esModule', { value: true });
// SHOP_ORIGINS: a checkout URL becomes a signed redirect on the shop's domain, in the shop's own
// mail, for days. Only the shop's origins get in at the edge, and only they get out at /r.
const strict_1 = __importDefault(require('node:assert/strict'));
const node_test_1 = require('node:test');
const link_token_1 = require('../../apps/shared/link-token');
const messages_1 = require('../../common/messages');
const links_1 = require('../support/links');
const api_harness_1 = require('./support/api-harness');
const SHOP = 'https://shop.example.com';
const api = (0, api_harness_1.useApi)({ SHOP_ORIGINS: `${SHOP},http://localhost:8080` });
/** Not the shop, though each one reads like it to someone, or to a prefix check. */
const ELSEWHERE = [
  'https://evil.example/phish',
  'https://shop.example.com.evil.example/checkout',
  'https://shop.example.com@evil.example/checkout',
  'http://shop.example.com/checkout',
  'https://shop.example.com:8443/checkout',
  'http://localhost:8081/checkout',
];
async function assertNotStarted(checkoutId) {
  await strict_1.default.rejects(
    api.client.workflow.getHandle((0, messages_1.workflowIdFor)(checkoutId)).describe(),
    /not found/i,
  );
}
(0, node_test_1.describe)('checkoutUrl at the edge', () => {
  (0, node_test_1.test)('a checkoutUrl on another origin is a 400 naming checkoutUrl, and nothing starts', async () => {
    for (const checkoutUrl of ELSEWHERE) {
      const checkoutId = (0, api_harness_1.uniqueId)('co');
      const res = await (0, api_harness_1.call)(
        `${api.url}/checkouts`,
        'POST',
        (0, api_harness_1.checkoutBody)(checkoutId, { checkoutUrl }),
      );
      strict_1.default.equal(res.status, 400, checkoutUrl);
      strict_1.default.deepEqual(res.body.errors, [
        { field: 'checkoutUrl', reason: "must be on one of the shop's origins (SHOP_ORIGINS)" },
      ]);
      await assertNotStarted(checkoutId);
    }
  });
  (0, node_test_1.test)(
    'a checkoutUrl on a listed origin starts the checkout, whatever its path and query',
    async () => {
      for (const checkoutUrl of [
        `${SHOP}/checkout/x?resume=1`,
        'http://localhost:8080/c',
        'https://SHOP.Example.com/c',
      ]) {
        const res = await (0, api_harness_1.call)(
          `${api.url}/checkouts`,
          'POST',
          (0, api_harness_1.checkoutBody)((0, api_harness_1.uniqueId)('co'), { checkoutUrl }),
        );
        strict_1.default.equal(res.status, 202, checkoutUrl);
      }
    },
  );
});
(0, node_test_1.describe)('the legacy route', () => {
  let legacy;
  (0, node_test_1.before)(async () => {
    legacy = await (0, api_harness_1.startApi)(api.client, {
      SHOP_ORIGINS: SHOP,
      LEGACY_CHECKOUT_URL: 'https://old-shop.example.net/cart/{id}',
    });
  });
  (0, node_test_1.after)(async () => legacy?.close());
  (0, node_test_1.test)(
    'a legacy checkout whose made-up URL is not on a shop origin is a 400 naming checkoutUrl',
    async () => {
      const res = await (0, api_harness_1.call)(`${legacy?.url}/api/checkout`, 'POST', { email_id: 'ada@example.com' });
      strict_1.default.equal(res.status, 400);
      strict_1.default.equal(res.body.errors[0].field, 'checkoutUrl');
    },
  );
});
(0, node_test_1.describe)('GET /r/:token at redirect time', () => {
  const resumeLink = (target) =>
    (0, link_token_1.signLink)(
      {
        purpose: 'resume',
        checkoutId: 'co-1',
        customerId: 'c-42',
        step: 1,
        expiresAt: Math.floor(Date.now() / 1000) + 3_600,
        target,
      },
      [links_1.TEST_LINK_SECRET],
    );
  (0, node_test_1.test)(
    'a genuine link to an origin SHOP_ORIGINS no longer lists is an error page, not a redirect',
    async () => {
      for (const target of ELSEWHERE) {
        const res = await fetch(`${api.url}/r/${resumeLink(target)}`, { redirect: 'manual' });
        strict_1.default.equal(res.status, 400, target);
        strict_1.default.equal(res.headers.get('location'), null, `${target}: redirected`);
        strict_1.default.match(res.headers.get('content-type') ?? '', /text\/html/);
        strict_1.default.match(await res.text(), /no longer leads anywhere/);
      }
    },
  );
  (0, node_test_1.test)('a genuine link to a listed origin still redirects there', async () => {
    const res = await fetch(`${api.url}/r/${resumeLink(`${SHOP}/checkout/co-1`)}`, { redirect: 'manual' });
    strict_1.default.equal(res.status, 302);
    strict_1.default.equal(res.headers.get('location'), `${SHOP}/checkout/co-1`);
  });
});
//# sourceMappingURL=shop-origins.test.js.map
