// `npm run bench:analytics` (not part of npm test or npm run bench): the analytics at the issue's size.
// Synthetic checkouts (about 10 records each: start, 1-4 checkout-form events, activity, up to three
// reminders or their holdout suppressions, clicks, an order, the close; a 5% holdout; two currencies)
// spread over ANALYTICS_BENCH_DAYS (default 30) days.
//   1. The first ANALYTICS_BENCH_BULK checkouts (default 0) bulk-loaded: the same generator's records
//      inserted straight into recovery_events, then the fact rows and rollups built by migrations 15
//      and 16's backfill statements — the same tables the write path produces, in minutes rather than
//      the half hour 10 million appends would take.
//   2. The rest through the real write path (EventStore.append in batches of 1,000 records: the
//      records, the fact rows and the rollups in one transaction), on top of the bulk-loaded tables.
//   3. p50/p99 of every dashboard query over a 30-day range, day-aligned and not (partial edge days come
//      from the fact table), with the rollups and with the fact table alone; and the totals of a 3-day
//      range by the pre-fact-table raw-record query beside the same range by the new one (baseline).
// ANALYTICS_BENCH_CHECKOUTS (default 2000; the issue's target 1000000), ANALYTICS_BENCH_RUNS (default
// 20) per query; BENCH_DATABASE_URL for PostgreSQL (a fresh schema, dropped at the end unless
// ANALYTICS_BENCH_KEEP=1; ANALYTICS_BENCH_REUSE=<schema> runs only the queries on a kept one), else
// embedded PGlite in memory.
import { loadavg } from 'node:os';
import { sql } from 'drizzle-orm';
import type { Channel } from '../../common/checkout';
import type { CheckoutEventType } from '../../common/checkout-events';
import { eventIds, type RecoveryEvent } from '../../common/recovery-events';
import { type AnalyticsQuery, type AnalyticsStore, DrizzleAnalyticsStore } from '../../storage/analytics-store';
import { factRowsSql, upsertFactsSql } from '../../storage/checkout-facts';
import { UPKEEP_TRIGGER } from '../../storage/checkout-refresh';
import { applyDeltasSql, contributionsSql } from '../../storage/checkout-rollups';
import { connectLedger, type LedgerDatabase } from '../../storage/connect';
import { DrizzleEventStore, toRow } from '../../storage/event-store';
import { migrate } from '../../storage/migrations';
import { distribution } from '../support/percentiles';
import { rawEventTotals } from './raw-event-totals';

const CHECKOUTS = Number(process.env.ANALYTICS_BENCH_CHECKOUTS ?? 2000);
const BULK = Number(process.env.ANALYTICS_BENCH_BULK ?? 0);
const RUNS = Number(process.env.ANALYTICS_BENCH_RUNS ?? 20);
const DAYS = Number(process.env.ANALYTICS_BENCH_DAYS ?? 30);
const BATCH = 1000;
const BULK_CHECKOUTS = 5000;
const DAY = 86_400_000;
const START = Date.UTC(2026, 9, 1);
const FORM: CheckoutEventType[] = ['contact_entered', 'address_entered', 'shipping_options_viewed', 'payment_failed'];

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
  const started = START + rnd() * DAYS * DAY;
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
  ];
  const reached = 1 + Math.floor(rnd() * FORM.length);
  for (let k = 0; k < reached; k++) {
    const type = FORM[k] as CheckoutEventType;
    const reason = k < 2 ? 'unknown' : k === 2 ? 'shipping_cost' : 'payment_failed';
    events.push({
      ...base,
      id: `${id}:event:${k}`,
      at: at((k + 1) * 60_000),
      type: 'checkout_event',
      event: { type, at: at((k + 1) * 60_000), ...(type === 'shipping_options_viewed' && { shippingCost: 4.9 }) },
      reason,
    });
  }
  for (const k of [1, 2])
    events.push({ ...base, id: `${id}:activity:${k}`, at: at((5 + k) * 60_000), type: 'activity' });
  let ordered = rnd() < 0.08 ? 10 * 60_000 : undefined; // before any reminder
  let lastAt = 10 * 60_000;
  for (const [step, after] of [
    [1, 30 * 60_000],
    [2, DAY],
    [3, 3 * DAY],
  ] as const) {
    if (ordered !== undefined) break;
    lastAt = after;
    const channel: Channel = step === 2 && rnd() < 0.3 ? 'sms' : 'email';
    const outcome = holdout ? 'suppressed' : 'sent';
    events.push(
      holdout
        ? {
            ...base,
            id: eventIds.reminder(id, step, outcome),
            at: at(after),
            type: 'reminder_suppressed',
            step,
            channel,
            reason: 'holdout',
          }
        : { ...base, id: eventIds.reminder(id, step, outcome), at: at(after), type: 'reminder_sent', step, channel },
    );
    if (!holdout && rnd() < 0.1)
      events.push({ ...base, id: `${id}:click:${step}`, at: at(after + 600_000), type: 'link_clicked', step, channel });
    if (rnd() < (holdout ? 0.04 : 0.06)) ordered = after + 3_600_000;
  }
  if (ordered !== undefined)
    events.push({
      ...base,
      id: eventIds.order(id, 'o'),
      at: at(ordered),
      type: 'ordered',
      orderId: `o-${i}`,
      afterStep: 0,
    });
  events.push({
    ...base,
    id: eventIds.closed(id),
    at: at(ordered ?? lastAt + DAY),
    type: 'closed',
    state: ordered !== undefined ? 'ordered' : 'expired',
  });
  return events;
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

const load = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');

/** Records straight into the table, without the write path's fact upkeep (step 2). */
async function bulkInsert(db: LedgerDatabase, events: RecoveryEvent[]): Promise<void> {
  const rows = events.map((e) => {
    const r = toRow(e);
    return { ...r, at: (r.at as Date).toISOString() };
  });
  await db.execute(sql`INSERT INTO recovery_events (id, checkout_id, customer_id, type, at, step, channel, amount,
      currency, holdout, reason, data)
    SELECT id, "checkoutId", "customerId", type, at, step, channel, amount, currency, holdout, reason, data
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(id text, "checkoutId" text, "customerId" text,
      type text, at timestamptz, step int, channel text, amount numeric, currency text, holdout boolean,
      reason text, data jsonb)
    ON CONFLICT (id) DO NOTHING`);
}

async function measure(name: string, run: () => Promise<unknown>, runs = RUNS): Promise<void> {
  await run(); // warm
  const samples: number[] = [];
  for (let r = 0; r < runs; r++) samples.push(await time(run));
  const d = distribution(samples);
  console.log(
    `  ${name.padEnd(17)} p50 ${String(d.p50).padStart(7)} ms  p99 ${String(d.p99).padStart(7)} ms  (${d.count} runs)`,
  );
}

function queries(a: AnalyticsStore, q: AnalyticsQuery): Record<string, () => Promise<unknown>> {
  return {
    totals: () => a.totals(q),
    byStep: () => a.byStep(q),
    byChannel: () => a.byChannel(q),
    byReason: () => a.byReason(q),
    funnel: () => a.funnel(q),
    daily: () => a.daily(q),
    recentRecoveries: () => a.recentRecoveries(q, 20),
  };
}

/** Step 1: through EventStore.append, batches of BATCH records (a checkout's records may span two). */
async function writePath(events: DrizzleEventStore, from: number, to: number, rnd: () => number): Promise<void> {
  let records = 0;
  const started = performance.now();
  let pending: RecoveryEvent[] = [];
  for (let i = from; i < to; i++) {
    pending.push(...checkout(i, rnd));
    while (pending.length >= BATCH) {
      await events.append(pending.slice(0, BATCH));
      records += BATCH;
      pending = pending.slice(BATCH);
    }
  }
  if (pending.length > 0) await events.append(pending);
  records += pending.length;
  const ms = performance.now() - started;
  console.log(
    `write path (records + fact rows + rollups in one transaction per batch of ${BATCH}): ${records} records of ` +
      `${to - from} checkouts in ${Math.round(ms)} ms = ${Math.round((records / ms) * 1000)} records/s (load ${load()})`,
  );
}

/** Step 2: NOT the write path — records inserted directly, then migrations 15 and 16's backfills. */
async function bulkLoad(db: LedgerDatabase, from: number, to: number, rnd: () => number): Promise<void> {
  let records = 0;
  const t0 = performance.now();
  // Not the write path: without migration 24's upkeep trigger, the backfill statements below build the tables.
  await db.execute(sql.raw(`ALTER TABLE recovery_events DISABLE TRIGGER ${UPKEEP_TRIGGER}`));
  for (let i = from; i < to; ) {
    const chunk: RecoveryEvent[] = [];
    for (let n = 0; n < BULK_CHECKOUTS && i < to; n++) chunk.push(...checkout(i++, rnd));
    for (let k = 0; k < chunk.length; k += 10_000) await bulkInsert(db, chunk.slice(k, k + 10_000));
    records += chunk.length;
  }
  await db.execute(sql.raw(`ALTER TABLE recovery_events ENABLE TRIGGER ${UPKEEP_TRIGGER}`));
  const t1 = performance.now();
  const missing = 'NOT EXISTS (SELECT 1 FROM checkout_facts f WHERE f.checkout_id = recovery_events.checkout_id)';
  await db.execute(sql.raw(upsertFactsSql(`(${factRowsSql(missing)}) rows`, true)));
  const t2 = performance.now();
  await db.execute(sql`DELETE FROM checkout_daily_rollups`);
  await db.execute(sql.raw(applyDeltasSql(contributionsSql('checkout_facts'))));
  const t3 = performance.now();
  for (const table of ['recovery_events', 'checkout_facts', 'checkout_daily_rollups'])
    await db.execute(sql.raw(`VACUUM ANALYZE ${table}`)).catch(() => undefined);
  const t4 = performance.now();
  console.log(
    `bulk load (NOT the write path) of ${to - from} checkouts: ${records} records inserted in ${Math.round(t1 - t0)} ms; ` +
      `fact rows by migration 15's backfill ${Math.round(t2 - t1)} ms; rollups rebuilt by migration 16's ` +
      `${Math.round(t3 - t2)} ms; VACUUM ANALYZE ${Math.round(t4 - t3)} ms (load ${load()})`,
  );
}

async function main(): Promise<void> {
  const url = process.env.BENCH_DATABASE_URL;
  const reuse = process.env.ANALYTICS_BENCH_REUSE; // a schema a KEEP run left: queries only
  const keep = process.env.ANALYTICS_BENCH_KEEP === '1';
  const schema = reuse ?? `analytics_bench_${Date.now()}`;
  const connection = await connectLedger(url ? { kind: 'postgres', url, schema } : { kind: 'memory' });
  const { db } = connection;
  try {
    await migrate(db, url ? schema : undefined);
    console.log(
      `analytics bench: ${CHECKOUTS} checkouts over ${DAYS} days, ${url ? `PostgreSQL schema ${schema}` : 'PGlite'}`,
    );
    if (!reuse) {
      const rnd = random(42);
      const bulk = Math.min(BULK, CHECKOUTS);
      if (bulk > 0) await bulkLoad(db, 0, bulk, rnd);
      if (bulk < CHECKOUTS) await writePath(new DrizzleEventStore(db), bulk, CHECKOUTS, rnd);
    }
    const counts = await db.execute(sql`SELECT (SELECT count(*) FROM recovery_events)::int AS records,
      (SELECT count(*) FROM checkout_facts)::int AS facts, (SELECT count(*) FROM checkout_daily_rollups)::int AS rollups`);
    console.log(`   tables: ${JSON.stringify((counts as unknown as { rows: unknown[] }).rows[0])}`);

    const withRollups = new DrizzleAnalyticsStore(db);
    const factsOnly = new DrizzleAnalyticsStore(db, { rollups: false });
    const window = 5 * DAY;
    const aligned: AnalyticsQuery = {
      from: new Date(START),
      to: new Date(START + 30 * DAY),
      attributionWindowMs: window,
    };
    const offset: AnalyticsQuery = {
      from: new Date(START + 13.5 * 3_600_000),
      to: new Date(START + 30 * DAY + 13.5 * 3_600_000),
      attributionWindowMs: window,
    };
    // The comparison runs (fact table alone, raw records) are slower: fewer runs, their p99 is a max.
    const few = Math.min(RUNS, 5);
    const runs: Array<[string, AnalyticsStore, AnalyticsQuery, number]> = [
      ['3a. rollups + facts, 30 whole days', withRollups, aligned, RUNS],
      [
        '3b. rollups + facts, 30 days from 13:30 (two partial edge days from the fact table)',
        withRollups,
        offset,
        RUNS,
      ],
      ['3c. fact table alone (no rollups), 30 whole days', factsOnly, aligned, few],
    ];
    for (const [title, store, q, n] of runs) {
      console.log(`${title} (load ${load()}):`);
      for (const [name, run] of Object.entries(queries(store, q))) await measure(name, run, n);
    }
    const small: AnalyticsQuery = { from: new Date(START), to: new Date(START + 3 * DAY), attributionWindowMs: window };
    console.log(`4. baseline, totals over 3 days (load ${load()}):`);
    const newTotals = JSON.stringify(await withRollups.totals(small));
    const oldTotals = JSON.stringify(await rawEventTotals(db, small));
    await measure('raw records', () => rawEventTotals(db, small), Math.min(RUNS, 3));
    await measure('facts+rollups', () => withRollups.totals(small));
    console.log(`   same answer: ${newTotals === oldTotals}`);
  } finally {
    if (url && !keep) await db.execute(sql`DROP SCHEMA ${sql.identifier(schema)} CASCADE`).catch(() => undefined);
    await connection.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
