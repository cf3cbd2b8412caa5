// In-memory databases (tests, benches) start as copies of one empty cluster (storage/connect.ts):
// each must start empty and stay its own, whatever the databases before it wrote.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { connectLedger, type LedgerConnection } from '../../storage/connect';
import { rowsOf } from '../../storage/rows';

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
