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
  -- The reconcile's progress: the checkouts up to this id (in "C" order) are refreshed.
  done_through text,
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
  /** Windows of the backlog found, each done (and removed) by this run or a concurrent one. */
  windows: number;
  /** Checkouts this run refreshed. */
  checkouts: number;
}

/** Checkouts per transaction: each holds its checkouts' locks only for one refresh of this many. */
const BATCH = 500;

/** The first of `ids` (sorted in the byte order of `COLLATE "C"`) after `from`; its length if none. */
function firstAfter(ids: readonly string[], from: string): number {
  const key = Buffer.from(from);
  let lo = 0;
  let hi = ids.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (Buffer.compare(Buffer.from(ids[mid] as string), key) > 0) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * Refreshes the checkouts of every window in the backlog, in batches of `batch` checkouts (in id
 * order), each batch one transaction that records its progress in the window's row: a run stopped
 * half-way (the setup job's deadline, a crash) resumes there, and two runs at once (workers booting
 * together) take the batches in turns instead of both doing all of them. The window's row is locked
 * before the checkouts (an append takes only the latter), so no lock cycle.
 */
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
      await db.execute(sql`SELECT DISTINCT e.checkout_id COLLATE "C" AS checkout_id
        FROM recovery_events e, checkout_facts_backlog w
        WHERE w.id = ${w.id}::bigint AND e.recorded_at BETWEEN w.since AND w.until
        ORDER BY 1`),
    ).map((r) => r.checkout_id);
    for (;;) {
      const refreshed = await db.transaction(async (tx) => {
        const [row] = rowsOf<{ done_through: string | null }>(
          await tx.execute(sql`SELECT done_through FROM checkout_facts_backlog WHERE id = ${w.id}::bigint FOR UPDATE`),
        );
        if (!row) return undefined; // done by a concurrent run
        const from = row.done_through;
        const start = from === null ? 0 : firstAfter(ids, from);
        const chunk = ids.slice(start, start + batch);
        if (chunk.length === 0) {
          await tx.execute(sql`DELETE FROM checkout_facts_backlog WHERE id = ${w.id}::bigint`);
          return undefined;
        }
        await tx.execute(lockCheckoutsSql(chunk));
        await tx.execute(refreshFactsSql(chunk));
        await tx.execute(
          sql`UPDATE checkout_facts_backlog SET done_through = ${chunk[chunk.length - 1]} WHERE id = ${w.id}::bigint`,
        );
        return chunk.length;
      });
      if (refreshed === undefined) break;
      checkouts += refreshed;
    }
  }
  return { windows: windows.length, checkouts };
}
