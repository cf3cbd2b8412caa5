// Records event histories of the order saga (orderPlacement) into test/histories/, for the replay
// suite: the real stack (dev server, worker, API) against localstripe, one order per scenario.
// `node dist/scripts/record-order-histories.js <version> [scenario…]` (after a build); files are
// named `<version>.<scenario>.binpb` beside the checkout workflow's.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { temporal } from '@temporalio/proto';
import { type PaymentProvider, ProviderUnavailable } from '../checkout/payments/payment-provider';
import type { PaymentProviders } from '../checkout/payments/providers';
import { orderWorkflowId } from '../common/order-placement';
import type { PaymentProviderId } from '../config/checkout-config';
import { checkoutBody, uniqueId } from '../test/api/support/api-harness';
import { pause, Stack } from '../test/e2e/stack';
import {
  completeThreeDSecure,
  createTestCard,
  startTestStripe,
  stripeEnv,
  THREE_D_SECURE_CARD,
} from '../test/support/local-stripe';
import { saveAddressAndCard } from '../test/support/saved-wallet';

const OUT = join(__dirname, '..', '..', 'test', 'histories');

/** While set, Stripe captures and then "times out" (the capture-timed-out scenario). */
let captureTimesOut = false;
function timingOutCaptures(real: PaymentProviders): PaymentProviders {
  const stripe = real.get('stripe') as PaymentProvider;
  const wrapped: PaymentProvider = {
    ...stripe,
    async capture(ref, amount, currency, key) {
      await stripe.capture(ref, amount, currency, key);
      if (captureTimesOut) throw new ProviderUnavailable('stripe', 'timeout after the capture');
    },
  };
  return new Map<PaymentProviderId, PaymentProvider>([...real, ['stripe', wrapped]]);
}

async function main(): Promise<void> {
  const version = process.argv[2];
  if (!version || !/^[\w-]+$/.test(version))
    throw new Error('usage: record-order-histories <version, e.g. v7> [scenario…]');
  const only = process.argv.slice(3);
  const stripe = await startTestStripe();
  const stack = await Stack.start({
    env: { ...stripeEnv(stripe), THREE_DS_WAIT: '5s' },
    orders: true,
    providers: timingOutCaptures,
  });
  try {
    /** A shopper with a saved address and card, a checkout, and the order placed: the first answer. */
    const place = async (token: string) => {
      const customerId = uniqueId('cust');
      const checkoutId = uniqueId('co');
      const saved = await saveAddressAndCard((p, q, b) => stack.request(p, q, b), customerId, token);
      await stack.request(
        'POST',
        '/checkouts',
        checkoutBody(checkoutId, {
          customer: { id: customerId, email: `${checkoutId}@shoppers.example.com`, locale: 'en-US' },
          schedule: [{ after: '1h' }],
        }),
      );
      const res = await stack.request('POST', `/checkouts/${checkoutId}/place-order`, saved);
      return { checkoutId, res };
    };
    const scenarios: Record<string, () => Promise<string>> = {
      'order-placed-at-stripe': async () => (await place('pm_card_visa')).checkoutId,
      'order-declined-at-stripe': async () => (await place('pm_card_visa_chargeDeclined')).checkoutId,
      // Before the wait (v6): ended at requires_action. With it: waits, then placed or voided.
      'order-requires-action': async () => (await place(await createTestCard(stripe, THREE_D_SECURE_CARD))).checkoutId,
      'order-3ds-completed': async () => {
        const { checkoutId, res } = await place(await createTestCard(stripe, THREE_D_SECURE_CARD));
        await completeThreeDSecure(stripe, res.body.nextAction.clientSecret, true);
        await stack.request('POST', `/checkouts/${checkoutId}/order/authentication`);
        return checkoutId;
      },
      // Never completed: THREE_DS_WAIT (5 s here) runs out, the authorisation is voided (v8: the
      // last read retried until it answers).
      'order-3ds-wait-ran-out': async () => (await place(await createTestCard(stripe, THREE_D_SECURE_CARD))).checkoutId,
      // Refused at the bank's step (v8: the PaymentIntent is voided before the decline).
      'order-3ds-failed': async () => {
        const { checkoutId, res } = await place(await createTestCard(stripe, THREE_D_SECURE_CARD));
        await completeThreeDSecure(stripe, res.body.nextAction.clientSecret, false);
        await stack.request('POST', `/checkouts/${checkoutId}/order/authentication`);
        return checkoutId;
      },
      // The capture goes through at Stripe and then times out, every attempt: the void answers
      // alreadyCaptured (v8: the order is recorded; before, compensated). v7.order-capture-timed-out-
      // after-capture was recorded with the saga of 697109a (compensating whatever the void answered):
      // the shape the capture-void-answer-v8 patch keeps replaying.
      'order-capture-timed-out-after-capture': async () => {
        captureTimesOut = true;
        try {
          return (await place('pm_card_visa')).checkoutId;
        } finally {
          captureTimesOut = false;
        }
      },
    };
    for (const [name, run] of Object.entries(scenarios)) {
      if (only.length > 0 && !only.includes(name)) continue;
      const checkoutId = await run();
      const handle = stack.env.client.workflow.getHandle(orderWorkflowId(checkoutId));
      for (let i = 0; i < 120 && (await handle.describe()).status.name === 'RUNNING'; i++) await pause(250);
      const history = await handle.fetchHistory();
      const file = join(OUT, `${version}.${name}.binpb`);
      writeFileSync(file, temporal.api.history.v1.History.encode(history).finish());
      console.log(`${file}: ${history.events?.length ?? 0} events`);
    }
  } finally {
    await stack.close();
    await stripe.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
