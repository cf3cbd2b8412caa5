// Versioned migrations of the ledger, applied in order at open. Append new versions; never edit
// one that has shipped. Each statement is idempotent on its own as well.
import { sql } from 'drizzle-orm';
import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { CHECKOUT_FACT_INDEXES, CREATE_CHECKOUT_FACTS, factRowsSql, upsertFactsSql } from './checkout-facts';
import { CREATE_CHECKOUT_FACTS_BACKLOG, NOTE_MIGRATION_WINDOW } from './checkout-reconcile';
import { UPKEEP_TRIGGER_STATEMENTS } from './checkout-refresh';
import { applyDeltasSql, CREATE_CHECKOUT_ROLLUPS, contributionsSql } from './checkout-rollups';
import type { LedgerDatabase } from './connect';
import { CREATE_HOLD_CONTACT_FUNCTION } from './contact-hold';

export const MIGRATIONS: ReadonlyArray<{ version: number; name: string; statements: string[] }> = [
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
  // Versions 19-20 and 22 are reserved (checkout, short links).
  {
    version: 15,
    name: 'create checkout_facts (one row per checkout for the analytics), backfilled from recovery_events',
    statements: [
      CREATE_CHECKOUT_FACTS,
      ...CHECKOUT_FACT_INDEXES,
      // An existing ledger gets its figures: every checkout's row from its records (one pass, sorted),
      // written in start order.
      upsertFactsSql(`(${factRowsSql('true')}) rows`, true),
    ],
  },
  {
    version: 16,
    name: 'create checkout_daily_rollups (per start day, group and currency), backfilled from checkout_facts',
    statements: [
      CREATE_CHECKOUT_ROLLUPS,
      'DELETE FROM checkout_daily_rollups',
      applyDeltasSql(contributionsSql('checkout_facts')),
    ],
  },
  {
    version: 17,
    name: 'create the customer vault (saved addresses and payment tokens, sealed with AES-GCM)',
    statements: [
      // `sealed` holds the whole record encrypted (config/encryption/vault-cipher.ts): nothing of
      // the address or the tokens is readable in the database.
      `CREATE TABLE IF NOT EXISTS customer_addresses (
        id text PRIMARY KEY,
        customer_id text NOT NULL,
        sealed text NOT NULL,
        is_default boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now()
      )`,
      'CREATE INDEX IF NOT EXISTS customer_addresses_customer ON customer_addresses (customer_id)',
      `CREATE TABLE IF NOT EXISTS customer_payment_methods (
        id text PRIMARY KEY,
        customer_id text NOT NULL,
        sealed text NOT NULL,
        is_default boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now()
      )`,
      'CREATE INDEX IF NOT EXISTS customer_payment_methods_customer ON customer_payment_methods (customer_id)',
    ],
  },
  {
    version: 18,
    name: 'create inventory (SKU stock, reservations) and placed orders',
    statements: [
      // Only the SKUs listed here are stock-managed; a SKU not in the table is always available.
      `CREATE TABLE IF NOT EXISTS inventory_skus (
        sku text PRIMARY KEY,
        available integer NOT NULL CHECK (available >= 0)
      )`,
      // One row per (order, sku): a retried reservation finds its row and takes nothing twice.
      `CREATE TABLE IF NOT EXISTS stock_reservations (
        reservation_key text NOT NULL,
        sku text NOT NULL,
        quantity integer NOT NULL,
        released boolean NOT NULL DEFAULT false,
        PRIMARY KEY (reservation_key, sku)
      )`,
      `CREATE TABLE IF NOT EXISTS placed_orders (
        checkout_id text PRIMARY KEY,
        order_id text NOT NULL,
        provider text NOT NULL,
        payment_ref text NOT NULL,
        total numeric NOT NULL,
        currency text NOT NULL,
        placed_at timestamptz NOT NULL DEFAULT now()
      )`,
    ],
  },
  {
    version: 21,
    name: 'create short_links (the short /r/<id> resume link of texts)',
    statements: [
      // The signed token itself, so the API checks it as it checks a long link; expires_at for clean-up.
      `CREATE TABLE IF NOT EXISTS short_links (
        id text PRIMARY KEY,
        token text NOT NULL,
        expires_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`,
    ],
  },
  {
    version: 23,
    name: 'create customer_checkouts (a start finds the checkouts it supersedes without a visibility query)',
    statements: [
      `CREATE TABLE IF NOT EXISTS customer_checkouts (
        checkout_id text PRIMARY KEY,
        customer_id text NOT NULL,
        started_at timestamptz NOT NULL DEFAULT now()
      )`,
      'CREATE INDEX IF NOT EXISTS customer_checkouts_customer ON customer_checkouts (customer_id)',
    ],
  },
  {
    version: 24,
    name: 'the fact upkeep in a trigger on recovery_events (every writer, any build), the window before it in a backlog',
    statements: [
      // Pods of an older build append without the upkeep while migrations 15-24 run and until they
      // are replaced (or again after a rollback): a trigger keeps the tables in step for every insert
      // from here on (checkout-refresh.ts says why a trigger); the records inserted before it, since
      // migration 15 began, are listed for the reconcile (checkout-reconcile.ts) that the setup job
      // and a worker's setup at boot run. Creating the trigger waits for the inserts in flight and
      // holds later ones until this transaction commits (its last statements: milliseconds).
      CREATE_CHECKOUT_FACTS_BACKLOG,
      ...UPKEEP_TRIGGER_STATEMENTS,
      NOTE_MIGRATION_WINDOW,
    ],
  },
  {
    version: 25,
    name: "the frequency cap's hold as a function (one round trip instead of a five-statement transaction)",
    statements: [CREATE_HOLD_CONTACT_FUNCTION],
  },
];

// Named for this ledger, so another component's migrations table in the same database cannot clash.
const ledgerMigrations = pgTable('send_ledger_migrations', {
  version: integer('version').primaryKey(),
  name: text('name').notNull(),
  appliedAt: timestamp('applied_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * One transaction under an advisory lock: two workers booting together take turns (even
 * `CREATE ... IF NOT EXISTS` fails when two sessions race on it). `schema` must be the one the
 * connection's search_path names.
 */
export async function migrate(db: LedgerDatabase, schema?: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('checkout-recovery.send-ledger.migrations'))`);
    if (schema) await tx.execute(sql`CREATE SCHEMA IF NOT EXISTS ${sql.identifier(schema)}`);
    await tx.execute(sql`CREATE TABLE IF NOT EXISTS send_ledger_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const applied = new Set(
      (await tx.select({ version: ledgerMigrations.version }).from(ledgerMigrations)).map((r) => r.version),
    );
    for (const migration of MIGRATIONS) {
      if (applied.has(migration.version)) continue;
      for (const statement of migration.statements) await tx.execute(sql.raw(statement));
      await tx.insert(ledgerMigrations).values({ version: migration.version, name: migration.name });
    }
  });
}

/**
 * The versions not applied yet, without applying them: a worker that leaves the setup to a one-shot
 * job (WORKER_SETUP_AT_BOOT=false) checks with this and refuses to serve an old schema.
 */
export async function pendingMigrations(db: LedgerDatabase): Promise<number[]> {
  let applied: Set<number>;
  try {
    applied = new Set(
      (await db.select({ version: ledgerMigrations.version }).from(ledgerMigrations)).map((r) => r.version),
    );
  } catch {
    applied = new Set(); // no migrations table: nothing applied yet
  }
  return MIGRATIONS.map((m) => m.version).filter((v) => !applied.has(v));
}

/** Throws, naming the setup command, when the schema lags this build's migrations. */
export async function requireMigrated(db: LedgerDatabase): Promise<void> {
  const pending = await pendingMigrations(db);
  if (pending.length > 0)
    throw new Error(
      `the ledger's database lacks migrations ${pending.join(', ')}: run the setup job (node dist/apps/worker/setup.js) ` +
        'first, or set WORKER_SETUP_AT_BOOT=true',
    );
}
