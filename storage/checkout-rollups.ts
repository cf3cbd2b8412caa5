// Daily rollups of the fact table (migration 16): per start day (UTC) × group × currency, the counts
// that do not depend on the attribution window — checkouts, reminded, clicked, ordered, order
// revenue (dimension 'all'), checkouts per abandonment reason and per funnel stage, reminders sent
// and checkouts clicked per step and per channel. A 30-day dashboard then reads a few thousand rows
// instead of every checkout; the window-dependent figures (recovered) come from the fact table's
// small attributable index. Kept in step on every insert into recovery_events (checkout-refresh.ts):
// it subtracts what the touched checkouts' old fact rows contributed and adds what their new rows do.

export const CREATE_CHECKOUT_ROLLUPS = `CREATE TABLE IF NOT EXISTS checkout_daily_rollups (
  day date NOT NULL,
  holdout boolean NOT NULL,
  currency text NOT NULL,
  -- 'all' (key ''), 'reason', 'stage', 'step' or 'channel'.
  dim text NOT NULL,
  key text NOT NULL,
  checkouts integer NOT NULL DEFAULT 0,
  reminded integer NOT NULL DEFAULT 0,
  clicked integer NOT NULL DEFAULT 0,
  ordered integer NOT NULL DEFAULT 0,
  order_revenue numeric NOT NULL DEFAULT 0,
  sent integer NOT NULL DEFAULT 0,
  PRIMARY KEY (dim, day, holdout, currency, key)
)`;

export const ROLLUP_MEASURES = ['checkouts', 'reminded', 'clicked', 'ordered', 'order_revenue', 'sent'] as const;

export type RollupDim = 'all' | 'reason' | 'stage' | 'step' | 'channel';
const DIMS: readonly RollupDim[] = ['all', 'reason', 'stage', 'step', 'channel'];

/**
 * What the fact rows of `facts` (a relation with the fact columns) contribute to the rollups, one row
 * per (day, holdout, currency, dim, key) before grouping, each measure times `sign` (1 or -1).
 */
export function contributionsSql(facts: string, sign: 1 | -1 = 1, dims: readonly RollupDim[] = DIMS): string {
  const s = sign === 1 ? '' : '-';
  const head = `(f.started_at AT TIME ZONE 'UTC')::date AS day, f.holdout, f.currency`;
  const from = `FROM ${facts} f`;
  const started = 'WHERE f.started_at IS NOT NULL';
  // Every branch names its columns: any of them may come first in the UNION.
  const row = (dim: string, key: string, m: Partial<Record<(typeof ROLLUP_MEASURES)[number], string>>, unnest = '') =>
    `SELECT ${head}, '${dim}'::text AS dim, (${key})::text AS key, ${ROLLUP_MEASURES.map(
      (name) => `(${m[name] ?? '0'})::${name === 'order_revenue' ? 'numeric' : 'int'} AS ${name}`,
    ).join(', ')} ${from}${unnest} ${started}`;
  const one = `${s}1`;
  const branches: Record<RollupDim, string[]> = {
    all: [
      row('all', "''", {
        checkouts: one,
        reminded: `${s}(cardinality(f.sent_steps) > 0)::int`,
        clicked: `${s}(cardinality(f.click_steps) > 0)::int`,
        ordered: `${s}(f.ordered_at IS NOT NULL)::int`,
        order_revenue: `${s}(CASE WHEN f.ordered_at IS NOT NULL THEN f.revenue ELSE 0 END)`,
      }),
    ],
    reason: [row('reason', 'f.reason', { checkouts: one })],
    stage: [row('stage', 'f.stage', { checkouts: one })],
    step: [
      row('step', 'x', { sent: one }, ', unnest(f.sent_steps) x'),
      row('step', 'x', { clicked: one }, ', unnest(f.click_steps) x'),
    ],
    channel: [
      row('channel', 'x', { sent: one }, ', unnest(f.sent_channels) x'),
      row('channel', 'x', { clicked: one }, ', unnest(f.click_channels) x'),
    ],
  };
  return dims.flatMap((d) => branches[d]).join('\n    UNION ALL ');
}

const SUMS = ROLLUP_MEASURES.map((m) => `sum(${m}) AS ${m}`).join(', ');
const ADD = ROLLUP_MEASURES.map((m) => `${m} = checkout_daily_rollups.${m} + excluded.${m}`).join(', ');

/**
 * Adds the contributions `deltas` (a query in contributionsSql's shape) to the rollups. In key
 * order, so two writers updating the same rows lock them in the same order (no deadlock).
 */
export function applyDeltasSql(deltas: string): string {
  return `INSERT INTO checkout_daily_rollups (day, holdout, currency, dim, key, ${ROLLUP_MEASURES.join(', ')})
    SELECT day, holdout, currency, dim, key, ${SUMS} FROM (${deltas}) d
    GROUP BY dim, day, holdout, currency, key
    HAVING ${ROLLUP_MEASURES.map((m) => `sum(${m}) <> 0`).join(' OR ')}
    ORDER BY dim, day, holdout, currency, key
    ON CONFLICT (dim, day, holdout, currency, key) DO UPDATE SET ${ADD}`;
}
