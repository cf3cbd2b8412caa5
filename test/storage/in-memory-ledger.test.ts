// In-memory databases (tests, benches) start as copies of one empty cluster (storage/connect.ts):
// each must start empty and stay its own, whatever the databases before it wrote, and one left open
// must not keep its process alive, as a fresh one does not.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { connectLedger, type LedgerConnection } from '../../storage/connect';
import { rowsOf } from '../../storage/rows';
import { runToExit } from '../support/run-to-exit';

async function tables(connection: LedgerConnection): Promise<string[]> {
  const result = await connection.db.execute(
    sql`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`,
  );
  return rowsOf<{ table_name: string }>(result).map((r) => r.table_name);
}

test('each in-memory database starts empty, whatever an earlier or open one holds', async () => {
  const first = await connectLedger({ kind: 'memory' });
  try {
    await first.db.execute(sql`CREATE TABLE written_first (n integer)`);
    await first.db.execute(sql`INSERT INTO written_first VALUES (1)`);
    const [second, third] = await Promise.all([connectLedger({ kind: 'memory' }), connectLedger({ kind: 'memory' })]);
    try {
      assert.deepEqual(await tables(second), []);
      await second.db.execute(sql`CREATE TABLE written_second (n integer)`);
      assert.deepEqual(await tables(third), [], 'a database opened beside another does not share its tables');
      assert.deepEqual(await tables(first), ['written_first']);
    } finally {
      await Promise.all([second.close(), third.close()]);
    }
  } finally {
    await first.close();
  }
});

test('a process whose in-memory databases were left open still exits on its own, as with fresh ones', async () => {
  // Killed after 60 s if an open database keeps it running (then no exit code).
  const { code, output } = await runToExit(join(__dirname, 'support', 'leave-open.js'), {}, 60_000);
  assert.equal(output.trim(), 'open');
  assert.equal(code, 0, 'killed after 60 s: an open database kept it running');
});
