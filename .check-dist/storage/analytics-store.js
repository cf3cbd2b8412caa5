Object.defineProperty(exports, '__esModule', { value: true });
exports.DrizzleAnalyticsStore = void 0;
// The analytics' aggregations over the event stream, done in SQL (GROUP BY over the cohort's
// records): only a few rows per figure leave the database, whatever the number of checkouts.
// The cohort of a range is the checkouts *started* in it; what happened to them later (orders
// within the attribution window) counts for them. Behind an interface, so a column store could
// answer the same questions for a very large shop.
const drizzle_orm_1 = require('drizzle-orm');
/** node-postgres and PGlite both answer `execute` with `{ rows }`. */
const rowsOf = (result) => result.rows ?? [];
/**
 * One row per checkout of the cohort: its group, currency, abandonment reason, first order, and the
 * reminder (and click) that order is credited to, if any.
 */
function perCheckout(q) {
  const windowSeconds = Math.round(q.attributionWindowMs / 1000);
  return (0, drizzle_orm_1.sql)`
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
const GROUP_FIGURES = (0, drizzle_orm_1.sql)`
  count(*)::int AS checkouts,
  count(*) FILTER (WHERE reminded)::int AS reminded,
  count(*) FILTER (WHERE clicked)::int AS clicked,
  count(*) FILTER (WHERE ordered)::int AS ordered,
  coalesce(sum(revenue) FILTER (WHERE ordered), 0)::float8 AS "orderRevenue",
  count(*) FILTER (WHERE recovered)::int AS recovered,
  coalesce(sum(revenue) FILTER (WHERE recovered), 0)::float8 AS "recoveredRevenue",
  count(*) FILTER (WHERE click_recovered)::int AS "clickRecovered",
  coalesce(sum(revenue) FILTER (WHERE click_recovered), 0)::float8 AS "clickRecoveredRevenue"`;
class DrizzleAnalyticsStore {
  db;
  constructor(db) {
    this.db = db;
  }
  async rows(query) {
    return rowsOf(await this.db.execute(query));
  }
  totals(q) {
    return this.rows((0, drizzle_orm_1.sql)`WITH ${perCheckout(q)}
      SELECT holdout, currency, ${GROUP_FIGURES}
      FROM per GROUP BY holdout, currency ORDER BY holdout, currency`);
  }
  byStep(q) {
    return this.credit(q, (0, drizzle_orm_1.sql)`step::text`, (0, drizzle_orm_1.sql)`credit_step::text`);
  }
  byChannel(q) {
    return this.credit(q, (0, drizzle_orm_1.sql)`coalesce(channel, 'unknown')`, (0, drizzle_orm_1.sql)`credit_channel`);
  }
  /** Sends and clicks of treated checkouts by `key`, beside the recoveries credited by `creditKey`. */
  credit(q, key, creditKey) {
    return this.rows((0, drizzle_orm_1.sql)`WITH ${perCheckout(q)},
      sends AS (
        SELECT ${key} AS key, per.currency, count(*)::int AS sent
        FROM recovery_events e JOIN per USING (checkout_id)
        WHERE e.type = 'reminder_sent' AND NOT per.holdout GROUP BY 1, 2
      ),
      clicks AS (
        SELECT ${key} AS key, per.currency, count(DISTINCT e.checkout_id)::int AS clicked
        FROM recovery_events e JOIN per USING (checkout_id)
        WHERE e.type = 'link_clicked' AND NOT per.holdout GROUP BY 1, 2
      ),
      credited AS (
        SELECT ${creditKey} AS key, currency, count(*)::int AS recovered, sum(revenue)::float8 AS revenue
        FROM per WHERE recovered AND NOT holdout GROUP BY 1, 2
      )
      SELECT key, currency, coalesce(s.sent, 0) AS sent, coalesce(k.clicked, 0) AS clicked,
             coalesce(r.recovered, 0) AS recovered, coalesce(r.revenue, 0) AS revenue
      FROM sends s FULL JOIN clicks k USING (key, currency) FULL JOIN credited r USING (key, currency)
      ORDER BY key, currency`);
  }
  byReason(q) {
    return this.rows((0, drizzle_orm_1.sql)`WITH ${perCheckout(q)}
      SELECT reason, count(*)::int AS checkouts, count(*) FILTER (WHERE recovered)::int AS recovered
      FROM per WHERE NOT holdout GROUP BY reason ORDER BY checkouts DESC, reason`);
  }
  funnel(q) {
    return this.rows((0, drizzle_orm_1.sql)`WITH ${perCheckout(q)},
      reached AS (
        SELECT per.checkout_id, greatest(
          CASE WHEN per.ordered THEN 5 ELSE 0 END,
          coalesce(max(CASE e.data->'event'->>'type'
            WHEN 'contact_entered' THEN 1 WHEN 'address_entered' THEN 2 WHEN 'shipping_options_viewed' THEN 3
            WHEN 'payment_method_selected' THEN 4 WHEN 'payment_failed' THEN 4 ELSE 0 END), 0)) AS stage
        FROM per LEFT JOIN recovery_events e ON e.checkout_id = per.checkout_id AND e.type = 'checkout_event'
        GROUP BY per.checkout_id, per.ordered
      )
      SELECT stage, count(*)::int AS checkouts FROM reached GROUP BY stage ORDER BY stage`);
  }
  daily(q) {
    return this.rows((0, drizzle_orm_1.sql)`WITH ${perCheckout(q)}
      SELECT to_char(started_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, holdout, currency, ${GROUP_FIGURES}
      FROM per GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`);
  }
  recentRecoveries(q, limit) {
    return this.rows((0, drizzle_orm_1.sql)`WITH ${perCheckout(q)}
      SELECT per.checkout_id AS "checkoutId", s.customer_id AS "customerId",
             to_char(per.ordered_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "orderedAt",
             per.revenue::float8 AS revenue, per.currency, per.credit_step AS step, per.credit_channel AS channel,
             per.click_recovered AS clicked
      FROM per JOIN recovery_events s ON s.id = per.checkout_id || ':started'
      WHERE per.recovered AND NOT per.holdout
      ORDER BY per.ordered_at DESC LIMIT ${limit}`);
  }
}
exports.DrizzleAnalyticsStore = DrizzleAnalyticsStore;
//# sourceMappingURL=analytics-store.js.map
