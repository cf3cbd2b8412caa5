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

export async function connectLedger(target: LedgerTarget): Promise<LedgerConnection> {
  if (target.kind !== 'postgres') {
    if (target.kind === 'pglite') mkdirSync(target.dir, { recursive: true });
    const client = target.kind === 'pglite' ? new PGlite(target.dir) : new PGlite();
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
