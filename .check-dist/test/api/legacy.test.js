var __importDefault = (this && this.__importDefault) || ((mod) => (mod && mod.__esModule ? mod : { default: mod }));
Object.defineProperty(exports, '__esModule', { value: true });
const strict_1 = __importDefault(require('node:assert/strict'));
const node_crypto_1 = require('node:crypto');
const node_test_1 = require('node:test');
const messages_1 = require('../../common/messages');
const search_attributes_1 = require('../../common/search-attributes');
const payload_keys_1 = require('../support/payload-keys');
const api_harness_1 = require('./support/api-harness');
let env;
let api;
(0, node_test_1.before)(async () => {
  env = await (0, api_harness_1.startTemporal)();
  api = await (0, api_harness_1.startApi)(env.client, {
    LEGACY_CHECKOUT_URL: 'https://old.example.com/cart/{id}?from=mail',
    SHOP_ORIGINS: 'https://old.example.com',
  });
});
(0, node_test_1.after)(async () => {
  await api?.close();
  await env?.teardown();
});
async function workflowInput(checkoutId) {
  const history = await env.client.workflow.getHandle((0, messages_1.workflowIdFor)(checkoutId)).fetchHistory();
  const payload = history.events?.[0]?.workflowExecutionStartedEventAttributes?.input?.payloads?.[0];
  strict_1.default.ok(payload, 'the checkout was started with an input');
  return (0, payload_keys_1.decodeRaw)(payload); // the history holds it encrypted
}
(0, node_test_1.test)('POST /api/checkout starts a minimal checkout under a generated legacy id', async () => {
  const res = await (0, api_harness_1.call)(`${api.url}/api/checkout`, 'POST', { email_id: 'Ada@Example.com' });
  strict_1.default.equal(res.status, 200);
  strict_1.default.equal(typeof res.body.msg, 'string');
  strict_1.default.match(res.body.order_id, /^legacy-[0-9a-f-]{36}$/);
  const checkoutId = res.body.order_id;
  const description = await env.client.workflow.getHandle((0, messages_1.workflowIdFor)(checkoutId)).describe();
  // Search attributes are never encrypted: the id is an HMAC under CUSTOMER_ID_SECRET, so nobody who
  // can read them finds a customer by hashing a list of email addresses.
  const unsalted = (0, node_crypto_1.createHash)('sha256').update('ada@example.com').digest('hex').slice(0, 16);
  const customerId = description.typedSearchAttributes.get(search_attributes_1.CustomerIdKey) ?? '';
  strict_1.default.ok(!customerId.includes(unsalted), 'not the plain hash of the email');
  const hmac = (0, node_crypto_1.createHmac)('sha256', api_harness_1.TEST_CUSTOMER_ID_SECRET)
    .update('ada@example.com')
    .digest('hex')
    .slice(0, 32);
  strict_1.default.equal(customerId, `email-${hmac}`);
  strict_1.default.equal(description.typedSearchAttributes.get(search_attributes_1.CartTotalKey), 0);
  strict_1.default.doesNotMatch((await description.staticSummary()) ?? '', /example\.com/i);
  const input = await workflowInput(checkoutId);
  strict_1.default.deepEqual(input.checkout.cart, { currency: 'USD', total: 0, items: [] });
  strict_1.default.equal(input.checkout.customer.email, 'Ada@Example.com');
  strict_1.default.equal(input.checkout.checkoutUrl, `https://old.example.com/cart/${checkoutId}?from=mail`);
  strict_1.default.deepEqual(input.schedule, api.config.schedule);
});
(0, node_test_1.test)('POST /api/order signals the order to the legacy checkout and answers 200', async () => {
  const { body } = await (0, api_harness_1.call)(`${api.url}/api/checkout`, 'POST', { email_id: 'bo@example.com' });
  const res = await (0, api_harness_1.call)(`${api.url}/api/order`, 'POST', {
    order_id: body.order_id,
    email_id: 'bo@example.com',
  });
  strict_1.default.equal(res.status, 200);
  strict_1.default.equal(typeof res.body.msg, 'string');
  const history = await env.client.workflow.getHandle((0, messages_1.workflowIdFor)(body.order_id)).fetchHistory();
  const signal = history.events?.find((e) => e.workflowExecutionSignaledEventAttributes?.signalName === 'ordered');
  strict_1.default.ok(signal, 'the ordered signal reached the checkout');
});
(0, node_test_1.test)(
  'without CUSTOMER_ID_SECRET the legacy checkout route answers 503 instead of a guessable customer id',
  async () => {
    const bare = await (0, api_harness_1.startApi)(env.client, { CUSTOMER_ID_SECRET: '' });
    try {
      const res = await (0, api_harness_1.call)(`${bare.url}/api/checkout`, 'POST', { email_id: 'ada@example.com' });
      strict_1.default.equal(res.status, 503);
      strict_1.default.match(res.body.message, /CUSTOMER_ID_SECRET/);
    } finally {
      await bare.close();
    }
  },
);
//# sourceMappingURL=legacy.test.js.map
