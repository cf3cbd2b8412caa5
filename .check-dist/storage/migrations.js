Object.defineProperty(exports, '__esModule', { value: true });
exports.MIGRATIONS = void 0;
exports.migrate = migrate;
exports.pendingMigrations = pendingMigrations;
exports.requireMigrated = requireMigrated;
// Versioned migrations of the ledger, applied in order at open. Append new versions; never edit
// one that has shipped. Each statement is idempotent on its own as well.
const drizzle_orm_1 = require('drizzle-orm');
const pg_core_1 = require('drizzle-orm/pg-core');
exports.MIGRATIONS = [
  {
    version: 1,
    name: 'create sent_messages',
    statements: [
      `CREATE TABLE IF NOT EXISTS sent_messages (
        dedupe_key text PRIMARY KEY,
        checkout_id text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('reminder', 'confirmation')),
        step integer,
        status text NOT NULL CHECK (status IN ('sending', 'sent')),
        message_id text,
        attempts integer NOT NULL DEFAULT 1,
        claimed_at timestamptz,
        sent_at timestamptz
      )`,
      // "What did we send for this checkout?" is the question support asks.
      'CREATE INDEX IF NOT EXISTS sent_messages_checkout_id_idx ON sent_messages (checkout_id)',
    ],
  },
  {
    version: 2,
    name: 'create customer_contacts (frequency cap)',
    statements: [
      `CREATE TABLE IF NOT EXISTS customer_contacts (
        customer_id text NOT NULL,
        checkout_id text NOT NULL,
        sent_at timestamptz,
        held_at timestamptz,
        PRIMARY KEY (customer_id, checkout_id)
      )`,
    ],
  },
  {
    version: 3,
    name: 'create customer_preferences (consent, channels, quiet hours)',
    statements: [
      // quiet_hours: NULL = the shop's, 'off' = none, 'HH:MM-HH:MM' = the customer's own window.
      `CREATE TABLE IF NOT EXISTS customer_preferences (
        customer_id text PRIMARY KEY,
        opted_out boolean NOT NULL DEFAULT false,
        opted_out_at timestamptz,
        opt_out_source text,
        channels text[],
        quiet_hours text,
        timezone text,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`,
    ],
  },
  {
    version: 4,
    name: 'create discount_codes',
    statements: [
      // One code per (checkout, step): a retried or repeated issue finds the code already there.
      `CREATE TABLE IF NOT EXISTS discount_codes (
        code text PRIMARY KEY,
        checkout_id text NOT NULL,
        customer_id text NOT NULL,
        step integer NOT NULL,
        offer jsonb NOT NULL,
        expires_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (checkout_id, step)
      )`,
    ],
  },
  {
    version: 5,
    name: 'sent_messages.channel (SMS rules count texts per checkout)',
    statements: [
      'ALTER TABLE sent_messages ADD COLUMN IF NOT EXISTS channel text',
      // Every message before this migration went out by email.
      "UPDATE sent_messages SET channel = 'email' WHERE channel IS NULL AND status = 'sent'",
    ],
  },
  {
    version: 6,
    name: 'create text_recipients (SMS cap per phone number)',
    statements: [
      // recipient_key: an HMAC of the phone number, never the number itself.
      `CREATE TABLE IF NOT EXISTS text_recipients (
        recipient_key text NOT NULL,
        dedupe_key text NOT NULL,
        reserved_at timestamptz NOT NULL,
        PRIMARY KEY (recipient_key, dedupe_key)
      )`,
    ],
  },
  // Versions 7-12 are taken by work on other branches (short links, events, the checkout vault).
  {
    version: 13,
    name: 'create checkout_stops (the send re-check reads orders here, not in history)',
    statements: [
      // Written by the API before it tells the workflow (order, cancel, supersede); read in the same
      // statement as a send's claim, so no history read stands between the check and the provider.
      `CREATE TABLE IF NOT EXISTS checkout_stops (
        checkout_id text PRIMARY KEY,
        state text NOT NULL,
        stopped_at timestamptz NOT NULL DEFAULT now()
      )`,
    ],
  },
  {
    version: 14,
    name: 'create recovery_events (the analytics event stream)',
    statements: [
      // Append-only: one row per thing that happened, its id derived from it so a retried write is a
      // no-op. The columns the analytics group by are columns; the rest of the record is in data.
      `CREATE TABLE IF NOT EXISTS recovery_events (
        id text PRIMARY KEY,
        checkout_id text NOT NULL,
        customer_id text NOT NULL DEFAULT '',
        type text NOT NULL,
        at timestamptz NOT NULL,
        step integer,
        channel text,
        amount numeric(14, 2),
        currency text,
        holdout boolean,
        reason text,
        data jsonb NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        -- The write order: ties of one time (a reminder and the close it caused) keep it.
        seq bigserial NOT NULL
      )`,
      // The cohort of a date range: checkouts started in it (and so on for each type by time).
      'CREATE INDEX IF NOT EXISTS recovery_events_type_at_idx ON recovery_events (type, at)',
      // Everything else is found from the cohort's checkouts, and the timeline is one checkout's rows.
      'CREATE INDEX IF NOT EXISTS recovery_events_checkout_idx ON recovery_events (checkout_id, type, at)',
    ],
  },
];
// Named for this ledger, so another component's migrations table in the same database cannot clash.
const ledgerMigrations = (0, pg_core_1.pgTable)('send_ledger_migrations', {
  version: (0, pg_core_1.integer)('version').primaryKey(),
  name: (0, pg_core_1.text)('name').notNull(),
  appliedAt: (0, pg_core_1.timestamp)('applied_at', { withTimezone: true }).notNull().defaultNow(),
});
/**
 * One transaction under an advisory lock: two workers booting together take turns (even
 * `CREATE ... IF NOT EXISTS` fails when two sessions race on it). `schema` must be the one the
 * connection's search_path names.
 */
async function migrate(db, schema) {
  await db.transaction(async (tx) => {
    await tx.execute(
      (0, drizzle_orm_1.sql)`SELECT pg_advisory_xact_lock(hashtext('checkout-recovery.send-ledger.migrations'))`,
    );
    if (schema)
      await tx.execute((0, drizzle_orm_1.sql)`CREATE SCHEMA IF NOT EXISTS ${drizzle_orm_1.sql.identifier(schema)}`);
    await tx.execute((0, drizzle_orm_1.sql)`CREATE TABLE IF NOT EXISTS send_ledger_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const applied = new Set(
      (await tx.select({ version: ledgerMigrations.version }).from(ledgerMigrations)).map((r) => r.version),
    );
    for (const migration of exports.MIGRATIONS) {
      if (applied.has(migration.version)) continue;
      for (const statement of migration.statements) await tx.execute(drizzle_orm_1.sql.raw(statement));
      await tx.insert(ledgerMigrations).values({ version: migration.version, name: migration.name });
    }
  });
}
/**
 * The versions not applied yet, without applying them: a worker that leaves the setup to a one-shot
 * job (WORKER_SETUP_AT_BOOT=false) checks with this and refuses to serve an old schema.
 */
async function pendingMigrations(db) {
  let applied;
  try {
    applied = new Set(
      (await db.select({ version: ledgerMigrations.version }).from(ledgerMigrations)).map((r) => r.version),
    );
  } catch {
    applied = new Set(); // no migrations table: nothing applied yet
  }
  return exports.MIGRATIONS.map((m) => m.version).filter((v) => !applied.has(v));
}
/** Throws, naming the setup command, when the schema lags this build's migrations. */
async function requireMigrated(db) {
  const pending = await pendingMigrations(db);
  if (pending.length > 0)
    throw new Error(
      `the ledger's database lacks migrations ${pending.join(', ')}: run the setup job (node dist/apps/worker/setup.js) ` +
        'first, or set WORKER_SETUP_AT_BOOT=true',
    );
}
//# sourceMappingURL=migrations.js.map
