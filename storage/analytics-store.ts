// The analytics' aggregations, done in SQL over the per-checkout fact table (checkout-facts.ts) and
// its daily rollups (checkout-rollups.ts), never over the raw records: only a few rows per figure
// leave the database. The cohort of a range is the checkouts *started* in it; what happened to them
// later (orders within the attribution window) counts for them. The window-independent counts come
// from the rollups' whole days inside the range plus the fact rows of the partial days at its edges;
// the recoveries, which depend on the window, from the fact table's attributable index. Behind an
// interface, so a column store could answer the same questions for a very large shop.
import { type SQL, sql } from 'drizzle-orm';
import { attributable } from './checkout-facts';
import { contributionsSql, ROLLUP_MEASURES, type RollupDim } from './checkout-rollups';
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

const DAY_MS = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

export interface AnalyticsStoreOptions {
  /** false: every figure from the fact table alone (the bench's comparison); default true. */
  rollups?: boolean;
}

/** The range as the rollups' whole UTC days inside it and the partial days left at its edges. */
function split(q: AnalyticsQuery, rollups: boolean): { days?: [string, string]; edges: Array<[string, string]> } {
  const from = q.from.getTime();
  const to = q.to.getTime();
  const firstDay = Math.ceil(from / DAY_MS) * DAY_MS;
  const endDay = Math.floor(to / DAY_MS) * DAY_MS;
  if (!rollups || firstDay >= endDay) return { edges: [[iso(from), iso(to)]] };
  const edges: Array<[string, string]> = [];
  if (from < firstDay) edges.push([iso(from), iso(firstDay)]);
  if (endDay < to) edges.push([iso(endDay), iso(to)]);
  return { days: [iso(firstDay).slice(0, 10), iso(endDay).slice(0, 10)], edges };
}

const MEASURES = ROLLUP_MEASURES.join(', ');

/**
 * `counts`: the window-independent figures of the range's cohort for `dims`, as rows of
 * (day, holdout, currency, dim, key, measures…) to be summed; `att`: the cohort's attributable
 * checkouts with their `recovered` and `click_recovered` decided by the window.
 */
function ctes(q: AnalyticsQuery, rollups: boolean, dims: readonly RollupDim[]): SQL {
  const { days, edges } = split(q, rollups);
  const edgeFilter = sql.join(
    edges.map(([a, b]) => sql`(started_at >= ${a}::timestamptz AND started_at < ${b}::timestamptz)`),
    sql` OR `,
  );
  const dimList = sql.raw(dims.map((d) => `'${d}'`).join(', '));
  const fromRollups = days
    ? sql`SELECT day, holdout, currency, dim, key, ${sql.raw(MEASURES)} FROM checkout_daily_rollups
          WHERE dim IN (${dimList}) AND day >= ${days[0]}::date AND day < ${days[1]}::date
          UNION ALL `
    : sql``;
  const windowSeconds = Math.round(q.attributionWindowMs / 1000);
  return sql`edge_facts AS (
      SELECT * FROM checkout_facts WHERE ${edges.length > 0 ? edgeFilter : sql`false`}
    ),
    ${dims.length > 0 ? sql`counts AS (${fromRollups}${sql.raw(contributionsSql('edge_facts', 1, dims))}),` : sql``}
    att AS (
      SELECT checkout_id, customer_id, started_at, holdout, currency, reason, revenue, ordered_at,
             credit_step, credit_channel,
             (credit_at IS NOT NULL AND ordered_at <= credit_at + make_interval(secs => ${windowSeconds})) AS recovered,
             (click_at IS NOT NULL AND ordered_at <= click_at + make_interval(secs => ${windowSeconds})) AS click_recovered
      FROM checkout_facts f
      WHERE f.started_at >= ${q.from.toISOString()}::timestamptz AND f.started_at < ${q.to.toISOString()}::timestamptz
        AND ${sql.raw(attributable('f'))}
    )`;
}

const RECOVERY_FIGURES = sql`
  count(*) FILTER (WHERE recovered)::int AS recovered,
  coalesce(sum(revenue) FILTER (WHERE recovered), 0)::float8 AS "recoveredRevenue",
  count(*) FILTER (WHERE click_recovered)::int AS "clickRecovered",
  coalesce(sum(revenue) FILTER (WHERE click_recovered), 0)::float8 AS "clickRecoveredRevenue"`;

const COUNT_FIGURES = sql`
  sum(checkouts)::int AS checkouts, sum(reminded)::int AS reminded, sum(clicked)::int AS clicked,
  sum(ordered)::int AS ordered, sum(order_revenue)::float8 AS "orderRevenue"`;

const GROUP_COLUMNS = sql`c.checkouts, c.reminded, c.clicked, c.ordered, c."orderRevenue",
  coalesce(r.recovered, 0) AS recovered, coalesce(r."recoveredRevenue", 0) AS "recoveredRevenue",
  coalesce(r."clickRecovered", 0) AS "clickRecovered", coalesce(r."clickRecoveredRevenue", 0) AS "clickRecoveredRevenue"`;

export class DrizzleAnalyticsStore implements AnalyticsStore {
  private readonly rollups: boolean;

  constructor(
    private readonly db: LedgerDatabase,
    options: AnalyticsStoreOptions = {},
  ) {
    this.rollups = options.rollups ?? true;
  }

  private async rows<T>(query: SQL): Promise<T[]> {
    return rowsOf<T>(await this.db.execute(query));
  }

  private with(q: AnalyticsQuery, dims: readonly RollupDim[]): SQL {
    return ctes(q, this.rollups, dims);
  }

  totals(q: AnalyticsQuery): Promise<GroupTotals[]> {
    return this.rows(sql`WITH ${this.with(q, ['all'])},
      c AS (SELECT holdout, currency, ${COUNT_FIGURES} FROM counts GROUP BY 1, 2),
      r AS (SELECT holdout, currency, ${RECOVERY_FIGURES} FROM att GROUP BY 1, 2)
      SELECT c.holdout, c.currency, ${GROUP_COLUMNS}
      FROM c LEFT JOIN r USING (holdout, currency) WHERE c.checkouts > 0 ORDER BY c.holdout, c.currency`);
  }

  byStep(q: AnalyticsQuery): Promise<CreditRow[]> {
    return this.credit(q, 'step', sql`credit_step::text`);
  }

  byChannel(q: AnalyticsQuery): Promise<CreditRow[]> {
    return this.credit(q, 'channel', sql`credit_channel`);
  }

  /** Sends and clicks of treated checkouts by step or channel, beside the recoveries credited to each. */
  private credit(q: AnalyticsQuery, dim: 'step' | 'channel', creditKey: SQL): Promise<CreditRow[]> {
    return this.rows(sql`WITH ${this.with(q, [dim])},
      sends AS (
        SELECT key, currency, sum(sent)::int AS sent, sum(clicked)::int AS clicked
        FROM counts WHERE NOT holdout GROUP BY 1, 2 HAVING sum(sent) > 0 OR sum(clicked) > 0
      ),
      credited AS (
        SELECT ${creditKey} AS key, currency, count(*)::int AS recovered, sum(revenue)::float8 AS revenue
        FROM att WHERE recovered AND NOT holdout GROUP BY 1, 2
      )
      SELECT key, currency, coalesce(s.sent, 0) AS sent, coalesce(s.clicked, 0) AS clicked,
             coalesce(r.recovered, 0) AS recovered, coalesce(r.revenue, 0) AS revenue
      FROM sends s FULL JOIN credited r USING (key, currency)
      ORDER BY key, currency`);
  }

  byReason(q: AnalyticsQuery): Promise<ReasonRow[]> {
    return this.rows(sql`WITH ${this.with(q, ['reason'])},
      c AS (SELECT key AS reason, sum(checkouts)::int AS checkouts FROM counts WHERE NOT holdout GROUP BY 1),
      r AS (SELECT reason, count(*)::int AS recovered FROM att WHERE recovered AND NOT holdout GROUP BY 1)
      SELECT c.reason, c.checkouts, coalesce(r.recovered, 0) AS recovered
      FROM c LEFT JOIN r USING (reason) WHERE c.checkouts > 0 ORDER BY c.checkouts DESC, c.reason`);
  }

  funnel(q: AnalyticsQuery): Promise<StageRow[]> {
    return this.rows(sql`WITH ${this.with(q, ['stage'])}
      SELECT key::int AS stage, sum(checkouts)::int AS checkouts FROM counts
      GROUP BY key HAVING sum(checkouts) > 0 ORDER BY 1`);
  }

  daily(q: AnalyticsQuery): Promise<DailyRow[]> {
    return this.rows(sql`WITH ${this.with(q, ['all'])},
      c AS (SELECT day, holdout, currency, ${COUNT_FIGURES} FROM counts GROUP BY 1, 2, 3),
      r AS (
        SELECT (started_at AT TIME ZONE 'UTC')::date AS day, holdout, currency, ${RECOVERY_FIGURES}
        FROM att GROUP BY 1, 2, 3
      )
      SELECT to_char(c.day::timestamp, 'YYYY-MM-DD') AS day, c.holdout, c.currency, ${GROUP_COLUMNS}
      FROM c LEFT JOIN r USING (day, holdout, currency) WHERE c.checkouts > 0
      ORDER BY c.day, c.holdout, c.currency`);
  }

  recentRecoveries(q: AnalyticsQuery, limit: number): Promise<RecentRecovery[]> {
    return this.rows(sql`WITH ${this.with(q, [])}
      SELECT checkout_id AS "checkoutId", customer_id AS "customerId",
             to_char(ordered_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "orderedAt",
             revenue::float8 AS revenue, currency, credit_step AS step, credit_channel AS channel,
             click_recovered AS clicked
      FROM att WHERE recovered AND NOT holdout
      ORDER BY ordered_at DESC, checkout_id LIMIT ${limit}`);
  }
}
