var __importDefault = (this && this.__importDefault) || ((mod) => (mod && mod.__esModule ? mod : { default: mod }));
Object.defineProperty(exports, '__esModule', { value: true });
// Headers that keep the pages behind links in emails from being framed, sniffed or made to run
// someone else's content, and that do not advertise the framework.
const strict_1 = __importDefault(require('node:assert/strict'));
const node_crypto_1 = require('node:crypto');
const node_test_1 = require('node:test');
const link_token_1 = require('../../apps/shared/link-token');
const links_1 = require('../support/links');
const api_harness_1 = require('./support/api-harness');
const api = (0, api_harness_1.useApi)();
const claims = { checkoutId: 'co-1', customerId: 'c-42', step: 1, expiresAt: Math.floor(Date.now() / 1000) + 3_600 };
const directives = (res) =>
  new Map(
    (res.headers.get('content-security-policy') ?? '')
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name = '', ...values]) => [name, values]),
  );
(0, node_test_1.describe)('the HTML pages of links in emails', () => {
  const pages = () => [
    `/unsubscribe?token=${(0, link_token_1.signLink)({ ...claims, purpose: 'unsubscribe' }, [links_1.TEST_LINK_SECRET])}`,
    '/unsubscribe?token=garbage',
    '/r/garbage.x',
  ];
  (0, node_test_1.test)('send a CSP that allows nothing but their own style and form, and no framing', async () => {
    for (const path of pages()) {
      const res = await fetch(`${api.url}${path}`);
      strict_1.default.match(res.headers.get('content-type') ?? '', /text\/html/, path);
      const csp = directives(res);
      strict_1.default.deepEqual(csp.get('default-src'), ["'none'"], path);
      strict_1.default.deepEqual(csp.get('frame-ancestors'), ["'none'"], path);
      strict_1.default.deepEqual(csp.get('form-action'), ["'self'"], path);
      strict_1.default.equal(csp.has('script-src'), false, `${path}: no script may run`);
      // The page's inline style is the one the CSP allows, so it still renders styled.
      const style = /<style>([\s\S]*?)<\/style>/.exec(await res.text())?.[1] ?? '';
      const hash = `'sha256-${(0, node_crypto_1.createHash)('sha256').update(style).digest('base64')}'`;
      strict_1.default.deepEqual(csp.get('style-src'), [hash], path);
    }
  });
  (0, node_test_1.test)('send X-Content-Type-Options: nosniff and X-Frame-Options, and no X-Powered-By', async () => {
    for (const path of pages()) {
      const res = await fetch(`${api.url}${path}`);
      strict_1.default.equal(res.headers.get('x-content-type-options'), 'nosniff', path);
      strict_1.default.equal(res.headers.get('x-frame-options'), 'DENY', path);
      strict_1.default.equal(res.headers.get('x-powered-by'), null, path);
    }
  });
});
(0, node_test_1.describe)('every other response', () => {
  (0, node_test_1.test)('JSON answers, 404s and the docs say nosniff and not what serves them', async () => {
    for (const path of ['/health', '/nowhere', '/docs', '/docs-json']) {
      const res = await fetch(`${api.url}${path}`);
      strict_1.default.equal(res.headers.get('x-content-type-options'), 'nosniff', path);
      strict_1.default.equal(res.headers.get('x-powered-by'), null, path);
    }
  });
  (0, node_test_1.test)(
    'Swagger UI at /docs keeps working: its CSP lets in its own scripts and styles, and frames nowhere',
    async () => {
      const res = await fetch(`${api.url}/docs`);
      strict_1.default.equal(res.status, 200);
      const csp = directives(res);
      strict_1.default.deepEqual(csp.get('script-src'), ["'self'"]);
      strict_1.default.deepEqual(csp.get('frame-ancestors'), ["'none'"]);
      strict_1.default.equal(csp.has('upgrade-insecure-requests'), false, 'the dev API is plain http');
      const html = await res.text();
      for (const src of html.matchAll(/<script src="([^"]+)"/g)) {
        const script = await fetch(new URL(src[1] ?? '', `${api.url}/docs`));
        strict_1.default.equal(script.status, 200, src[1]);
      }
    },
  );
});
//# sourceMappingURL=security-headers.test.js.map
