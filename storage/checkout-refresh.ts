// The write path's upkeep of the analytics tables: one statement recomputes the fact rows of the
// given checkouts from their records and moves the rollups by the difference (new rows' contribution
// minus old rows'). All its parts read one snapshot, so `old_facts` is the rows before the upsert.
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

export function refreshFactsSql(checkoutIds: readonly string[]): SQL {
  return sql`WITH touched AS (SELECT ARRAY(SELECT jsonb_array_elements_text(${JSON.stringify(checkoutIds)}::jsonb)) AS ids),
  ${sql.raw(REFRESH)}`;
}
