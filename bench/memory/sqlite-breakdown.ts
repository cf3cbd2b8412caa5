// Where the dev server's SQLite bytes go: every table and index with the bytes of its pages, read
// with SQLite's `dbstat` virtual table through python3's sqlite3 (built with it on Debian and in
// the python.org builds; Node 20's runtime has no SQLite). The visibility indexes are split out:
// SQLite visibility indexes every search-attribute column, while a production cluster keeps
// visibility in its own store, so "per checkout without them" is the figure the 8 KB target is about.
import { spawnSync } from 'node:child_process';

export interface StorageObject {
  /** The table or index. */
  name: string;
  /** The table it belongs to (itself for a table). */
  table: string;
  index: boolean;
  bytes: number;
}

export interface StorageBreakdown {
  objects: StorageObject[];
  /** Bytes of all pages in use (no free pages, no WAL). */
  totalBytes: number;
  /** Bytes of the indexes on the visibility tables. */
  visibilityIndexBytes: number;
}

/** Temporal's SQLite visibility schema: executions_visibility and its search attributes. */
const VISIBILITY_TABLE = /visibility|search_attributes/i;

// Read-only, through the WAL: the dev server keeps writing while this reads a consistent snapshot.
const QUERY = `
import json, sqlite3, sys
db = sqlite3.connect('file:' + sys.argv[1] + '?mode=ro', uri=True)
rows = db.execute("""
  SELECT s.name, COALESCE(m.tbl_name, s.name), COALESCE(m.type, 'table'), SUM(s.pgsize)
  FROM dbstat AS s LEFT JOIN sqlite_master AS m ON m.name = s.name
  GROUP BY s.name""").fetchall()
print(json.dumps(rows))
`;

/** The breakdown of `file`, or the reason it could not be read (no python3, no dbstat). */
export function sqliteBreakdown(file: string): StorageBreakdown | string {
  const run = spawnSync('python3', ['-c', QUERY, file], { encoding: 'utf8', timeout: 120_000 });
  if (run.error) return `python3: ${run.error.message}`;
  if (run.status !== 0) return run.stderr.trim().split('\n').pop() ?? `python3 exited ${run.status}`;
  const rows = JSON.parse(run.stdout) as [string, string, string, number][];
  const objects = rows
    .map(([name, table, type, bytes]) => ({ name, table, index: type === 'index', bytes }))
    .sort((a, b) => b.bytes - a.bytes);
  return {
    objects,
    totalBytes: objects.reduce((sum, o) => sum + o.bytes, 0),
    visibilityIndexBytes: objects
      .filter((o) => o.index && VISIBILITY_TABLE.test(o.table))
      .reduce((sum, o) => sum + o.bytes, 0),
  };
}

export interface TableGrowth {
  table: string;
  /** Growth of the table's own pages per checkout. */
  tableBytes: number;
  /** Growth of its indexes' pages per checkout. */
  indexBytes: number;
}

/** Growth per checkout from `before` to `after`, by table (its indexes summed apart), largest first. */
export function growthPerCheckout(before: StorageBreakdown, after: StorageBreakdown, checkouts: number): TableGrowth[] {
  const byTable = new Map<string, TableGrowth>();
  const add = (objects: StorageObject[], sign: number) => {
    for (const o of objects) {
      const row = byTable.get(o.table) ?? { table: o.table, tableBytes: 0, indexBytes: 0 };
      if (o.index) row.indexBytes += (sign * o.bytes) / checkouts;
      else row.tableBytes += (sign * o.bytes) / checkouts;
      byTable.set(o.table, row);
    }
  };
  add(after.objects, 1);
  add(before.objects, -1);
  return [...byTable.values()]
    .filter((row) => row.tableBytes !== 0 || row.indexBytes !== 0)
    .sort((a, b) => b.tableBytes + b.indexBytes - (a.tableBytes + a.indexBytes));
}
