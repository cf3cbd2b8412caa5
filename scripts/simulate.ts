// `npm run simulate`: a shop day through the real API, worker and Temporal dev server (the e2e
// stack, local SES): N shoppers start checkouts with abandonment reasons, a holdout group
// (HOLDOUT_PERCENT, default here 20), reminders go out, and shoppers order by a known response
// model: BASE chance to order anyway, LIFT more when a reminder reached them. The summary must
// recover the simulated lift within its 95% interval (exit code 1 if not).
// SIMULATE_SHOPPERS (default 400), SIMULATE_BASE (0.12), SIMULATE_LIFT (0.10), SIMULATE_SEED (7).
import { inHoldout } from '../apps/shared/holdout-group';
import { checkoutBody } from '../test/api/support/api-harness';
import { Stack } from '../test/e2e/stack';

const N = Number(process.env.SIMULATE_SHOPPERS ?? 400);
const BASE = Number(process.env.SIMULATE_BASE ?? 0.12);
const LIFT = Number(process.env.SIMULATE_LIFT ?? 0.1);
const HOLDOUT_PERCENT = process.env.SIMULATE_HOLDOUT_PERCENT ?? '20';
const PARALLEL = 8;

function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const JOURNEYS: Array<Array<Record<string, unknown>>> = [
  [
    { type: 'contact_entered' },
    { type: 'address_entered', address: { country: 'DE' } },
    { type: 'shipping_options_viewed', shippingCost: 6.9 },
  ],
  [
    { type: 'contact_entered' },
    { type: 'payment_method_selected', paymentMethod: 'card' },
    { type: 'payment_failed', paymentMethod: 'card', declineReason: 'insufficient_funds' },
  ],
  [{ type: 'contact_entered' }, { type: 'item_out_of_stock', sku: 'SKU-1' }],
  [{ type: 'contact_entered' }],
  [],
];

async function inBatches<T>(items: T[], fn: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += PARALLEL) await Promise.all(items.slice(i, i + PARALLEL).map(fn));
}

async function main(): Promise<void> {
  const rnd = random(Number(process.env.SIMULATE_SEED ?? 7));
  const stack = await Stack.start({ env: { HOLDOUT_PERCENT, ANALYTICS_MIN_SAMPLE: '30' } });
  try {
    const { holdoutPercent: percent, holdoutSalt: salt } = stack.api.config.analytics;
    const shoppers = Array.from({ length: N }, (_, i) => ({
      id: `sim-${Date.now()}-${i}`,
      customer: `sim-cust-${i}`,
      journey: JOURNEYS[Math.floor(rnd() * JOURNEYS.length)] ?? [],
    }));
    const started = Date.now();
    await inBatches(shoppers, async (s) => {
      const body = checkoutBody(s.id, {
        customer: { id: s.customer, email: `${s.customer}@shoppers.example.com` },
        schedule: [{ after: '2s' }],
      });
      const res = await stack.request('POST', '/checkouts', body);
      if (res.status !== 202) throw new Error(`POST /checkouts: ${res.status} ${JSON.stringify(res.body)}`);
      if (s.journey.length > 0) {
        const at = new Date().toISOString();
        await stack.request('POST', `/checkouts/${s.id}/events`, { events: s.journey.map((e) => ({ ...e, at })) });
      }
    });
    console.log(`${N} checkouts started in ${Math.round((Date.now() - started) / 1000)} s; waiting for the reminders`);
    const summary = () => stack.request('GET', '/analytics/summary').then((r) => r.body);
    for (let s = await summary(); s.reminded + countHoldoutSteps(s) < N; s = await summary()) {
      if (Date.now() - started > 600_000) throw new Error(`reminders stalled: ${JSON.stringify(s)}`);
      await new Promise((r) => setTimeout(r, 2000));
    }
    // The response model: a held-out shopper orders with BASE, one reached by a reminder with BASE + LIFT.
    let orders = 0;
    await inBatches(shoppers, async (s) => {
      const held = inHoldout(s.customer, { percent, salt });
      if (rnd() >= (held ? BASE : BASE + LIFT)) return;
      orders += 1;
      const res = await stack.request('POST', '/orders', { checkoutId: s.id, orderId: `o-${s.id}`, total: 59.9 });
      if (res.status !== 202) throw new Error(`POST /orders: ${res.status}`);
    });
    const result = await summary();
    const h = result.holdout;
    console.log(
      JSON.stringify(
        { shoppers: N, orders, recovered: result.recovered, byReason: result.byReason, holdout: h },
        null,
        2,
      ),
    );
    const [low, high] = h.liftCI ?? [Number.NaN, Number.NaN];
    const ok = low <= LIFT && LIFT <= high;
    console.log(
      `simulated lift ${LIFT}; measured ${h.lift?.toFixed(3)} (95% CI ${low.toFixed(3)} to ${high.toFixed(3)}): ${ok ? 'recovered within the interval' : 'NOT within the interval'}`,
    );
    if (!ok) process.exitCode = 1;
  } finally {
    await stack.close();
  }
}

/** Holdout checkouts whose step was recorded (suppressed): they are done when the treated are reminded. */
function countHoldoutSteps(s: { holdout: { control: { checkouts: number } } }): number {
  return s.holdout.control.checkouts;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
