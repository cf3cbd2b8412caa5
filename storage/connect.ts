// Opens the ledger's database: PostgreSQL (node-postgres) or embedded PostgreSQL (PGlite), both
// behind the same drizzle type so the ledger's queries are written once.
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { Pool } from 'pg';

export type LedgerDatabase = PgDatabase<PgQueryResultHKT>;

export type LedgerTarget =
  /** `schema` (created by the migrations if missing) isolates tests or tenants; default is the search_path's, usually public. */
  | { kind: 'postgres'; url: string; schema?: string }
  /** Embedded and persisted in a directory that one process at a time may open. */
  | { kind: 'pglite'; dir: string }
  /** Embedded and gone at close: tests. */
  | { kind: 'memory' };

export interface LedgerConnection {
  db: LedgerDatabase;
  close(): Promise<void>;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;
// Sends are one short query each; a handful of connections covers a worker's concurrent activities.
const POOL_SIZE = 5;

// An in-memory database starts as a copy of one empty cluster per process: PGlite's initdb costs
// about 1.7 s here, loading a copy of its data directory about 0.6 s, and the tests open hundreds.
// The copy is taken before anything is written, so every database starts alike.
let emptyCluster: Promise<Blob> | undefined;
// A copy starts like a cluster that was not shut down, and PostgreSQL's startup-progress timer (a
// Node timer under PGlite) stays armed: a database left open would keep its process from ever
// exiting, where a fresh one does not. With the timer off, a copy behaves like a fresh database.
const COPY_START_PARAMS = [...PGlite.defaultStartParams, '-c', 'log_startup_progress_interval=0'];

async function inMemoryClient(): Promise<PGlite> {
  emptyCluster ??= (async () => {
    const first = new PGlite();
    try {
      await first.waitReady;
      return await first.dumpDataDir('none');
    } finally {
      await first.close();
    }
  })().catch((err: unknown) => {
    emptyCluster = undefined;
    throw err;
  });
  return new PGlite({ loadDataDir: await emptyCluster, startParams: COPY_START_PARAMS });
}

export async function connectLedger(target: LedgerTarget): Promise<LedgerConnection> {
  if (target.kind !== 'postgres') {
    if (target.kind === 'pglite') mkdirSync(target.dir, { recursive: true });
    const client = target.kind === 'pglite' ? new PGlite(target.dir) : await inMemoryClient();
    return { db: drizzlePglite({ client }), close: () => client.close() };
  }
  const { schema } = target;
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) {
    throw new Error(`ledger schema "${schema}" must be a lower-case SQL identifier`);
  }
  const pool = new Pool({
    connectionString: target.url,
    max: POOL_SIZE,
    // Unqualified names (the migrations' and drizzle's) then resolve in the chosen schema.
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  // An idle connection dropped by the server must not crash the worker; the next query reconnects.
  pool.on('error', () => {});
  const db = drizzlePg({ client: pool });
  return { db, close: () => pool.end() };
}
