var __importDefault = (this && this.__importDefault) || ((mod) => (mod && mod.__esModule ? mod : { default: mod }));
Object.defineProperty(exports, '__esModule', { value: true });
const strict_1 = __importDefault(require('node:assert/strict'));
const node_test_1 = require('node:test');
const link_token_1 = require('../../apps/shared/link-token');
const messages_1 = require('../../common/messages');
const links_1 = require('../support/links');
const api_harness_1 = require('./support/api-harness');
const api = (0, api_harness_1.useApi)();
const nowSeconds = () => Math.floor(Date.now() / 1000);
function unsubscribeToken(checkoutId, overrides = {}, secrets = [links_1.TEST_LINK_SECRET]) {
  return (0, link_token_1.signLink)(
    {
      purpose: 'unsubscribe',
      checkoutId,
      customerId: customerOf.get(checkoutId) ?? 'c-42',
      step: 1,
      expiresAt: nowSeconds() + 3_600,
      ...overrides,
    },
    secrets,
  );
}
/** The checkout was told of an opt-out (its `preferences` signal), so it stops. */
async function toldToStop(checkoutId) {
  const history = await api.client.workflow.getHandle((0, messages_1.workflowIdFor)(checkoutId)).fetchHistory();
  return (
    history.events?.some(
      (e) => e.workflowExecutionSignaledEventAttributes?.signalName === messages_1.preferencesSignal.name,
    ) ?? false
  );
}
async function optedOut(customerId, base = api.url) {
  const res = await (0, api_harness_1.call)(`${base}/customers/${customerId}/preferences`, 'GET');
  strict_1.default.equal(res.status, 200);
  return res.body.optedOut;
}
/** Each test's checkouts belong to a customer of their own, so opt-outs do not leak between tests. */
const customerOf = new Map();
async function startCheckout(base = api.url) {
  const checkoutId = (0, api_harness_1.uniqueId)('co');
  const customerId = (0, api_harness_1.uniqueId)('cust');
  customerOf.set(checkoutId, customerId);
  const body = (0, api_harness_1.checkoutBody)(checkoutId, { customer: { id: customerId, email: 'ada@example.com' } });
  strict_1.default.equal((await (0, api_harness_1.call)(`${base}/checkouts`, 'POST', body)).status, 202);
  return checkoutId;
}
const oneClick = (base, token) =>
  fetch(`${base}/unsubscribe?token=${encodeURIComponent(token)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'List-Unsubscribe=One-Click',
  });
/** An HTML page for a person, not an API error: no JSON, no stack trace. */
async function assertPage(res, status, text) {
  strict_1.default.equal(res.status, status);
  strict_1.default.match(res.headers.get('content-type') ?? '', /text\/html/);
  const html = await res.text();
  strict_1.default.match(html, /^<!doctype html>/);
  strict_1.default.match(html, text);
  strict_1.default.doesNotMatch(html, /at .*\.js:\d+|"statusCode"/);
}
(0, node_test_1.describe)('GET /unsubscribe?token=', () => {
  (0, node_test_1.test)('with a valid token shows a form that posts the token back, and changes nothing', async () => {
    const checkoutId = await startCheckout();
    const token = unsubscribeToken(checkoutId);
    const res = await fetch(`${api.url}/unsubscribe?token=${token}`);
    strict_1.default.equal(res.status, 200);
    strict_1.default.match(res.headers.get('content-type') ?? '', /text\/html/);
    strict_1.default.equal(res.headers.get('cache-control'), 'no-store');
    const html = await res.text();
    strict_1.default.ok(html.includes(`<form method="post" action="/unsubscribe?token=${token}">`), html);
    strict_1.default.equal(await toldToStop(checkoutId), false);
    strict_1.default.equal(await optedOut(customerOf.get(checkoutId) ?? ''), false);
  });
  (0, node_test_1.test)('with a tampered token is a 400 page', async () => {
    const token = unsubscribeToken(await startCheckout());
    await assertPage(await fetch(`${api.url}/unsubscribe?token=${(0, links_1.tampered)(token)}`), 400, /Invalid link/);
  });
  (0, node_test_1.test)('with an expired token is a 410 page', async () => {
    const token = unsubscribeToken(await startCheckout(), { expiresAt: nowSeconds() - 1 });
    await assertPage(await fetch(`${api.url}/unsubscribe?token=${token}`), 410, /This link has expired/);
  });
});
(0, node_test_1.describe)('POST /unsubscribe?token= (RFC 8058 one-click)', () => {
  (0, node_test_1.test)(
    'with a valid token opts the customer out, stops the checkout and confirms in HTML',
    async () => {
      const checkoutId = await startCheckout();
      const customerId = customerOf.get(checkoutId) ?? '';
      await assertPage(
        await oneClick(api.url, unsubscribeToken(checkoutId)),
        200,
        /You will receive no more reminders/,
      );
      strict_1.default.equal(await toldToStop(checkoutId), true);
      const stored = await (0, api_harness_1.call)(`${api.url}/customers/${customerId}/preferences`, 'GET');
      strict_1.default.equal(stored.body.optedOut, true);
      strict_1.default.equal(stored.body.optOutSource, 'link');
    },
  );
  (0, node_test_1.test)('with a tampered token is a 400 page and cancels nothing', async () => {
    const victim = await startCheckout();
    const attacker = await startCheckout();
    // The attacker's own genuine link, its payload rewritten to name someone else's checkout.
    const genuine = unsubscribeToken(attacker);
    const [, signature] = genuine.split('.');
    const payload = JSON.parse(Buffer.from(genuine.split('.')[0] ?? '', 'base64url').toString());
    const forged = `${Buffer.from(JSON.stringify({ ...payload, c: victim })).toString('base64url')}.${signature}`;
    await assertPage(await oneClick(api.url, forged), 400, /Invalid link/);
    // And one signed with a secret the API does not have.
    await assertPage(await oneClick(api.url, unsubscribeToken(victim, {}, ['a'.repeat(40)])), 400, /Invalid link/);
    strict_1.default.equal(await toldToStop(victim), false);
    strict_1.default.equal(await toldToStop(attacker), false);
    strict_1.default.equal(await optedOut(customerOf.get(victim) ?? ''), false);
  });
  (0, node_test_1.test)('with an expired token is a 410 page and cancels nothing', async () => {
    const checkoutId = await startCheckout();
    await assertPage(
      await oneClick(api.url, unsubscribeToken(checkoutId, { expiresAt: nowSeconds() - 60 })),
      410,
      /expired/,
    );
    strict_1.default.equal(await toldToStop(checkoutId), false);
    strict_1.default.equal(await optedOut(customerOf.get(checkoutId) ?? ''), false);
  });
  (0, node_test_1.test)(
    'the old unsigned ?checkout= link, a missing token and a resume token are 400 pages and cancel nothing',
    async () => {
      const checkoutId = await startCheckout();
      const resumeToken = (0, link_token_1.signLink)(
        {
          purpose: 'resume',
          checkoutId,
          customerId: 'c-42',
          step: 1,
          expiresAt: nowSeconds() + 60,
          target: 'https://x.test',
        },
        [links_1.TEST_LINK_SECRET],
      );
      for (const query of [
        `?checkout=${checkoutId}`,
        '',
        '?token=',
        '?token=%22%3E%3Cscript%3E',
        `?token=${resumeToken}`,
      ]) {
        const res = await fetch(`${api.url}/unsubscribe${query}`, { method: 'POST' });
        strict_1.default.equal(res.status, 400, query);
        strict_1.default.doesNotMatch(await res.text(), /<script>/);
      }
      strict_1.default.equal(await toldToStop(checkoutId), false);
    },
  );
  (0, node_test_1.test)(
    'a repeated one-click for a customer already opted out lists and signals nothing again',
    async () => {
      const checkoutId = await startCheckout();
      const token = unsubscribeToken(checkoutId);
      for (let i = 0; i < 3; i++) await assertPage(await oneClick(api.url, token), 200, /no more reminders/);
      const history = await api.client.workflow.getHandle((0, messages_1.workflowIdFor)(checkoutId)).fetchHistory();
      const told = history.events?.filter(
        (e) => e.workflowExecutionSignaledEventAttributes?.signalName === messages_1.preferencesSignal.name,
      );
      strict_1.default.equal(told?.length, 1, 'told once, by the first click');
    },
  );
  (0, node_test_1.test)(
    'a genuine link for a checkout whose workflow is gone still opts its customer out',
    async () => {
      const customerId = (0, api_harness_1.uniqueId)('cust');
      await assertPage(
        await oneClick(api.url, unsubscribeToken((0, api_harness_1.uniqueId)('gone'), { customerId })),
        200,
        /no more reminders/,
      );
      strict_1.default.equal(await optedOut(customerId), true);
    },
  );
});
(0, node_test_1.describe)('link signing secret rotation', () => {
  (0, node_test_1.test)(
    'after a new secret is put first, links signed with the old one still unsubscribe',
    async () => {
      const rotated = await (0, api_harness_1.startApi)(api.client, {
        LINK_SIGNING_SECRET: `${'n'.repeat(40)},${links_1.TEST_LINK_SECRET}`,
      });
      try {
        const checkoutId = await startCheckout(rotated.url);
        await assertPage(await oneClick(rotated.url, unsubscribeToken(checkoutId)), 200, /no more reminders/);
        strict_1.default.equal(await toldToStop(checkoutId), true);
      } finally {
        await rotated.close();
      }
    },
  );
});
//# sourceMappingURL=unsubscribe.test.js.map
