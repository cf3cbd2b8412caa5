// The analytics event stream's store: append-only, a retried write is a no-op (the id is derived
// from what the record says). Behind an interface so a column store could serve a very large shop.
import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import type { Channel } from '../common/checkout';
import type { RecordedCheckoutEvent, RecoveryEvent, RecoveryEventType } from '../common/recovery-events';
import { LOCKS_CTE } from './checkout-refresh';
import type { LedgerDatabase } from './connect';
import { recoveryEvents } from './schema';

export interface EventStore {
  /** Appends the records; one whose id is already stored is left as it is. */
  append(events: readonly RecoveryEvent[]): Promise<void>;
  /** One checkout's records in time order (support's view). */
  timeline(checkoutId: string): Promise<RecoveryEvent[]>;
  /** What the API needs to complete a record from earlier ones. */
  facts(checkoutId: string): Promise<CheckoutFacts>;
  /** The channel that delivered a step's reminder, if one did. */
  sentChannel(checkoutId: string, step: number): Promise<Channel | undefined>;
}

export interface CheckoutFacts {
  started?: { customerId: string; currency: string; holdout: boolean };
  /** Reminders sent so far. */
  remindersSent: number;
  /** The checkout events accepted so far, in time order. */
  checkoutEvents: RecordedCheckoutEvent[];
}

type Row = typeof recoveryEvents.$inferInsert;

// The record set's columns, named as the table's: jsonb_to_recordset reads each by name (`at` from ISO text).
const ROW_TYPES = `id text, checkout_id text, customer_id text, type text, at timestamptz, step integer,
  channel text, amount numeric, currency text, holdout boolean, reason text, data jsonb`;
const COLUMNS = 'id, checkout_id, customer_id, type, at, step, channel, amount, currency, holdout, reason, data';

/** The row under the table's column names, as the append's statement reads it. */
function toColumns(e: RecoveryEvent): Record<string, unknown> {
  const { checkoutId, customerId, at, ...rest } = toRow(e);
  return { ...rest, checkout_id: checkoutId, customer_id: customerId ?? '', at };
}

/**
 * The CTEs that append `events` (a statement of their own, or part of a larger one): `given`, the
 * records as rows; `locks`, their checkouts locked in a fixed order; `recorded`, the insert, which
 * waits on the locks, so the locks are held before any row is inserted.
 */
export function appendCtes(events: readonly RecoveryEvent[]): SQL {
  const rows = JSON.stringify(events.map(toColumns));
  return sql`given AS (SELECT * FROM jsonb_to_recordset(${rows}::jsonb) AS r(${sql.raw(ROW_TYPES)})),
    ${sql.raw(LOCKS_CTE)},
    recorded AS (INSERT INTO recovery_events (${sql.raw(COLUMNS)})
      SELECT ${sql.raw(COLUMNS)} FROM given WHERE (SELECT count(*) FROM locks) >= 0
      ON CONFLICT (id) DO NOTHING)`;
}

/** The record as a row: the fields the analytics group by become columns, the whole record is `data`. */
export function toRow(e: RecoveryEvent): Row {
  const { id, checkoutId, customerId, at, ...body } = e;
  const row: Row = { id, checkoutId, customerId, type: e.type, at: new Date(at), data: body };
  switch (e.type) {
    case 'checkout_started':
      return { ...row, amount: e.cartValue, currency: e.currency, holdout: e.holdout };
    case 'checkout_event':
      return { ...row, reason: e.reason };
    case 'reminder_sent':
      return { ...row, step: e.step, channel: e.channel, reason: e.abandonReason ?? null };
    case 'reminder_suppressed':
    case 'reminder_failed':
    case 'reminder_delayed':
      return { ...row, step: e.step, channel: e.channel, reason: e.reason };
    case 'link_clicked':
      return { ...row, step: e.step, channel: e.channel ?? null };
    case 'ordered':
      return { ...row, step: e.afterStep, amount: e.total ?? null, currency: e.currency ?? null };
    case 'closed':
      return { ...row, reason: e.state };
    default:
      return row;
  }
}

export class DrizzleEventStore implements EventStore {
  constructor(private readonly db: LedgerDatabase) {}

  /**
   * One statement, one round trip: the touched checkouts' locks (in a fixed order), then the records.
   * The fact rows (and rollups) of the checkouts that got a new record are refreshed by the insert's
   * trigger (migration 24, checkout-refresh.ts) in the statement's own transaction; a replayed id
   * inserts nothing and so changes no figure. The locks are taken before any row is inserted (the
   * insert waits on them), as the builds that locked in a transaction of their own did: a concurrent
   * append to one of these checkouts (from a pod of either build) commits before this one inserts,
   * so neither waits for the other's record while holding a lock the other needs.
   */
  async append(events: readonly RecoveryEvent[]): Promise<void> {
    if (events.length === 0) return;
    await this.db.execute(sql`WITH ${appendCtes(events)} SELECT 1`);
  }

  async timeline(checkoutId: string): Promise<RecoveryEvent[]> {
    const rows = await this.db
      .select()
      .from(recoveryEvents)
      .where(eq(recoveryEvents.checkoutId, checkoutId))
      .orderBy(asc(recoveryEvents.at), asc(recoveryEvents.seq));
    return rows.map(
      (r) =>
        ({
          id: r.id,
          checkoutId: r.checkoutId,
          customerId: r.customerId,
          at: r.at.toISOString(),
          ...r.data,
          type: r.type as RecoveryEventType,
        }) as RecoveryEvent,
    );
  }

  async facts(checkoutId: string): Promise<CheckoutFacts> {
    const rows = await this.db
      .select({
        type: recoveryEvents.type,
        at: recoveryEvents.at,
        customerId: recoveryEvents.customerId,
        currency: recoveryEvents.currency,
        holdout: recoveryEvents.holdout,
        data: recoveryEvents.data,
      })
      .from(recoveryEvents)
      .where(
        and(
          eq(recoveryEvents.checkoutId, checkoutId),
          sql`${recoveryEvents.type} IN ('checkout_started', 'reminder_sent', 'checkout_event')`,
        ),
      )
      .orderBy(asc(recoveryEvents.at), asc(recoveryEvents.seq));
    const facts: CheckoutFacts = { remindersSent: 0, checkoutEvents: [] };
    for (const r of rows) {
      if (r.type === 'checkout_started')
        facts.started = { customerId: r.customerId, currency: r.currency ?? '', holdout: r.holdout === true };
      else if (r.type === 'reminder_sent') facts.remindersSent += 1;
      else facts.checkoutEvents.push(r.data.event as RecordedCheckoutEvent);
    }
    return facts;
  }

  async sentChannel(checkoutId: string, step: number): Promise<Channel | undefined> {
    const [row] = await this.db
      .select({ channel: recoveryEvents.channel })
      .from(recoveryEvents)
      .where(
        and(
          eq(recoveryEvents.checkoutId, checkoutId),
          eq(recoveryEvents.type, 'reminder_sent'),
          eq(recoveryEvents.step, step),
        ),
      )
      .limit(1);
    return (row?.channel as Channel | null) ?? undefined;
  }
}
