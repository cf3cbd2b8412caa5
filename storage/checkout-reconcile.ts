// The reconcile of the analytics tables: refreshes, once, the fact rows (and rollups, by difference)
// of every checkout with a record recorded in a window listed in checkout_facts_backlog.
//
// Why it exists: until migration 24's trigger (checkout-refresh.ts), records were kept in the fact
// table by the writer's code, and pods of an older build kept appending without that upkeep while
// migrations 15-24 ran (minutes at a million checkouts, in one transaction) and until they were
// replaced. Migration 15's backfill saw only what was committed when it started, so those
// checkouts' rows and rollups stayed wrong. The trigger covers every insert from the moment it
// exists, so what is left is a closed window: from migration 15's start (less a margin for writes
// that began before it) to migration 24's end, which migration 24 lists here. Running this after the
// migrations closes it; it is re-runnable (a refresh recomputes a row from all its records, and
// the rollups move by the difference, so a second run changes nothing) and runs beside live appends
// (each batch takes its checkouts' advisory locks, as an append does). An operator can list a
// window of their own (INSERT INTO checkout_facts_backlog (since, until) VALUES (...)) and run the
// setup job to have it refreshed.
import { sql } from 'drizzle-orm';
import { lockCheckoutsSql, refreshFactsSql } from './checkout-refresh';
import type { LedgerDatabase } from './connect';
import { rowsOf } from './rows';

export const CREATE_CHECKOUT_FACTS_BACKLOG = `CREATE TABLE IF NOT EXISTS checkout_facts_backlog (
  id bigserial PRIMARY KEY,
  -- Records with recorded_at in [since, until] may lack their fact upkeep.
  since timestamptz NOT NULL,
  until timestamptz NOT NULL,
  noted_at timestamptz NOT NULL DEFAULT now()
)`;

/**
 * Migration 24's window: from migration 15's start less 10 minutes (a write begun before it and
 * committed after its backfill's snapshot) to now, after the trigger was created (its lock waits
 * for the inserts in flight; anything inserted later fires the trigger).
 */
export const NOTE_MIGRATION_WINDOW = `INSERT INTO checkout_facts_backlog (since, until)
  SELECT applied_at - interval '10 minutes', clock_timestamp() FROM send_ledger_migrations WHERE version = 15`;

export interface ReconcileResult {
  /** Windows of the backlog done (and removed). */
  windows: number;
  /** Checkouts refreshed. */
  checkouts: number;
}

/** Checkouts per transaction: each holds its checkouts' locks only for one refresh of this many. */
const BATCH = 500;

export async function reconcileCheckoutFacts(
  db: LedgerDatabase,
  options: { batch?: number } = {},
): Promise<ReconcileResult> {
  const batch = options.batch ?? BATCH;
  const windows = rowsOf<{ id: string }>(
    await db.execute(sql`SELECT id::text AS id FROM checkout_facts_backlog ORDER BY id`),
  );
  let checkouts = 0;
  for (const w of windows) {
    // One pass over the records (a window is rare: a deploy's, an operator's).
    const ids = rowsOf<{ checkout_id: string }>(
      await db.execute(sql`SELECT DISTINCT e.checkout_id FROM recovery_events e, checkout_facts_backlog w
        WHERE w.id = ${w.id}::bigint AND e.recorded_at BETWEEN w.since AND w.until
        ORDER BY e.checkout_id`),
    ).map((r) => r.checkout_id);
    for (let i = 0; i < ids.length; i += batch) {
      const chunk = ids.slice(i, i + batch);
      await db.transaction(async (tx) => {
        await tx.execute(lockCheckoutsSql(chunk));
        await tx.execute(refreshFactsSql(chunk));
      });
    }
    checkouts += ids.length;
    await db.execute(sql`DELETE FROM checkout_facts_backlog WHERE id = ${w.id}::bigint`);
  }
  return { windows: windows.length, checkouts };
}
