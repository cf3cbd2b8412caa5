// The baseline the bench compares against: the summary's totals as they were computed before the
// fact table (migration 15), joining and aggregating the raw records of the cohort. Kept here only
// to print its time beside the fact-table query's in the same run.
import { type SQL, sql } from 'drizzle-orm';
import type { AnalyticsQuery, GroupTotals } from '../../storage/analytics-store';
import type { LedgerDatabase } from '../../storage/connect';

/** One row per checkout of the cohort, from its raw records (the pre-fact-table query). */
function perCheckout(q: AnalyticsQuery): SQL {
  const windowSeconds = Math.round(q.attributionWindowMs / 1000);
  return sql`
    c AS (
      SELECT checkout_id, at AS started_at, coalesce(holdout, false) AS holdout, coalesce(currency, '') AS currency,
             coalesce(amount, 0) AS cart_value
      FROM recovery_events
      WHERE type = 'checkout_started' AND at >= ${q.from.toISOString()}::timestamptz AND at < ${q.to.toISOString()}::timestamptz
    ),
    o AS (
      SELECT DISTINCT ON (e.checkout_id) e.checkout_id, e.at, coalesce(e.amount, c.cart_value) AS revenue
      FROM recovery_events e JOIN c USING (checkout_id)
      WHERE e.type = 'ordered'
      ORDER BY e.checkout_id, e.at
    ),
    credit AS (
      SELECT DISTINCT ON (o.checkout_id) o.checkout_id, s.step, s.channel, s.at
      FROM o JOIN recovery_events s ON s.checkout_id = o.checkout_id AND s.type = 'reminder_sent' AND s.at <= o.at
      ORDER BY o.checkout_id, s.at DESC
    ),
    click AS (
      SELECT DISTINCT ON (o.checkout_id) o.checkout_id, k.at
      FROM o JOIN recovery_events k ON k.checkout_id = o.checkout_id AND k.type = 'link_clicked' AND k.at <= o.at
      ORDER BY o.checkout_id, k.at DESC
    ),
    reason AS (
      SELECT DISTINCT ON (e.checkout_id) e.checkout_id, e.reason
      FROM recovery_events e JOIN c USING (checkout_id)
      WHERE e.type = 'checkout_event'
      ORDER BY e.checkout_id, e.seq DESC
    ),
    reminded AS (
      SELECT DISTINCT e.checkout_id FROM recovery_events e JOIN c USING (checkout_id) WHERE e.type = 'reminder_sent'
    ),
    clicked AS (
      SELECT DISTINCT e.checkout_id FROM recovery_events e JOIN c USING (checkout_id) WHERE e.type = 'link_clicked'
    ),
    per AS (
      SELECT c.checkout_id, c.started_at, c.holdout, c.currency,
             coalesce(r.reason, 'unknown') AS reason,
             o.at AS ordered_at, o.revenue,
             (o.at IS NOT NULL) AS ordered,
             (cr.at IS NOT NULL AND o.at <= cr.at + make_interval(secs => ${windowSeconds})) AS recovered,
             cr.step AS credit_step, cr.channel AS credit_channel,
             (ck.at IS NOT NULL AND o.at <= ck.at + make_interval(secs => ${windowSeconds})) AS click_recovered,
             (rm.checkout_id IS NOT NULL) AS reminded,
             (cl.checkout_id IS NOT NULL) AS clicked
      FROM c
      LEFT JOIN o USING (checkout_id)
      LEFT JOIN credit cr USING (checkout_id)
      LEFT JOIN click ck USING (checkout_id)
      LEFT JOIN reason r USING (checkout_id)
      LEFT JOIN reminded rm USING (checkout_id)
      LEFT JOIN clicked cl USING (checkout_id)
    )`;
}

export async function rawEventTotals(db: LedgerDatabase, q: AnalyticsQuery): Promise<GroupTotals[]> {
  const result = await db.execute(sql`WITH ${perCheckout(q)}
    SELECT holdout, currency,
      count(*)::int AS checkouts,
      count(*) FILTER (WHERE reminded)::int AS reminded,
      count(*) FILTER (WHERE clicked)::int AS clicked,
      count(*) FILTER (WHERE ordered)::int AS ordered,
      coalesce(sum(revenue) FILTER (WHERE ordered), 0)::float8 AS "orderRevenue",
      count(*) FILTER (WHERE recovered)::int AS recovered,
      coalesce(sum(revenue) FILTER (WHERE recovered), 0)::float8 AS "recoveredRevenue",
      count(*) FILTER (WHERE click_recovered)::int AS "clickRecovered",
      coalesce(sum(revenue) FILTER (WHERE click_recovered), 0)::float8 AS "clickRecoveredRevenue"
    FROM per GROUP BY holdout, currency ORDER BY holdout, currency`);
  return (result as unknown as { rows: GroupTotals[] }).rows;
}
