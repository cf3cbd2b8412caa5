// The per-checkout fact table and its daily rollups, kept by the event store's write path: whatever
// order the records arrive in, however often one is replayed, and whether they were written before
// the table existed (the migration's backfill), the analytics give the seeded history's known answers.
// On embedded PGlite and on PostgreSQL (TEST_DATABASE_URL).
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { Client } from 'pg';
import type { RecoveryEvent } from '../../common/recovery-events';
import {
  type AnalyticsQuery,
  type CreditRow,
  type DailyRow,
  DrizzleAnalyticsStore,
  type GroupTotals,
  type ReasonRow,
  type RecentRecovery,
  type StageRow,
} from '../../storage/analytics-store';
import { reconcileCheckoutFacts } from '../../storage/checkout-reconcile';
import { UPKEEP_TRIGGER } from '../../storage/checkout-refresh';
import { connectLedger, type LedgerConnection, type LedgerDatabase, type LedgerTarget } from '../../storage/connect';
import { DrizzleEventStore, toRow } from '../../storage/event-store';
import { migrate } from '../../storage/migrations';
import { rowsOf } from '../../storage/rows';
import { recoveryEvents } from '../../storage/schema';
import { queriesDuring } from '../support/postgres-queries';
import { seedHistory } from './seed';

const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;
const DAY = 86_400_000;
const WINDOW = 5 * DAY;
/** The seeded range (2026-11-01 and -02), whole days: served by the rollups. */
const WHOLE_DAYS: AnalyticsQuery = {
  from: new Date('2026-11-01T00:00:00Z'),
  to: new Date('2026-11-03T00:00:00Z'),
  attributionWindowMs: WINDOW,
};
/** From 09:30 on the 1st to 10:00 on the 2nd: both ends are partial days, read from the fact rows. */
const PARTIAL_DAYS: AnalyticsQuery = {
  from: new Date('2026-11-01T09:30:00Z'),
  to: new Date('2026-11-02T10:00:00Z'),
  attributionWindowMs: WINDOW,
};

interface Figures {
  totals: GroupTotals[];
  byStep: CreditRow[];
  byChannel: CreditRow[];
  byReason: ReasonRow[];
  funnel: StageRow[];
  daily: DailyRow[];
  recent: RecentRecovery[];
}

interface Ledger {
  connection: LedgerConnection;
  schema?: string;
  events: DrizzleEventStore;
  figures(q: AnalyticsQuery, rollups?: boolean): Promise<Figures>;
}

/** Every rollup row with a non-zero measure, in key order. */
async function rollupRows(db: LedgerDatabase): Promise<unknown[]> {
  return rowsOf(
    await db.execute(sql`SELECT day::text, holdout, currency, dim, key, checkouts, reminded, clicked, ordered,
      order_revenue::text, sent FROM checkout_daily_rollups
      WHERE checkouts <> 0 OR reminded <> 0 OR clicked <> 0 OR ordered <> 0 OR order_revenue <> 0 OR sent <> 0
      ORDER BY dim, day, holdout, currency, key`),
  );
}

/** `target`: a fresh, empty database (or schema) each call. */
function behaviour(target: () => { target: LedgerTarget; schema?: string }) {
  const opened: LedgerConnection[] = [];
  after(() => Promise.all(opened.map((c) => c.close())));

  async function open(): Promise<Ledger> {
    const { target: t, schema } = target();
    const connection = await connectLedger(t);
    opened.push(connection);
    await migrate(connection.db, schema);
    const figures = async (q: AnalyticsQuery, rollups = true): Promise<Figures> => {
      const a = new DrizzleAnalyticsStore(connection.db, { rollups });
      return {
        totals: await a.totals(q),
        byStep: await a.byStep(q),
        byChannel: await a.byChannel(q),
        byReason: await a.byReason(q),
        funnel: await a.funnel(q),
        daily: await a.daily(q),
        recent: await a.recentRecoveries(q, 10),
      };
    };
    return { connection, ...(schema ? { schema } : {}), events: new DrizzleEventStore(connection.db), figures };
  }

  const history = seedHistory('f');

  /** The ledger as migration 14 left it: records in recovery_events, no fact rows, rollups, trigger or backlog. */
  async function backToMigration14(ledger: Ledger): Promise<void> {
    const { db } = ledger.connection;
    await db.execute(sql.raw(`DROP TRIGGER ${UPKEEP_TRIGGER} ON recovery_events`));
    await db.execute(sql`DROP FUNCTION checkout_facts_upkeep()`);
    await db.execute(sql`DROP TABLE checkout_facts_backlog`);
    await db.execute(sql`DROP TABLE checkout_facts`);
    await db.execute(sql`DROP TABLE checkout_daily_rollups`);
    await db.execute(sql`DELETE FROM send_ledger_migrations WHERE version IN (15, 16, 24)`);
  }

  test('the history in order gives its known answers, from the rollups and from the fact rows alike', async () => {
    const ledger = await open();
    await ledger.events.append(history);
    const figures = await ledger.figures(WHOLE_DAYS);
    assert.deepEqual(
      figures.totals.map((t) => [t.holdout, t.currency, t.checkouts, t.recovered]),
      [
        [false, 'EUR', 4, 2],
        [false, 'USD', 1, 1],
        [true, 'EUR', 2, 0],
      ],
    );
    assert.deepEqual(figures.funnel, [
      { stage: 1, checkouts: 1 },
      { stage: 5, checkouts: 6 },
    ]);
    assert.deepEqual(await ledger.figures(WHOLE_DAYS, false), figures, 'fact table alone: the same answers');
    assert.deepEqual(
      await ledger.figures(PARTIAL_DAYS),
      await ledger.figures(PARTIAL_DAYS, false),
      'partial edge days from the fact rows',
    );
  });

  test('records arriving in reverse order, one at a time (an order before its send and its start): same figures', async () => {
    const inOrder = await open();
    await inOrder.events.append(history);
    const reversed = await open();
    for (const event of [...history].reverse()) await reversed.events.append([event]);
    assert.deepEqual(await reversed.figures(WHOLE_DAYS), await inOrder.figures(WHOLE_DAYS));
    assert.deepEqual(await reversed.figures(PARTIAL_DAYS), await inOrder.figures(PARTIAL_DAYS));
  });

  test('a replayed record id counts once, alone or in a batch with new records', async () => {
    const once = await open();
    await once.events.append(history);
    const replayed = await open();
    const half = Math.floor(history.length / 2);
    await replayed.events.append(history.slice(0, half));
    await replayed.events.append(history.slice(0, half)); // all replays: nothing changes
    await replayed.events.append(history); // half replays, half new
    for (const event of history) await replayed.events.append([event]);
    assert.deepEqual(await replayed.figures(WHOLE_DAYS), await once.figures(WHOLE_DAYS));
  });

  test('records written before the fact table existed are backfilled by its migrations', async () => {
    const appended = await open();
    await appended.events.append(history);
    const old = await open();
    await backToMigration14(old);
    await old.connection.db.insert(recoveryEvents).values(history.map(toRow));
    await migrate(old.connection.db, old.schema);
    assert.deepEqual(await old.figures(WHOLE_DAYS), await appended.figures(WHOLE_DAYS));
    assert.deepEqual(await old.figures(PARTIAL_DAYS), await appended.figures(PARTIAL_DAYS));
  });

  test('a record inserted straight into recovery_events, as a pod of an older build writes it, is counted', async () => {
    const appended = await open();
    await appended.events.append(history);
    const old = await open();
    const rows = history.map(toRow);
    const half = Math.floor(rows.length / 2);
    // No lock, no upkeep in the writer: one multi-checkout statement, then one record at a time
    // (in reverse: an order before its send and its start), each of the first half replayed.
    await old.connection.db.insert(recoveryEvents).values(rows.slice(0, half));
    for (const row of rows.slice(half).reverse()) await old.connection.db.insert(recoveryEvents).values(row);
    await old.connection.db.insert(recoveryEvents).values(rows.slice(0, half)).onConflictDoNothing();
    assert.deepEqual(await old.figures(WHOLE_DAYS), await appended.figures(WHOLE_DAYS));
    assert.deepEqual(await old.figures(WHOLE_DAYS, false), await appended.figures(WHOLE_DAYS));
    assert.deepEqual(await old.figures(PARTIAL_DAYS), await appended.figures(PARTIAL_DAYS));
  });

  test('records old pods wrote while migrations 15-24 ran are refreshed by the reconcile, once and for all', async () => {
    const appended = await open();
    await appended.events.append(history);
    const old = await open();
    const { db } = old.connection;
    await backToMigration14(old);
    const rows = history.map(toRow);
    const before = rows.filter((_, i) => i % 3 === 0); // before the deploy: migration 15 backfills them
    const during = rows.filter((_, i) => i % 3 !== 0); // committed after its backfill's snapshot, before 24
    await db.insert(recoveryEvents).values(before);
    await migrate(db, old.schema);
    // What an old pod committed while the migration's transaction ran: no trigger yet, no upkeep.
    await db.execute(sql.raw(`ALTER TABLE recovery_events DISABLE TRIGGER ${UPKEEP_TRIGGER}`));
    await db.insert(recoveryEvents).values(during);
    await db.execute(sql.raw(`ALTER TABLE recovery_events ENABLE TRIGGER ${UPKEEP_TRIGGER}`));
    await db.execute(sql`UPDATE recovery_events SET recorded_at = (SELECT until - interval '1 millisecond'
      FROM checkout_facts_backlog) WHERE id IN (SELECT jsonb_array_elements_text(${JSON.stringify(during.map((r) => r.id))}::jsonb))`);
    assert.notDeepEqual(await old.figures(WHOLE_DAYS), await appended.figures(WHOLE_DAYS), 'the defect: missing');

    // The window reaches 10 minutes before migration 15: the records just before it are refreshed too.
    const checkouts = new Set(history.map((e) => e.checkoutId)).size;
    assert.deepEqual(await reconcileCheckoutFacts(db, { batch: 2 }), { windows: 1, checkouts });
    assert.deepEqual(await old.figures(WHOLE_DAYS), await appended.figures(WHOLE_DAYS));
    assert.deepEqual(await old.figures(WHOLE_DAYS, false), await appended.figures(WHOLE_DAYS));
    assert.deepEqual(await old.figures(PARTIAL_DAYS), await appended.figures(PARTIAL_DAYS));

    // Done: the window is gone. Listed again, all of time: refreshed again, nothing moves.
    assert.deepEqual(await reconcileCheckoutFacts(db), { windows: 0, checkouts: 0 });
    await db.execute(sql`INSERT INTO checkout_facts_backlog (since, until) VALUES ('-infinity', 'infinity')`);
    assert.deepEqual(await reconcileCheckoutFacts(db), { windows: 1, checkouts });
    assert.deepEqual(await old.figures(WHOLE_DAYS), await appended.figures(WHOLE_DAYS));
    assert.deepEqual(
      await rollupRows(db),
      await rollupRows(appended.connection.db),
      'the rollups row for row, none moved twice',
    );

    // A run stopped after three checkouts (the setup job's deadline): the next one resumes after them.
    const third = [...new Set(history.map((e) => e.checkoutId))].sort()[2];
    await db.execute(sql`INSERT INTO checkout_facts_backlog (since, until, done_through)
      VALUES ('-infinity', 'infinity', ${third})`);
    assert.deepEqual(await reconcileCheckoutFacts(db, { batch: 1 }), { windows: 1, checkouts: checkouts - 3 });
    assert.deepEqual(await rollupRows(db), await rollupRows(appended.connection.db));
  });

  test('a checkout event written later moves the furthest step reached, whatever its time', async () => {
    const ledger = await open();
    const base = history.filter((e) => e.checkoutId === 'f-7');
    const later: RecoveryEvent = {
      id: 'f-7:event:late',
      checkoutId: 'f-7',
      customerId: 'cust-7',
      at: '2026-11-01T10:01:00.000Z',
      type: 'checkout_event',
      event: { type: 'payment_failed', at: '2026-11-01T10:01:00.000Z' },
      reason: 'payment_failed',
    };
    await ledger.events.append(base);
    await ledger.events.append([later]);
    const a = new DrizzleAnalyticsStore(ledger.connection.db);
    const funnel = await a.funnel(WHOLE_DAYS);
    assert.deepEqual(funnel, [{ stage: 4, checkouts: 1 }], 'the furthest step reached moved to payment');
  });
}

describe('checkout facts on in-memory PGlite', () => {
  behaviour(() => ({ target: { kind: 'memory' } }));
});

describe('checkout facts on PostgreSQL (TEST_DATABASE_URL)', {
  skip: TEST_DATABASE_URL ? false : 'TEST_DATABASE_URL is not set',
}, () => {
  const url = TEST_DATABASE_URL ?? '';
  const prefix = `facts_test_${process.pid}_${Date.now().toString(36)}`;
  let n = 0;
  const schemas: string[] = [];
  after(async () => {
    const client = new Client({ connectionString: url });
    await client.connect();
    for (const s of schemas) await client.query(`DROP SCHEMA IF EXISTS ${s} CASCADE`);
    await client.end();
  });
  // Each database of a scenario in a schema of its own.
  behaviour(() => {
    const schema = `${prefix}_${n++}`;
    schemas.push(schema);
    return { target: { kind: 'postgres', url, schema }, schema };
  });

  test('an append is one statement: locks, records and the upkeep in a single round trip', async () => {
    const schema = `${prefix}_one_trip`;
    schemas.push(schema);
    const connection = await connectLedger({ kind: 'postgres', url, schema });
    try {
      await migrate(connection.db, schema);
      const events = new DrizzleEventStore(connection.db);
      const base = { checkoutId: 'trip-1', customerId: 'cust-trip', at: new Date(Date.UTC(2026, 10, 1)).toISOString() };
      const asked = await queriesDuring(() =>
        events.append([
          { ...base, id: 'trip-1:started', type: 'checkout_started', cartValue: 10, currency: 'EUR', holdout: false },
          { ...base, id: 'trip-1:reminder:1:sent', type: 'reminder_sent', step: 1, channel: 'email' },
        ]),
      );
      assert.equal(asked.length, 1, 'one query reached PostgreSQL');
      const [totals] = await new DrizzleAnalyticsStore(connection.db).totals(WHOLE_DAYS);
      assert.deepEqual(
        { checkouts: totals?.checkouts, reminded: totals?.reminded },
        { checkouts: 1, reminded: 1 },
        "the trigger counted them in the statement's own transaction",
      );
    } finally {
      await connection.close();
    }
  });

  test('concurrent appends to one checkout: its fact row misses none of them', async () => {
    const schema = `${prefix}_concurrent`;
    schemas.push(schema);
    const connection = await connectLedger({ kind: 'postgres', url, schema });
    try {
      await migrate(connection.db, schema);
      const events = new DrizzleEventStore(connection.db);
      const a = new DrizzleAnalyticsStore(connection.db);
      const at = (m: number) => new Date(Date.UTC(2026, 10, 1, 10, m)).toISOString();
      for (let c = 0; c < 10; c++) {
        const checkoutId = `cc-${c}`;
        const base = { checkoutId, customerId: `cust-${c}` };
        await events.append([
          {
            ...base,
            id: `${checkoutId}:started`,
            at: at(0),
            type: 'checkout_started',
            cartValue: 10,
            currency: 'EUR',
            holdout: false,
          },
        ]);
        // Five sends of five steps at once, on separate connections of the pool.
        await Promise.all(
          [1, 2, 3, 4, 5].map((step) =>
            events.append([
              {
                ...base,
                id: `${checkoutId}:reminder:${step}:sent`,
                at: at(step),
                type: 'reminder_sent',
                step,
                channel: 'email',
              },
            ]),
          ),
        );
      }
      const steps = await a.byStep(WHOLE_DAYS);
      assert.deepEqual(
        steps.map((s) => [s.key, s.sent]),
        [
          ['1', 10],
          ['2', 10],
          ['3', 10],
          ['4', 10],
          ['5', 10],
        ],
      );
    } finally {
      await connection.close();
    }
  });

  test("the reconcile beside live appends and old pods' inserts, twice at once: no record missed, none counted twice", async () => {
    const schema = `${prefix}_reconcile`;
    schemas.push(schema);
    const target: LedgerTarget = { kind: 'postgres', url, schema };
    const writer = await connectLedger(target);
    const reconciler = await connectLedger(target);
    try {
      await migrate(writer.db, schema);
      const events = new DrizzleEventStore(writer.db);
      const at = (m: number) => new Date(Date.UTC(2026, 10, 1, 10, m)).toISOString();
      const ids = Array.from({ length: 30 }, (_, c) => `rc-${c}`);
      const base = (c: number) => ({ checkoutId: ids[c] as string, customerId: `cust-${c}` });
      const started = (c: number): RecoveryEvent => ({
        ...base(c),
        id: `${ids[c]}:started`,
        at: at(0),
        type: 'checkout_started',
        cartValue: 10,
        currency: 'EUR',
        holdout: false,
      });
      const sent = (c: number, step: number): RecoveryEvent => ({
        ...base(c),
        id: `${ids[c]}:reminder:${step}:sent`,
        at: at(step),
        type: 'reminder_sent',
        step,
        channel: 'email',
      });
      // The starts and first sends, as old pods wrote them before the trigger existed: no upkeep.
      await writer.db.execute(sql.raw(`ALTER TABLE recovery_events DISABLE TRIGGER ${UPKEEP_TRIGGER}`));
      await writer.db.insert(recoveryEvents).values(ids.flatMap((_, c) => [toRow(started(c)), toRow(sent(c, 1))]));
      await writer.db.execute(sql.raw(`ALTER TABLE recovery_events ENABLE TRIGGER ${UPKEEP_TRIGGER}`));
      await writer.db.execute(sql`INSERT INTO checkout_facts_backlog (since, until) VALUES ('-infinity', 'infinity')`);
      // Two reconciles (two workers booting), new pods' appends and an old pod's inserts, all at once.
      const [first, second] = await Promise.all([
        reconcileCheckoutFacts(reconciler.db, { batch: 4 }),
        reconcileCheckoutFacts(reconciler.db, { batch: 7 }),
        ...ids.map((_, c) => events.append([sent(c, 2), sent(c, 3)])),
        ...ids.map((_, c) => writer.db.insert(recoveryEvents).values(toRow(sent(c, 4)))),
      ]);
      assert.equal(first.checkouts + second.checkouts, ids.length, 'the two runs took turns: each checkout once');
      const a = new DrizzleAnalyticsStore(reconciler.db);
      const steps = (await a.byStep(WHOLE_DAYS)).map((s) => [s.key, s.sent]);
      assert.deepEqual(steps, [
        ['1', 30],
        ['2', 30],
        ['3', 30],
        ['4', 30],
      ]);
      assert.deepEqual(
        await a.byStep(WHOLE_DAYS),
        await new DrizzleAnalyticsStore(reconciler.db, { rollups: false }).byStep(WHOLE_DAYS),
      );
      const totals = await a.totals(WHOLE_DAYS);
      assert.deepEqual(
        totals.map((t) => [t.checkouts, t.reminded]),
        [[30, 30]],
      );
    } finally {
      await writer.close();
      await reconciler.close();
    }
  });
});
