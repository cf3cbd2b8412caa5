Object.defineProperty(exports, '__esModule', { value: true });
exports.connectLedger = connectLedger;
// Opens the ledger's database: PostgreSQL (node-postgres) or embedded PostgreSQL (PGlite), both
// behind the same drizzle type so the ledger's queries are written once.
const node_fs_1 = require('node:fs');
const pglite_1 = require('@electric-sql/pglite');
const node_postgres_1 = require('drizzle-orm/node-postgres');
const pglite_2 = require('drizzle-orm/pglite');
const pg_1 = require('pg');
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;
// Sends are one short query each; a handful of connections covers a worker's concurrent activities.
const POOL_SIZE = 5;
async function connectLedger(target) {
  if (target.kind !== 'postgres') {
    if (target.kind === 'pglite') (0, node_fs_1.mkdirSync)(target.dir, { recursive: true });
    const client = target.kind === 'pglite' ? new pglite_1.PGlite(target.dir) : new pglite_1.PGlite();
    return { db: (0, pglite_2.drizzle)({ client }), close: () => client.close() };
  }
  const { schema } = target;
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) {
    throw new Error(`ledger schema "${schema}" must be a lower-case SQL identifier`);
  }
  const pool = new pg_1.Pool({
    connectionString: target.url,
    max: POOL_SIZE,
    // Unqualified names (the migrations' and drizzle's) then resolve in the chosen schema.
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  // An idle connection dropped by the server must not crash the worker; the next query reconnects.
  pool.on('error', () => {});
  const db = (0, node_postgres_1.drizzle)({ client: pool });
  return { db, close: () => pool.end() };
}
//# sourceMappingURL=connect.js.map
