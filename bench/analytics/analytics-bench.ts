// `npm run bench:analytics` (not part of npm test or npm run bench): event ingest rate and p50/p99
// of every dashboard query over a 30-day range, on synthetic checkouts (about 6-10 records each:
// start, checkout events, reminders, clicks, orders, a 5% holdout). ANALYTICS_BENCH_CHECKOUTS
// (default 2000; the target is 1000000), ANALYTICS_BENCH_RUNS (default 20) per query;
// BENCH_DATABASE_URL for PostgreSQL (a fresh schema), else embedded PGlite in memory.
import { randomUUID } from 'node:crypto';
import type { Channel } from '../../common/checkout';
import { eventIds, type RecoveryEvent } from '../../common/recovery-events';
import type { AnalyticsQuery } from '../../storage/analytics-store';
import { openStores } from '../../storage/send-ledger';
import { distribution } from '../support/percentiles';

const CHECKOUTS = Number(process.env.ANALYTICS_BENCH_CHECKOUTS ?? 2000);
const RUNS = Number(process.env.ANALYTICS_BENCH_RUNS ?? 20);
const BATCH = 1000;
const DAY = 86_400_000;
const START = Date.UTC(2026, 9, 1);

/** A deterministic pseudo-random stream (mulberry32), so runs compare. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function checkout(i: number, rnd: () => number): RecoveryEvent[] {
  const id = `b-${i}`;
  const customerId = `cust-${i % Math.max(1, Math.floor(CHECKOUTS * 0.8))}`;
  const started = START + rnd() * 30 * DAY;
  const at = (ms: number) => new Date(started + ms).toISOString();
  const holdout = rnd() < 0.05;
  const currency = rnd() < 0.8 ? 'EUR' : 'USD';
  const base = { checkoutId: id, customerId };
  const events: RecoveryEvent[] = [
    {
      ...base,
      id: eventIds.started(id),
      at: at(0),
      type: 'checkout_started',
      cartValue: 20 + Math.round(rnd() * 200),
      currency,
      holdout,
    },
    {
      ...base,
      id: `${id}:event:1`,
      at: at(60_000),
      type: 'checkout_event',
      event: { type: 'shipping_options_viewed', at: at(60_000), shippingCost: 4.9 },
      reason: 'shipping_cost',
    },
  ];
  let ordered = rnd() < 0.08 ? 10 * 60_000 : undefined; // before any reminder
  for (const [step, after] of [
    [1, 30 * 60_000],
    [2, DAY],
    [3, 3 * DAY],
  ] as const) {
    if (ordered !== undefined) break;
    const channel: Channel = step === 2 && rnd() < 0.3 ? 'sms' : 'email';
    if (holdout) {
      events.push({
        ...base,
        id: eventIds.reminder(id, step, 'suppressed'),
        at: at(after),
        type: 'reminder_suppressed',
        step,
        channel,
        reason: 'holdout',
      });
    } else {
      events.push({
        ...base,
        id: eventIds.reminder(id, step, 'sent'),
        at: at(after),
        type: 'reminder_sent',
        step,
        channel,
      });
      if (rnd() < 0.1)
        events.push({
          ...base,
          id: `${id}:click:${step}`,
          at: at(after + 600_000),
          type: 'link_clicked',
          step,
          channel,
        });
    }
    if (rnd() < (holdout ? 0.04 : 0.06)) ordered = after + 3_600_000;
  }
  if (ordered !== undefined)
    events.push({
      ...base,
      id: eventIds.order(id, 'o'),
      at: at(ordered),
      type: 'ordered',
      orderId: `o-${randomUUID()}`,
      afterStep: 0,
    });
  return events;
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

async function main(): Promise<void> {
  const url = process.env.BENCH_DATABASE_URL;
  const stores = await openStores(
    url ? { databaseUrl: url, schema: `analytics_bench_${Date.now()}` } : { databaseUrl: undefined, inMemory: true },
  );
  try {
    const rnd = random(42);
    let rows = 0;
    const ingestStarted = performance.now();
    for (let i = 0; i < CHECKOUTS; i += BATCH) {
      const batch = Array.from({ length: Math.min(BATCH, CHECKOUTS - i) }, (_, j) => checkout(i + j, rnd)).flat();
      rows += batch.length;
      for (let k = 0; k < batch.length; k += BATCH) await stores.events.append(batch.slice(k, k + BATCH));
    }
    const ingestMs = performance.now() - ingestStarted;
    console.log(
      `ingest: ${rows} records of ${CHECKOUTS} checkouts in ${Math.round(ingestMs)} ms (${Math.round((rows / ingestMs) * 1000)} records/s)`,
    );
    const q: AnalyticsQuery = { from: new Date(START), to: new Date(START + 30 * DAY), attributionWindowMs: 5 * DAY };
    const a = stores.analytics;
    const queries: Record<string, () => Promise<unknown>> = {
      totals: () => a.totals(q),
      byStep: () => a.byStep(q),
      byChannel: () => a.byChannel(q),
      byReason: () => a.byReason(q),
      funnel: () => a.funnel(q),
      daily: () => a.daily(q),
      recentRecoveries: () => a.recentRecoveries(q, 20),
    };
    for (const [name, run] of Object.entries(queries)) {
      await run(); // warm
      const samples: number[] = [];
      for (let r = 0; r < RUNS; r++) samples.push(await time(run));
      const d = distribution(samples);
      console.log(`${name.padEnd(17)} p50 ${d.p50} ms  p99 ${d.p99} ms  (${d.count} runs)`);
    }
  } finally {
    await stores.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
