var __importDefault = (this && this.__importDefault) || ((mod) => (mod && mod.__esModule ? mod : { default: mod }));
Object.defineProperty(exports, '__esModule', { value: true });
const strict_1 = __importDefault(require('node:assert/strict'));
const node_test_1 = require('node:test');
const issuer_1 = require('../../activities/discounts/issuer');
const messages_1 = require('../../common/messages');
const recovery_harness_1 = require('./recovery-harness');
// The policy of docs/recovery-policy.md's example. The harness's cart is 1234.50 EUR, so 10% would be 123.45: capped at 50.
const DISCOUNT = {
  fromStep: 'last',
  validFor: '72h',
  rules: [
    { reason: 'out_of_stock', offer: null },
    { reason: 'shipping_cost', offer: { freeShipping: true } },
    { minCartTotal: 50, tiers: ['gold'], offer: { percent: 15 } },
    { minCartTotal: 50, offer: { percent: 10 } },
  ],
  maxPercent: 20,
  maxAmount: 50,
};
const policy = (discount) => ({
  quietHours: null,
  defaultTimezone: 'UTC',
  discount,
});
const capped = (discount) => ({ ...policy(discount), frequencyCap: '16h' });
const CODE = /BACK(?:-[2-9A-HJKMNP-Z]{4}){3}/;
const HOUR = 3_600_000;
/** How often the workflow asked for a discount code, from its history. */
async function issueCalls(handle) {
  const history = await handle.fetchHistory();
  return (history.events ?? []).filter(
    (e) => e.activityTaskScheduledEventAttributes?.activityType?.name === 'issueDiscountCode',
  ).length;
}
(0, node_test_1.describe)('discount offers in the checkout recovery workflow', () => {
  let h;
  (0, node_test_1.before)(async () => {
    h = await recovery_harness_1.RecoveryHarness.start();
  });
  (0, node_test_1.after)(async () => {
    await h?.close();
  });
  (0, node_test_1.afterEach)(() => {
    h.discountIssuer = undefined;
  });
  (0, node_test_1.test)(
    'the last reminder carries a unique code; the email shows it, the status records the same one',
    async () => {
      await h.withWorker(async ({ taskQueue }) => {
        const { handle, email, checkoutId } = await h.startCheckout(taskQueue, undefined, { policy: policy(DISCOUNT) });
        const status = await (0, recovery_harness_1.result)(handle);
        strict_1.default.equal(status.remindersSent, 3);
        const [first, second, last] = status.reminders;
        strict_1.default.equal(first?.offer, undefined, 'no offer before the last step');
        strict_1.default.equal(second?.offer, undefined, 'no offer before the last step');
        strict_1.default.ok(last?.offer, 'the last step carries an offer');
        strict_1.default.match(last.offer.code, CODE);
        strict_1.default.equal(last.offer.percent, 10);
        strict_1.default.equal(last.offer.maxAmount, 50);
        strict_1.default.equal(last.offer.currency, 'EUR');
        const issuedAt = Date.parse(last.offer.expiresAt) - 72 * HOUR;
        strict_1.default.ok(
          issuedAt >= Date.parse(last.dueAt) && issuedAt <= Date.parse(last.at),
          'expires 72h after it was issued, right before the send (workflow clock)',
        );
        const mails = await h.inbox.messagesTo(email);
        strict_1.default.equal(mails.length, 3);
        const lastMail = mails[2];
        const inMail = lastMail?.body.text?.match(CODE)?.[0];
        strict_1.default.equal(inMail, last.offer.code, 'the code in the email is the code in the status');
        strict_1.default.ok(lastMail?.body.html?.includes(last.offer.code));
        strict_1.default.equal(lastMail?.subject, 'Last reminder: your cart, now with 10% off');
        for (const earlier of mails.slice(0, 2)) strict_1.default.doesNotMatch(earlier.body.text ?? '', CODE);
        const stored = await h.ledger.discountCodes.find(last.offer.code);
        strict_1.default.equal(stored?.checkoutId, checkoutId);
        strict_1.default.equal(stored?.step, 3);
        strict_1.default.equal(stored?.expiresAt, last.offer.expiresAt);
        strict_1.default.equal(await issueCalls(handle), 1, 'one code issued, for the last step only');
      });
    },
  );
  (0, node_test_1.test)('a cart under the threshold gets no offer and no code is issued', async () => {
    await h.withWorker(async ({ taskQueue }) => {
      const high = { ...DISCOUNT, rules: [{ minCartTotal: 2000, offer: { percent: 10 } }] };
      const { handle, email } = await h.startCheckout(taskQueue, undefined, { policy: policy(high) });
      const status = await (0, recovery_harness_1.result)(handle);
      strict_1.default.equal(status.remindersSent, 3);
      strict_1.default.ok(status.reminders.every((r) => r.offer === undefined && r.offerError === undefined));
      const mails = await h.inbox.messagesTo(email);
      strict_1.default.doesNotMatch(mails[2]?.body.text ?? '', CODE);
      strict_1.default.equal(mails[2]?.subject, 'Last reminder: your cart is still waiting');
      strict_1.default.equal(await issueCalls(handle), 0);
    });
  });
  (0, node_test_1.test)(
    'a shopper who left over the shipping cost is offered free shipping instead of advice',
    async () => {
      await h.withWorker(async ({ taskQueue }) => {
        const { handle, email } = await h.startCheckout(taskQueue, [{ after: '1h' }], { policy: policy(DISCOUNT) });
        await handle.signal(messages_1.checkoutEventsSignal, {
          events: [{ type: 'shipping_options_viewed', at: new Date().toISOString(), shippingCost: 6.9 }],
        });
        const status = await (0, recovery_harness_1.result)(handle);
        strict_1.default.equal(status.reminders[0]?.offer?.freeShipping, true, 'one-step schedule: step 1 is the last');
        const [mail] = await h.inbox.messagesTo(email);
        strict_1.default.ok(mail?.body.text?.includes(status.reminders[0]?.offer?.code ?? '?'));
        strict_1.default.ok(mail?.body.text?.includes('Free shipping on your order'));
        strict_1.default.ok(!mail?.body.text?.includes('a slower one may cost less'));
      });
    },
  );
  (0, node_test_1.test)(
    'an issuer that refuses: the reminder goes out without the offer, and the status says why',
    async () => {
      h.discountIssuer = {
        issue: async () => {
          throw new issuer_1.DiscountCodeRefused('price rule limit reached');
        },
      };
      await h.withWorker(async ({ taskQueue }) => {
        const { handle, email } = await h.startCheckout(taskQueue, [{ after: '1h' }], { policy: policy(DISCOUNT) });
        const status = await (0, recovery_harness_1.result)(handle);
        const [reminder] = status.reminders;
        strict_1.default.equal(reminder?.outcome, 'sent');
        strict_1.default.equal(reminder?.offer, undefined);
        strict_1.default.match(reminder?.offerError ?? '', /DiscountCodeRefused: price rule limit reached/);
        const [mail] = await h.inbox.messagesTo(email);
        strict_1.default.doesNotMatch(mail?.body.text ?? '', CODE);
      });
    },
  );
  (0, node_test_1.test)('a step the frequency cap holds back offers the same code when it goes out', async () => {
    await h.withWorker(async ({ taskQueue }) => {
      const customer = `c-cap-${Date.now()}`; // the ledger outlives each test server
      // Another checkout of the customer is messaged first; ours is held back, then sent.
      const other = await h.startCheckout(taskQueue, [{ after: '30m' }], { policy: capped(null) }, customer);
      const { handle, email } = await h.startCheckout(
        taskQueue,
        [{ after: '1h' }],
        { policy: capped(DISCOUNT) },
        customer,
      );
      await (0, recovery_harness_1.result)(other.handle); // one result at a time: the time-skipping client takes two waits badly
      const status = await (0, recovery_harness_1.result)(handle);
      const [held, sent] = status.reminders;
      strict_1.default.equal(held?.outcome, 'delayed');
      strict_1.default.equal(sent?.outcome, 'sent');
      strict_1.default.ok(held?.offer && sent?.offer);
      strict_1.default.equal(sent.offer.code, held.offer.code);
      strict_1.default.equal(await issueCalls(handle), 1, 'issued once, reused for the retry');
      const [mail] = await h.inbox.messagesTo(email);
      strict_1.default.ok(mail?.body.text?.includes(sent.offer.code));
    });
  });
});
//# sourceMappingURL=discount-offers.test.js.map
