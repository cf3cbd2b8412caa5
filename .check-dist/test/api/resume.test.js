var __importDefault = (this && this.__importDefault) || ((mod) => (mod && mod.__esModule ? mod : { default: mod }));
Object.defineProperty(exports, '__esModule', { value: true });
const strict_1 = __importDefault(require('node:assert/strict'));
const node_test_1 = require('node:test');
const link_token_1 = require('../../apps/shared/link-token');
const links_1 = require('../support/links');
const api_harness_1 = require('./support/api-harness');
let env;
let api;
(0, node_test_1.before)(async () => {
  env = await (0, api_harness_1.startTemporal)();
  api = await (0, api_harness_1.startApi)(env.client, { API_KEY: 'resume-test-key-0123456789-0123456789' });
});
(0, node_test_1.after)(async () => {
  await api?.close();
  await env?.teardown();
});
const TARGET = 'https://shop.example.com/checkout/co-77?resume=1&src=email';
function resumeToken(overrides = {}) {
  return (0, link_token_1.signLink)(
    {
      purpose: 'resume',
      checkoutId: 'co-77',
      customerId: 'c-42',
      step: 2,
      expiresAt: Math.floor(Date.now() / 1000) + 3_600,
      target: TARGET,
      ...overrides,
    },
    [links_1.TEST_LINK_SECRET],
  );
}
const follow = (path) => fetch(`${api.url}${path}`, { redirect: 'manual' });
async function assertPage(res, status, text) {
  strict_1.default.equal(res.status, status);
  strict_1.default.match(res.headers.get('content-type') ?? '', /text\/html/);
  strict_1.default.equal(res.headers.get('location'), null, 'no redirect');
  const html = await res.text();
  strict_1.default.match(html, text);
  strict_1.default.doesNotMatch(html, /at .*\.js:\d+|"statusCode"/);
}
(0, node_test_1.describe)('GET /r/:token', () => {
  (0, node_test_1.test)(
    'a valid resume link redirects (302) to the checkout URL it was signed with, without the API key',
    async () => {
      const res = await follow(`/r/${resumeToken()}`);
      strict_1.default.equal(res.status, 302);
      strict_1.default.equal(res.headers.get('location'), TARGET);
      strict_1.default.equal(res.headers.get('cache-control'), 'no-store');
      strict_1.default.equal(res.headers.get('referrer-policy'), 'no-referrer');
    },
  );
  (0, node_test_1.test)('a tampered link is a 400 page and redirects nowhere', async () => {
    const token = resumeToken();
    const [payload, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString());
    const elsewhere = Buffer.from(JSON.stringify({ ...claims, t: 'https://evil.example/phish' })).toString('base64url');
    await assertPage(await follow(`/r/${elsewhere}.${signature}`), 400, /Invalid link/);
  });
  (0, node_test_1.test)(
    'a genuine link re-spelled (unused low bits of its last character changed) is a 400 page, no redirect',
    async () => {
      const token = resumeToken();
      const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
      const last = alphabet.indexOf(token.slice(-1));
      const respelled = `${token.slice(0, -1)}${alphabet[last ^ 1]}`; // same bytes to a lenient decoder
      await assertPage(await follow(`/r/${respelled}`), 400, /Invalid link/);
    },
  );
  (0, node_test_1.test)('an expired link is a 410 page', async () => {
    await assertPage(
      await follow(`/r/${resumeToken({ expiresAt: Math.floor(Date.now() / 1000) - 1 })}`),
      410,
      /expired/,
    );
  });
  (0, node_test_1.test)('a malformed link or an unsubscribe token is a 400 page', async () => {
    const unsubscribe = (0, link_token_1.signLink)(
      { purpose: 'unsubscribe', checkoutId: 'co-77', customerId: 'c-42', step: 1, expiresAt: 2e9 },
      [links_1.TEST_LINK_SECRET],
    );
    for (const token of ['garbage', 'a.b', '%3Cscript%3E.x', unsubscribe]) {
      const res = await follow(`/r/${token}`);
      await assertPage(res, 400, /Invalid link/);
    }
  });
});
//# sourceMappingURL=resume.test.js.map
