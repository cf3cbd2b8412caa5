var __importDefault = (this && this.__importDefault) || ((mod) => (mod && mod.__esModule ? mod : { default: mod }));
Object.defineProperty(exports, '__esModule', { value: true });
// The tokens of links in emails are credentials: a failed request is logged by its path, never with
// the token that came in its URL.
const strict_1 = __importDefault(require('node:assert/strict'));
const node_test_1 = require('node:test');
const client_1 = require('@temporalio/client');
const loggable_url_1 = require('../../apps/api/http/loggable-url');
const link_token_1 = require('../../apps/shared/link-token');
const links_1 = require('../support/links');
const api_harness_1 = require('./support/api-harness');
class RecordingLogger {
  lines = [];
  log(...parts) {
    this.lines.push(parts.map(String).join(' '));
  }
  error(...parts) {
    this.lines.push(parts.map(String).join(' '));
  }
  warn(...parts) {
    this.lines.push(parts.map(String).join(' '));
  }
}
let env;
let api;
const logs = new RecordingLogger();
(0, node_test_1.before)(async () => {
  env = await (0, api_harness_1.startTemporal)();
  // A namespace the server does not have: every Temporal call fails, as a real outage would.
  api = await (0, api_harness_1.startApi)(
    new client_1.Client({ connection: env.connection, namespace: 'no-such-namespace' }),
    {},
    undefined,
    logs,
  );
});
(0, node_test_1.after)(async () => {
  await api?.close();
  await env?.teardown();
});
const unsubscribeToken = (0, link_token_1.signLink)(
  {
    purpose: 'unsubscribe',
    checkoutId: 'co-1',
    customerId: 'c-42',
    step: 1,
    expiresAt: Math.floor(Date.now() / 1000) + 3_600,
  },
  [links_1.TEST_LINK_SECRET],
);
(0, node_test_1.test)('a request that fails with a token in its query is logged without the token', async () => {
  const before = logs.lines.length;
  const res = await fetch(`${api.url}/customers/c-42/checkouts?token=${unsubscribeToken}`);
  strict_1.default.equal(res.status, 500);
  const logged = logs.lines.slice(before).join('\n');
  strict_1.default.match(logged, /GET \/customers\/c-42\/checkouts\?… failed \(correlationId/);
  strict_1.default.ok(!logged.includes(unsubscribeToken), `the token is in the log:\n${logged}`);
});
(0, node_test_1.test)('an unsubscribe post that fails is logged without the token of its link', async () => {
  const before = logs.lines.length;
  const res = await fetch(`${api.url}/unsubscribe?token=${unsubscribeToken}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: `List-Unsubscribe=One-Click&pad=${'x'.repeat(200_000)}`,
  });
  strict_1.default.ok(res.status >= 400, `answered ${res.status}`);
  const logged = logs.lines.slice(before).join('\n');
  strict_1.default.ok(!logged.includes(unsubscribeToken), `the token is in the log:\n${logged}`);
});
(0, node_test_1.test)('a resume link is logged as /r/:token, a query as ?…', () => {
  strict_1.default.equal((0, loggable_url_1.loggableUrl)(`/r/${unsubscribeToken}`), '/r/:token');
  strict_1.default.equal((0, loggable_url_1.loggableUrl)(`/r/${unsubscribeToken}?utm=1`), '/r/:token?…');
  strict_1.default.equal((0, loggable_url_1.loggableUrl)('/checkouts/co-1'), '/checkouts/co-1');
});
//# sourceMappingURL=logged-urls.test.js.map
