import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';
import type { WorkflowHandle } from '@temporalio/client';
import { DiscountCodeRefused } from '../../activities/discounts/issuer';
import type { RecoveryPolicy } from '../../common/checkout';
import type { DiscountPolicy } from '../../common/discount-offer';
import { checkoutEventsSignal } from '../../common/messages';
import { RecoveryHarness, result } from './recovery-harness';

// The policy of docs/recovery-policy.md's example. The harness's cart is 1234.50 EUR, so 10% would be 123.45: capped at 50.
const DISCOUNT: DiscountPolicy = {
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
const policy = (discount: DiscountPolicy | null): RecoveryPolicy => ({
  quietHours: null,
  defaultTimezone: 'UTC',
  discount,
});
const capped = (discount: DiscountPolicy | null): RecoveryPolicy => ({ ...policy(discount), frequencyCap: '16h' });
const CODE = /BACK(?:-[2-9A-HJKMNP-Z]{4}){3}/;
const HOUR = 3_600_000;

/** How often the workflow asked for a discount code, from its history. */
async function issueCalls(handle: WorkflowHandle): Promise<number> {
  const history = await handle.fetchHistory();
  return (history.events ?? []).filter(
    (e) => e.activityTaskScheduledEventAttributes?.activityType?.name === 'issueDiscountCode',
  ).length;
}

describe('discount offers in the checkout recovery workflow', () => {
  let h: RecoveryHarness;
  before(async () => {
    h = await RecoveryHarness.start();
  });
  after(async () => {
    await h?.close();
  });
  afterEach(() => {
    h.discountIssuer = undefined;
  });

  test('the last reminder carries a unique code; the email shows it, the status records the same one', async () => {
    await h.withWorker(async ({ taskQueue }) => {
      const { handle, email, checkoutId } = await h.startCheckout(taskQueue, undefined, { policy: policy(DISCOUNT) });
      const status = await result(handle);
      assert.equal(status.remindersSent, 3);
      const [first, second, last] = status.reminders;
      assert.equal(first?.offer, undefined, 'no offer before the last step');
      assert.equal(second?.offer, undefined, 'no offer before the last step');
      assert.ok(last?.offer, 'the last step carries an offer');
      assert.match(last.offer.code, CODE);
      assert.equal(last.offer.percent, 10);
      assert.equal(last.offer.maxAmount, 50);
      assert.equal(last.offer.currency, 'EUR');
      const issuedAt = Date.parse(last.offer.expiresAt) - 72 * HOUR;
      assert.ok(
        issuedAt >= Date.parse(last.dueAt) && issuedAt <= Date.parse(last.at),
        'expires 72h after it was issued, right before the send (workflow clock)',
      );

      const mails = await h.inbox.messagesTo(email);
      assert.equal(mails.length, 3);
      const lastMail = mails[2];
      const inMail = lastMail?.body.text?.match(CODE)?.[0];
      assert.equal(inMail, last.offer.code, 'the code in the email is the code in the status');
      assert.ok(lastMail?.body.html?.includes(last.offer.code));
      assert.equal(lastMail?.subject, 'Letzte Erinnerung an deinen Warenkorb – 10 % Rabatt');
      for (const earlier of mails.slice(0, 2)) assert.doesNotMatch(earlier.body.text ?? '', CODE);

      const stored = await h.ledger.discountCodes.find(last.offer.code);
      assert.equal(stored?.checkoutId, checkoutId);
      assert.equal(stored?.step, 3);
      assert.equal(stored?.expiresAt, last.offer.expiresAt);
      assert.equal(await issueCalls(handle), 1, 'one code issued, for the last step only');
    });
  });

  test('a cart under the threshold gets no offer and no code is issued', async () => {
    await h.withWorker(async ({ taskQueue }) => {
      const high: DiscountPolicy = { ...DISCOUNT, rules: [{ minCartTotal: 2000, offer: { percent: 10 } }] };
      const { handle, email } = await h.startCheckout(taskQueue, undefined, { policy: policy(high) });
      const status = await result(handle);
      assert.equal(status.remindersSent, 3);
      assert.ok(status.reminders.every((r) => r.offer === undefined && r.offerError === undefined));
      const mails = await h.inbox.messagesTo(email);
      assert.doesNotMatch(mails[2]?.body.text ?? '', CODE);
      assert.equal(mails[2]?.subject, 'Letzte Erinnerung: Dein Warenkorb wartet noch');
      assert.equal(await issueCalls(handle), 0);
    });
  });

  test('a shopper who left over the shipping cost is offered free shipping instead of advice', async () => {
    await h.withWorker(async ({ taskQueue }) => {
      const { handle, email } = await h.startCheckout(taskQueue, [{ after: '1h' }], { policy: policy(DISCOUNT) });
      await handle.signal(checkoutEventsSignal, {
        events: [{ type: 'shipping_options_viewed', at: new Date().toISOString(), shippingCost: 6.9 }],
      });
      const status = await result(handle);
      assert.equal(status.reminders[0]?.offer?.freeShipping, true, 'one-step schedule: step 1 is the last');
      const [mail] = await h.inbox.messagesTo(email);
      assert.ok(mail?.body.text?.includes(status.reminders[0]?.offer?.code ?? '?'));
      assert.ok(mail?.body.text?.includes('Kostenloser Versand für deine Bestellung'));
      assert.ok(!mail?.body.text?.includes('Eine langsamere kostet vielleicht weniger'));
    });
  });

  test('an issuer that refuses: the reminder goes out without the offer, and the status says why', async () => {
    h.discountIssuer = {
      issue: async () => {
        throw new DiscountCodeRefused('price rule limit reached');
      },
    };
    await h.withWorker(async ({ taskQueue }) => {
      const { handle, email } = await h.startCheckout(taskQueue, [{ after: '1h' }], { policy: policy(DISCOUNT) });
      const status = await result(handle);
      const [reminder] = status.reminders;
      assert.equal(reminder?.outcome, 'sent');
      assert.equal(reminder?.offer, undefined);
      assert.match(reminder?.offerError ?? '', /DiscountCodeRefused: price rule limit reached/);
      const [mail] = await h.inbox.messagesTo(email);
      assert.doesNotMatch(mail?.body.text ?? '', CODE);
    });
  });

  test('a step the frequency cap holds back offers the same code when it goes out', async () => {
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
      await result(other.handle); // one result at a time: the time-skipping client takes two waits badly
      const status = await result(handle);
      const [held, sent] = status.reminders;
      assert.equal(held?.outcome, 'delayed');
      assert.equal(sent?.outcome, 'sent');
      assert.ok(held?.offer && sent?.offer);
      assert.equal(sent.offer.code, held.offer.code);
      assert.equal(await issueCalls(handle), 1, 'issued once, reused for the retry');
      const [mail] = await h.inbox.messagesTo(email);
      assert.ok(mail?.body.text?.includes(sent.offer.code));
    });
  });
});
