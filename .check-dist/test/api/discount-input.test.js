var __importDefault = (this && this.__importDefault) || ((mod) => (mod && mod.__esModule ? mod : { default: mod }));
Object.defineProperty(exports, '__esModule', { value: true });
// What POST /checkouts puts into the workflow input for offers: the customer's tier and the
// configured discount policy, copied at start so a later config change never alters a running checkout.
const strict_1 = __importDefault(require('node:assert/strict'));
const node_test_1 = require('node:test');
const messages_1 = require('../../common/messages');
const payload_keys_1 = require('../support/payload-keys');
const api_harness_1 = require('./support/api-harness');
let env;
let api;
let noOffers;
(0, node_test_1.before)(async () => {
  env = await (0, api_harness_1.startTemporal)();
  [api, noOffers] = await Promise.all([
    (0, api_harness_1.startApi)(env.client, { DISCOUNT_OFFERS: 'on' }),
    (0, api_harness_1.startApi)(env.client, { DISCOUNT_OFFERS: 'off' }),
  ]);
});
(0, node_test_1.after)(async () => {
  await api?.close();
  await noOffers?.close();
  await env?.teardown();
});
async function workflowInput(checkoutId) {
  const history = await env.client.workflow.getHandle((0, messages_1.workflowIdFor)(checkoutId)).fetchHistory();
  const payload = history.events?.[0]?.workflowExecutionStartedEventAttributes?.input?.payloads?.[0];
  strict_1.default.ok(payload, 'the checkout was started with an input');
  return (0, payload_keys_1.decodeRaw)(payload); // the history holds it encrypted
}
const withTier = (tier) => ({ id: 'c-42', email: 'ada@example.com', tier });
(0, node_test_1.describe)('POST /checkouts: offers', () => {
  (0, node_test_1.test)(
    "the customer's tier and the configured discount policy travel into the workflow input",
    async () => {
      const checkoutId = (0, api_harness_1.uniqueId)('co-tier');
      const res = await (0, api_harness_1.call)(
        `${api.url}/checkouts`,
        'POST',
        (0, api_harness_1.checkoutBody)(checkoutId, { customer: withTier('gold') }),
      );
      strict_1.default.equal(res.status, 202, JSON.stringify(res.body));
      const input = await workflowInput(checkoutId);
      strict_1.default.equal(input.checkout.customer.tier, 'gold');
      strict_1.default.deepEqual(input.policy?.discount, api.config.policy.discount);
      strict_1.default.ok(input.policy?.discount?.rules.length, 'config/policy.json makes offers by default');
    },
  );
  (0, node_test_1.test)('DISCOUNT_OFFERS=off starts checkouts without a discount policy', async () => {
    const checkoutId = (0, api_harness_1.uniqueId)('co-nooffer');
    const res = await (0, api_harness_1.call)(
      `${noOffers.url}/checkouts`,
      'POST',
      (0, api_harness_1.checkoutBody)(checkoutId),
    );
    strict_1.default.equal(res.status, 202, JSON.stringify(res.body));
    strict_1.default.equal((await workflowInput(checkoutId)).policy?.discount, null);
  });
  (0, node_test_1.test)('a tier outside the allowed names is a 400 naming customer.tier', async () => {
    for (const tier of ['', '<gold>', 7, 'x'.repeat(65)]) {
      const res = await (0, api_harness_1.call)(
        `${api.url}/checkouts`,
        'POST',
        (0, api_harness_1.checkoutBody)((0, api_harness_1.uniqueId)('co-bad'), { customer: withTier(tier) }),
      );
      strict_1.default.equal(res.status, 400, `tier ${JSON.stringify(tier)}`);
      strict_1.default.deepEqual(
        res.body.errors.map((e) => e.field),
        ['customer.tier'],
      );
    }
  });
});
//# sourceMappingURL=discount-input.test.js.map
