// `npm run bench:checkout` (not part of npm test or npm run bench): the one-click order on the real
// stack (dev server, worker, API, localstripe): place-order p50/p99 through the API, orders per
// second, and the billable Actions per order counted from the real histories; against a baseline
// in the same run, a bare authorise + capture at localstripe through the same Stripe provider,
// without Temporal or the API. CHECKOUT_BENCH_ORDERS (default 60) orders per side,
// CHECKOUT_BENCH_CONCURRENCY (default 4) at once.
import { cpus, loadavg } from 'node:os';
import { minorUnits } from '../../checkout/payments/payment-provider';
import { createStripeProvider } from '../../checkout/payments/stripe-provider';
import { workflowIdFor } from '../../common/messages';
import { orderWorkflowId } from '../../common/order-placement';
import { checkoutBody, uniqueId } from '../../test/api/support/api-harness';
import { Stack } from '../../test/e2e/stack';
import { startTestStripe, stripeEnv } from '../../test/support/local-stripe';
import { saveAddressAndCard } from '../../test/support/saved-wallet';
import { countActions, totalActions } from '../actions/billing-rules';
import { type Distribution, distribution, round } from '../support/percentiles';

const ORDERS = Number(process.env.CHECKOUT_BENCH_ORDERS ?? 60);
const CONCURRENCY = Number(process.env.CHECKOUT_BENCH_CONCURRENCY ?? 4);

interface Side {
  latencyMs: Distribution;
  perSecond: number;
  failures: number;
}

/** Runs `n` jobs, `concurrency` at a time; each job's latency and the whole run's rate. */
async function measure(n: number, concurrency: number, job: (i: number) => Promise<boolean>): Promise<Side> {
  const samples: number[] = [];
  let failures = 0;
  let next = 0;
  const began = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) {
        const i = next++;
        const t = performance.now();
        const ok = await job(i).catch(() => false);
        samples.push(performance.now() - t);
        if (!ok) failures++;
      }
    }),
  );
  const seconds = (performance.now() - began) / 1000;
  return { latencyMs: distribution(samples), perSecond: round(n / seconds), failures };
}

async function main(): Promise<void> {
  const stripe = await startTestStripe();
  const stack = await Stack.start({ env: stripeEnv(stripe), orders: true });
  try {
    // Set-up, not measured: a customer with an address, a card and a checkout per order.
    const shoppers: { checkoutId: string; body: { addressId: string; paymentMethodId: string } }[] = [];
    for (let i = 0; i < ORDERS; i++) {
      const customerId = uniqueId('bench-cust');
      const checkoutId = uniqueId('bench-co');
      const saved = await saveAddressAndCard((p, q, b) => stack.request(p, q, b), customerId, 'pm_card_visa');
      await stack.request(
        'POST',
        '/checkouts',
        checkoutBody(checkoutId, {
          customer: { id: customerId, email: `${checkoutId}@shoppers.example.com`, locale: 'en-US' },
          schedule: [{ after: '1h' }],
        }),
      );
      shoppers.push({ checkoutId, body: saved });
    }
    // The checkouts' own first tasks are done before the clock starts (their start delay is an hour).
    const load = () => loadavg().map((l) => round(l, 2));
    const loadBefore = load();

    const provider = createStripeProvider({ secretKey: 'sk_test_local', apiBase: stripe.url, timeoutMs: 10_000 });
    const baseline = await measure(ORDERS, CONCURRENCY, async (i) => {
      const key = `bench-baseline-${process.pid}-${i}`;
      const auth = await provider.authorize({
        key,
        token: 'pm_card_visa',
        amount: minorUnits(59.9, 'EUR'),
        currency: 'EUR',
        reference: `bench-baseline-${i}`,
        customerId: 'bench',
      });
      if (auth.status !== 'authorized') return false;
      await provider.capture(auth.ref, minorUnits(59.9, 'EUR'), 'EUR', `${key}:capture`);
      return true;
    });

    const placed = await measure(ORDERS, CONCURRENCY, async (i) => {
      const s = shoppers[i];
      if (!s) return false;
      const res = await stack.request('POST', `/checkouts/${s.checkoutId}/place-order`, s.body);
      return res.status === 201;
    });
    const loadAfter = load();

    // Actions from the real histories: the order saga's, plus what the order adds to the checkout.
    const sample = shoppers.slice(0, Math.min(10, shoppers.length));
    const perOrder: number[] = [];
    const onCheckout: number[] = [];
    let kinds = {};
    for (const s of sample) {
      const order = await stack.env.client.workflow.getHandle(orderWorkflowId(s.checkoutId)).fetchHistory();
      const counts = countActions(order.events ?? []);
      kinds = counts;
      perOrder.push(totalActions(counts));
      const checkout = await stack.env.client.workflow.getHandle(workflowIdFor(s.checkoutId)).fetchHistory();
      onCheckout.push(totalActions(countActions(checkout.events ?? [])));
    }
    const mean = (xs: number[]) => round(xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length), 2);

    const report = {
      orders: ORDERS,
      concurrency: CONCURRENCY,
      machine: { cpus: cpus().length, loadBefore, loadAfter },
      baselineAuthoriseCapture: baseline,
      placeOrderThroughApi: placed,
      actionsPerOrder: { orderWorkflow: mean(perOrder), kinds, checkoutWorkflowWithOrder: mean(onCheckout) },
    };
    console.log(JSON.stringify(report, null, 2));
    console.log(
      `\nplace-order (API → saga → localstripe), ${ORDERS} orders, ${CONCURRENCY} at once: ` +
        `p50 ${placed.latencyMs.p50} ms, p99 ${placed.latencyMs.p99} ms, ${placed.perSecond} orders/s, ` +
        `${placed.failures} failed\n` +
        `baseline (authorise + capture at localstripe, no Temporal): p50 ${baseline.latencyMs.p50} ms, ` +
        `p99 ${baseline.latencyMs.p99} ms, ${baseline.perSecond}/s\n` +
        `Actions per order: ${mean(perOrder)} on order-<id>; the checkout's whole history with the order: ` +
        `${mean(onCheckout)}\nload average before/after: ${loadBefore.join(' ')} / ${loadAfter.join(' ')}`,
    );
  } finally {
    await stack.close();
    await stripe.stop();
  }
}

main().then(
  () => process.exit(),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
