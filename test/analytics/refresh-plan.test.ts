// The write path's refresh (every append, a start's `checkout_started` among them) must look up the
// touched checkouts by index whatever the tables hold: a sequential scan makes every start slower
// with every record stored. Checked on the plan, not on a time. On PGlite and on PostgreSQL.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { Client } from 'pg';
import type { RecoveryEvent } from '../../common/recovery-events';
import { refreshFactsSql } from '../../storage/checkout-refresh';
import { connectLedger, type LedgerConnection, type LedgerTarget } from '../../storage/connect';
import { DrizzleEventStore } from '../../storage/event-store';
import { migrate } from '../../storage/migrations';

const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;
// Enough rows that a scan is a real cost; few enough to write in a moment.
const CHECKOUTS = 3_000;

const started = (i: number): RecoveryEvent => ({
  id: `plan-${i}:started`,
  checkoutId: `plan-${i}`,
  customerId: 'c-42',
  at: new Date(Date.UTC(2026, 10, 1, 10, 0, i)).toISOString(),
  type: 'checkout_started',
  cartValue: 59.9,
  currency: 'EUR',
  holdout: false,
});

async function refreshPlan(target: LedgerTarget, schema?: string): Promise<string> {
  const connection = await connectLedger(target);
  try {
    await migrate(connection.db, schema);
    const events = new DrizzleEventStore(connection.db);
    const all = Array.from({ length: CHECKOUTS }, (_, i) => started(i));
    for (let i = 0; i < all.length; i += 500) await events.append(all.slice(i, i + 500));
    await connection.db.execute(sql`ANALYZE`);
    return await explainText(connection, refreshFactsSql(['plan-7']));
  } finally {
    await connection.close();
  }
}

/** EXPLAIN's text of the statement, its parameters written in as literals (EXPLAIN takes none). */
async function explainText(
  connection: LedgerConnection,
  statement: ReturnType<typeof refreshFactsSql>,
): Promise<string> {
  const { sql: text, params } = new PgDialect().sqlToQuery(statement);
  const literal = (v: unknown) => `'${String(v).replaceAll("'", "''")}'`;
  const inlined = text.replace(/\$(\d+)/g, (_, n: string) => literal(params[Number(n) - 1]));
  const result = await connection.db.execute(sql.raw(`EXPLAIN ${inlined}`));
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Record<string, unknown>[];
  return rows.map((r) => String(Object.values(r)[0])).join('\n');
}

function assertIndexLookups(plan: string): void {
  assert.doesNotMatch(plan, /Seq Scan on recovery_events/, plan);
  assert.doesNotMatch(plan, /Seq Scan on checkout_facts/, plan);
}

describe('the fact refresh looks its checkouts up by index', () => {
  test('on in-memory PGlite', async () => {
    assertIndexLookups(await refreshPlan({ kind: 'memory' }));
  });

  describe('on PostgreSQL (TEST_DATABASE_URL)', {
    skip: TEST_DATABASE_URL ? false : 'TEST_DATABASE_URL is not set',
  }, () => {
    const url = TEST_DATABASE_URL ?? '';
    const schema = `refresh_plan_${process.pid}_${Date.now().toString(36)}`;
    after(async () => {
      const client = new Client({ connectionString: url });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
    });
    test('with the records analysed', async () => {
      assertIndexLookups(await refreshPlan({ kind: 'postgres', url, schema }, schema));
    });
  });
});
