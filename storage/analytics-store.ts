// The analytics' aggregations over the event stream, done in SQL (GROUP BY over the cohort's
// records): only a few rows per figure leave the database, whatever the number of checkouts.
// The cohort of a range is the checkouts *started* in it; what happened to them later (orders
// within the attribution window) counts for them. Behind an interface, so a column store could
// answer the same questions for a very large shop.
import { type SQL, sql } from 'drizzle-orm';
import type { LedgerDatabase } from './connect';

export interface AnalyticsQuery {
  from: Date;
  /** Exclusive. */
  to: Date;
  attributionWindowMs: number;
}

/** Per group (holdout or treated) and currency: the figures the summary and the holdout comparison need. */
export interface GroupTotals {
  holdout: boolean;
  currency: string;
  checkouts: number;
  /** Checkouts with at least one reminder sent. */
  reminded: number;
  /** Checkouts with a resume link followed. */
  clicked: number;
  /** Checkouts with any order (before or after reminders). */
  ordered: number;
  orderRevenue: number;
  /** Send-attributed: ordered after a reminder, within the window after the last one before the order. */
  recovered: number;
  recoveredRevenue: number;
  /** Click-attributed: ordered after a resume link was followed, within the window after the last click. */
  clickRecovered: number;
  clickRecoveredRevenue: number;
}

/** Treated checkouts only: what each step (or channel) sent, got clicked and got credited. */
export interface CreditRow {
  key: string;
  currency: string;
  sent: number;
  clicked: number;
  recovered: number;
  revenue: number;
}

export interface ReasonRow {
  reason: string;
  checkouts: number;
  recovered: number;
}

/** How many checkouts got this far and no further (0: no checkout event at all, 5: ordered). */
export interface StageRow {
  stage: number;
  checkouts: number;
}

export interface DailyRow extends GroupTotals {
  /** YYYY-MM-DD (UTC) the checkouts started. */
  day: string;
}

export interface RecentRecovery {
  checkoutId: string;
  customerId: string;
  orderedAt: string;
  revenue: number;
  currency: string;
  step: number;
  channel: string;
  clicked: boolean;
}

export interface AnalyticsStore {
  totals(q: AnalyticsQuery): Promise<GroupTotals[]>;
  byStep(q: AnalyticsQuery): Promise<CreditRow[]>;
  byChannel(q: AnalyticsQuery): Promise<CreditRow[]>;
  byReason(q: AnalyticsQuery): Promise<ReasonRow[]>;
  funnel(q: AnalyticsQuery): Promise<StageRow[]>;
  daily(q: AnalyticsQuery): Promise<DailyRow[]>;
  recentRecoveries(q: AnalyticsQuery, limit: number): Promise<RecentRecovery[]>;
}

/** node-postgres and PGlite both answer `execute` with `{ rows }`. */
const rowsOf = <T>(result: unknown): T[] => ((result as { rows?: T[] }).rows ?? []) as T[];

/**
 * One row per checkout of the cohort: its group, currency, abandonment reason, first order, and the
 * reminder (and click) that order is credited to, if any.
 */
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

const GROUP_FIGURES = sql`
  count(*)::int AS checkouts,
  count(*) FILTER (WHERE reminded)::int AS reminded,
  count(*) FILTER (WHERE clicked)::int AS clicked,
  count(*) FILTER (WHERE ordered)::int AS ordered,
  coalesce(sum(revenue) FILTER (WHERE ordered), 0)::float8 AS "orderRevenue",
  count(*) FILTER (WHERE recovered)::int AS recovered,
  coalesce(sum(revenue) FILTER (WHERE recovered), 0)::float8 AS "recoveredRevenue",
  count(*) FILTER (WHERE click_recovered)::int AS "clickRecovered",
  coalesce(sum(revenue) FILTER (WHERE click_recovered), 0)::float8 AS "clickRecoveredRevenue"`;

export class DrizzleAnalyticsStore implements AnalyticsStore {
  constructor(private readonly db: LedgerDatabase) {}

  private async rows<T>(query: SQL): Promise<T[]> {
    return rowsOf<T>(await this.db.execute(query));
  }

  totals(q: AnalyticsQuery): Promise<GroupTotals[]> {
    return this.rows(sql`WITH ${perCheckout(q)}
      SELECT holdout, currency, ${GROUP_FIGURES}
      FROM per GROUP BY holdout, currency ORDER BY holdout, currency`);
  }

  byStep(q: AnalyticsQuery): Promise<CreditRow[]> {
    return this.credit(q, sql`step::text`, sql`credit_step::text`);
  }

  byChannel(q: AnalyticsQuery): Promise<CreditRow[]> {
    return this.credit(q, sql`coalesce(channel, 'unknown')`, sql`credit_channel`);
  }

  /** Sends and clicks of treated checkouts by `key`, beside the recoveries credited by `creditKey`. */
  private credit(q: AnalyticsQuery, key: SQL, creditKey: SQL): Promise<CreditRow[]> {
    return this.rows(sql`WITH ${perCheckout(q)},
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

  byReason(q: AnalyticsQuery): Promise<ReasonRow[]> {
    return this.rows(sql`WITH ${perCheckout(q)}
      SELECT reason, count(*)::int AS checkouts, count(*) FILTER (WHERE recovered)::int AS recovered
      FROM per WHERE NOT holdout GROUP BY reason ORDER BY checkouts DESC, reason`);
  }

  funnel(q: AnalyticsQuery): Promise<StageRow[]> {
    return this.rows(sql`WITH ${perCheckout(q)},
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

  daily(q: AnalyticsQuery): Promise<DailyRow[]> {
    return this.rows(sql`WITH ${perCheckout(q)}
      SELECT to_char(started_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, holdout, currency, ${GROUP_FIGURES}
      FROM per GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`);
  }

  recentRecoveries(q: AnalyticsQuery, limit: number): Promise<RecentRecovery[]> {
    return this.rows(sql`WITH ${perCheckout(q)}
      SELECT per.checkout_id AS "checkoutId", s.customer_id AS "customerId",
             to_char(per.ordered_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "orderedAt",
             per.revenue::float8 AS revenue, per.currency, per.credit_step AS step, per.credit_channel AS channel,
             per.click_recovered AS clicked
      FROM per JOIN recovery_events s ON s.id = per.checkout_id || ':started'
      WHERE per.recovered AND NOT per.holdout
      ORDER BY per.ordered_at DESC LIMIT ${limit}`);
  }
}
