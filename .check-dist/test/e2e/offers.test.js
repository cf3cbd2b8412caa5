var __importDefault = (this && this.__importDefault) || ((mod) => (mod && mod.__esModule ? mod : { default: mod }));
Object.defineProperty(exports, '__esModule', { value: true });
// Offers through the whole stack: the API copies the configured discount policy and the customer's
// tier into the input, the worker issues the code into the ledger, the email and GET /checkouts/:id
// carry the same code.
const strict_1 = __importDefault(require('node:assert/strict'));
const node_test_1 = require('node:test');
const api_harness_1 = require('../api/support/api-harness');
const stack_1 = require('./stack');
const CODE = /BACK(?:-[2-9A-HJKMNP-Z]{4}){3}/;
(0, node_test_1.describe)('offers end to end (HTTP → Temporal → discount code → SES)', () => {
  let stack;
  let offering; // the same stack's API with the shipped policy's offers on
  (0, node_test_1.before)(async () => {
    stack = await stack_1.Stack.start();
    offering = await (0, api_harness_1.startApi)(stack.env.client, {
      TASK_QUEUE: stack.api.config.temporal.taskQueue,
      DISCOUNT_OFFERS: 'on',
    });
  });
  (0, node_test_1.after)(async () => {
    await offering?.close();
    await stack?.close();
  });
  (0, node_test_1.test)("a gold customer's last reminder offers 15% with a code; status and email agree", async () => {
    const id = (0, api_harness_1.uniqueId)('co-offer');
    const email = `${id}@shoppers.example.com`;
    const body = (0, api_harness_1.checkoutBody)(id, {
      customer: {
        id: (0, api_harness_1.uniqueId)('cust'),
        email,
        locale: 'en-US',
        timezone: 'America/New_York',
        tier: 'gold',
      },
      schedule: [{ after: '1s' }, { after: '2s' }],
    });
    strict_1.default.equal((await (0, api_harness_1.call)(`${offering.url}/checkouts`, 'POST', body)).status, 202);
    const status = await stack.waitForStatus(id, (s) => s.state === 'expired');
    const [first, last] = status.reminders;
    strict_1.default.equal(first?.offer, undefined);
    strict_1.default.equal(last?.offer?.percent, 15);
    strict_1.default.match(last?.offer?.code ?? '', CODE);
    const mails = await stack.inbox.messagesTo(email);
    strict_1.default.equal(mails.length, 2);
    strict_1.default.equal(mails[1]?.body.text?.match(CODE)?.[0], last?.offer?.code);
    strict_1.default.match(mails[1]?.body.text ?? '', /15% off your order \(up to €50\.00\)/);
    strict_1.default.match(mails[1]?.body.text ?? '', / EST\./, 'expiry in the customer zone');
    strict_1.default.doesNotMatch(mails[0]?.body.text ?? '', CODE);
  });
});
//# sourceMappingURL=offers.test.js.map
