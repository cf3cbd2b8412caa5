// The per-checkout fact table (migration 15): one row per checkout holding everything the analytics
// ask of it, derived from that checkout's records in recovery_events. It is never patched field by
// field: every insert into recovery_events recomputes the rows of the checkouts it touched from all
// their records, in the same transaction (migration 24's trigger, checkout-refresh.ts), so records arriving out of order (an order before its send, a send before its
// start) and replayed ids (not inserted, so nothing to recompute) give the same row as a clean
// history. Attribution needs the window, a query-time setting: the row keeps its inputs (the last
// reminder and the last click before the first order), the queries compare them with the window.

/** Where a step of the checkout form ranks in the funnel (0: no checkout event; ordered is 5). */
const STAGE_OF_EVENT = `CASE data->'event'->>'type'
  WHEN 'contact_entered' THEN 1 WHEN 'address_entered' THEN 2 WHEN 'shipping_options_viewed' THEN 3
  WHEN 'payment_method_selected' THEN 4 WHEN 'payment_failed' THEN 4 ELSE 0 END`;

export const FACT_COLUMNS = [
  'checkout_id',
  'customer_id',
  'started_at',
  'holdout',
  'currency',
  'cart_value',
  'reason',
  'stage',
  'sent_steps',
  'sent_channels',
  'click_steps',
  'click_channels',
  'ordered_at',
  'revenue',
  'credit_step',
  'credit_channel',
  'credit_at',
  'click_at',
] as const;

export const CREATE_CHECKOUT_FACTS = `CREATE TABLE IF NOT EXISTS checkout_facts (
  checkout_id text PRIMARY KEY,
  customer_id text NOT NULL DEFAULT '',
  -- NULL until the checkout_started record is in (an order can be recorded first): not in any cohort.
  started_at timestamptz,
  holdout boolean NOT NULL DEFAULT false,
  currency text NOT NULL DEFAULT '',
  cart_value numeric(14, 2) NOT NULL DEFAULT 0,
  -- The abandonment reason of the latest checkout event written ('unknown' without any).
  reason text NOT NULL DEFAULT 'unknown',
  -- The furthest funnel stage reached: 1 contact … 4 payment, 5 ordered.
  stage integer NOT NULL DEFAULT 0,
  -- Each reminder sent (step and channel, in write order), each step and channel whose link was followed.
  sent_steps integer[] NOT NULL DEFAULT '{}',
  sent_channels text[] NOT NULL DEFAULT '{}',
  click_steps integer[] NOT NULL DEFAULT '{}',
  click_channels text[] NOT NULL DEFAULT '{}',
  -- The first order: when, and its total (the cart's value when it had none).
  ordered_at timestamptz,
  revenue numeric(14, 2),
  -- The last reminder sent at or before the first order (the credit) and the last click before it.
  credit_step integer,
  credit_channel text,
  credit_at timestamptz,
  click_at timestamptz
)`;

export const CHECKOUT_FACT_INDEXES = [
  // The cohort of a range (the rollups' edge days and the fact-only path).
  'CREATE INDEX IF NOT EXISTS checkout_facts_started_idx ON checkout_facts (started_at)',
  // Attribution is decided at query time (the window): only ordered checkouts with a reminder or a
  // click before the order can be recovered, a small share; covering, so the scan reads no table.
  `CREATE INDEX IF NOT EXISTS checkout_facts_attributable_idx ON checkout_facts (started_at)
    INCLUDE (checkout_id, customer_id, holdout, currency, reason, revenue, ordered_at, credit_step, credit_channel,
      credit_at, click_at)
    WHERE ${attributable('')}`,
];

/** The partial index's predicate; a query must repeat it to use the index. */
export function attributable(alias: string): string {
  const a = alias ? `${alias}.` : '';
  return `${a}ordered_at IS NOT NULL AND (${a}credit_at IS NOT NULL OR ${a}click_at IS NOT NULL)`;
}

/**
 * The fact rows of the checkouts whose records `eventFilter` selects (a condition on recovery_events;
 * it must select all of a checkout's records or none). One sort by checkout, one pass.
 */
export function factRowsSql(eventFilter: string): string {
  return `SELECT checkout_id,
    coalesce(max(customer_id) FILTER (WHERE type = 'checkout_started'), '') AS customer_id,
    min(at) FILTER (WHERE type = 'checkout_started') AS started_at,
    coalesce(bool_or(holdout) FILTER (WHERE type = 'checkout_started'), false) AS holdout,
    coalesce(max(currency) FILTER (WHERE type = 'checkout_started'), '') AS currency,
    coalesce(max(amount) FILTER (WHERE type = 'checkout_started'), 0) AS cart_value,
    coalesce((array_agg(reason ORDER BY seq DESC) FILTER (WHERE type = 'checkout_event'))[1], 'unknown') AS reason,
    greatest(CASE WHEN bool_or(type = 'ordered') THEN 5 ELSE 0 END,
             coalesce(max(${STAGE_OF_EVENT}) FILTER (WHERE type = 'checkout_event'), 0)) AS stage,
    coalesce(array_agg(step ORDER BY seq) FILTER (WHERE type = 'reminder_sent'), '{}') AS sent_steps,
    coalesce(array_agg(coalesce(channel, 'unknown') ORDER BY seq) FILTER (WHERE type = 'reminder_sent'), '{}') AS sent_channels,
    coalesce(array_agg(DISTINCT step) FILTER (WHERE type = 'link_clicked'), '{}') AS click_steps,
    coalesce(array_agg(DISTINCT coalesce(channel, 'unknown')) FILTER (WHERE type = 'link_clicked'), '{}') AS click_channels,
    min(first_order_at) AS ordered_at,
    coalesce((array_agg(amount ORDER BY at, seq) FILTER (WHERE type = 'ordered'))[1],
             max(amount) FILTER (WHERE type = 'checkout_started'), 0) AS revenue,
    (array_agg(step ORDER BY at DESC, seq DESC) FILTER (WHERE type = 'reminder_sent' AND at <= first_order_at))[1] AS credit_step,
    (array_agg(coalesce(channel, 'unknown') ORDER BY at DESC, seq DESC)
       FILTER (WHERE type = 'reminder_sent' AND at <= first_order_at))[1] AS credit_channel,
    max(at) FILTER (WHERE type = 'reminder_sent' AND at <= first_order_at) AS credit_at,
    max(at) FILTER (WHERE type = 'link_clicked' AND at <= first_order_at) AS click_at
  FROM (
    SELECT checkout_id, customer_id, type, at, step, channel, amount, currency, holdout, reason, seq, data,
           min(at) FILTER (WHERE type = 'ordered') OVER (PARTITION BY checkout_id) AS first_order_at
    FROM recovery_events WHERE ${eventFilter}
  ) e
  GROUP BY checkout_id`;
}

const UPSERT_SET = FACT_COLUMNS.filter((c) => c !== 'checkout_id')
  .map((c) => `${c} = excluded.${c}`)
  .join(', ');

/**
 * Inserts or replaces the fact rows `rows` (a relation with FACT_COLUMNS). `inStartOrder`: written
 * in start order (a backfill), so a range's rows share pages as they do when written live.
 */
export function upsertFactsSql(rows: string, inStartOrder = false): string {
  return `INSERT INTO checkout_facts (${FACT_COLUMNS.join(', ')})
    SELECT ${FACT_COLUMNS.join(', ')} FROM ${rows}${inStartOrder ? ' ORDER BY started_at' : ''}
    ON CONFLICT (checkout_id) DO UPDATE SET ${UPSERT_SET}`;
}
