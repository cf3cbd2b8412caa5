// The upkeep of the analytics tables: one statement recomputes the fact rows of the given checkouts
// from their records and moves the rollups by the difference (new rows' contribution minus old
// rows'). All its parts read one snapshot, so `old_facts` is the rows before the upsert.
//
// It runs in a trigger on recovery_events (migration 24), not in the event store's code: every
// insert keeps the tables in step, whoever writes it — a pod of a build from before migration 15
// still running during a rolling deploy or after a rollback, a bulk load, a hand-written fix. Upkeep
// in the writer's code cannot reach those writers (they keep appending without it until replaced),
// and a reconcile run after them would have to run periodically and rescan a margin of records to
// catch commits that came late; the trigger costs one function call per INSERT statement beside the
// same refresh statement. What it cannot see is what was written before it existed: the records old
// pods committed while migrations 15-24 ran, which the reconcile (checkout-reconcile.ts) refreshes once.
import { type SQL, sql } from 'drizzle-orm';
import { factRowsSql, upsertFactsSql } from './checkout-facts';
import { applyDeltasSql, contributionsSql } from './checkout-rollups';

// The ids as one array the planner sees as a parameter: `= ANY` of it is an index lookup at any
// table size. `IN (SELECT …)` over a set-returning function was estimated at 100 rows and planned as
// a hash join over sequential scans of recovery_events and checkout_facts while the tables were small
// (a new shop, every bench): a start's refresh grew with every record stored, and planned slower.
const IN_IDS = 'checkout_id = ANY((SELECT ids FROM touched)::text[])';

const REFRESH = `fresh_facts AS (${factRowsSql(IN_IDS)}),
  old_facts AS (SELECT * FROM checkout_facts WHERE ${IN_IDS}),
  new_facts AS (${upsertFactsSql('fresh_facts')} RETURNING *)
  ${applyDeltasSql(`${contributionsSql('new_facts')} UNION ALL ${contributionsSql('old_facts', -1)}`)}`;

/** A checkout's advisory lock key: the append, the reconcile and the trigger take the same ones. */
const lockKey = (id: string) => `hashtextextended('checkout-facts:' || ${id}, 0)`;

/** Locks the given checkouts in a fixed order (the reconcile, before it refreshes). */
export function lockCheckoutsSql(checkoutIds: readonly string[]): SQL {
  const ids = JSON.stringify([...new Set(checkoutIds)].sort());
  return sql`SELECT pg_advisory_xact_lock(k) FROM (
    SELECT DISTINCT ${sql.raw(lockKey('id'))} AS k FROM jsonb_array_elements_text(${ids}::jsonb) id ORDER BY k) keys`;
}

/**
 * The rows' checkouts locked in a fixed order, as a CTE named `locks` over a CTE named `given` that
 * has a `checkout_id` column: a statement that waits on `(SELECT count(*) FROM locks)` before it
 * writes holds the same locks, in the same order, as a transaction that ran lockCheckoutsSql first.
 */
export const LOCKS_CTE = `locks AS (SELECT pg_advisory_xact_lock(k) FROM (
    SELECT DISTINCT ${lockKey('checkout_id')} AS k FROM given ORDER BY k) keys)`;

/** Refreshes the given checkouts' fact rows and rollups; the caller holds their locks. */
export function refreshFactsSql(checkoutIds: readonly string[]): SQL {
  return sql`WITH touched AS (SELECT ARRAY(SELECT jsonb_array_elements_text(${JSON.stringify(checkoutIds)}::jsonb)) AS ids),
  ${sql.raw(REFRESH)}`;
}

export const UPKEEP_TRIGGER = 'recovery_events_facts_upkeep';

/**
 * Migration 24: after each INSERT statement on recovery_events, the checkouts of the rows it inserted
 * (a replayed id under ON CONFLICT DO NOTHING is not among them) are locked in a fixed order and
 * refreshed. Locked after the insert: a concurrent writer's refresh of the same checkout either
 * committed first (this refresh, a new snapshot once the lock is granted, sees its records) or
 * waits for this one to commit. `SET search_path FROM CURRENT`: the tables of the schema it was
 * created in, whatever the inserting session's path.
 */
export const UPKEEP_TRIGGER_STATEMENTS = [
  `CREATE OR REPLACE FUNCTION checkout_facts_upkeep() RETURNS trigger LANGUAGE plpgsql
  SET search_path FROM CURRENT AS $fn$
BEGIN
  PERFORM pg_advisory_xact_lock(k) FROM (SELECT DISTINCT ${lockKey('checkout_id')} AS k FROM recorded ORDER BY k) keys;
  WITH touched AS (SELECT ARRAY(SELECT DISTINCT checkout_id FROM recorded) AS ids),
  ${REFRESH};
  RETURN NULL;
END
$fn$`,
  `DROP TRIGGER IF EXISTS ${UPKEEP_TRIGGER} ON recovery_events`,
  `CREATE TRIGGER ${UPKEEP_TRIGGER} AFTER INSERT ON recovery_events
  REFERENCING NEW TABLE AS recorded FOR EACH STATEMENT EXECUTE FUNCTION checkout_facts_upkeep()`,
];
