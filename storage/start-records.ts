// A new checkout's record in one statement: POST /checkouts waits on its database once before the
// start. The started record (as the event store appends it, fact upkeep by the trigger), and back
// what the start needs: the customer's stored preferences and the older checkouts nothing has
// stopped. The checkout joins its customer's (customer_checkouts) only once its workflow exists
// (`added`): a start that failed must not be superseded, nor supersede its retry's successor. The
// event store, the preference store and the stop records share this database (openStores).
import { sql } from 'drizzle-orm';
import type { StoredPreferences } from '../common/customer-preferences';
import type { RecoveryEvent } from '../common/recovery-events';
import type { LedgerDatabase } from './connect';
import { appendCtes } from './event-store';
import { toStored } from './preferences-store';
import { rowsOf } from './rows';

export interface StartRecord {
  /** The customer's stored preferences, if they ever set any. */
  preferences?: StoredPreferences;
  /** With `supersede`: the customer's other checkouts recorded before this one and not stopped, oldest first. */
  older: string[];
}

export interface StartRecords {
  /**
   * Records the checkout's `checkout_started` record (a repeated one is a no-op); answers what the
   * start needs (`older` only with `supersede`).
   */
  record(started: RecoveryEvent, options: { supersede: boolean }): Promise<StartRecord>;
  /** The checkout's workflow was created: later checkouts of the customer find it among `older`. */
  added(customerId: string, checkoutId: string): Promise<void>;
}

interface PreferencesJson {
  customer_id: string;
  opted_out: boolean;
  opted_out_at: string | null;
  opt_out_source: 'link' | 'api' | null;
  channels: string[] | null;
  quiet_hours: string | null;
  timezone: string | null;
  updated_at: string;
}

const time = (text: string | null) => (text === null ? null : new Date(text));

export class DrizzleStartRecords implements StartRecords {
  constructor(private readonly db: LedgerDatabase) {}

  async record(started: RecoveryEvent, { supersede }: { supersede: boolean }): Promise<StartRecord> {
    const { checkoutId, customerId } = started;
    // One snapshot for the reads: `older` cannot see this statement's own row (nor needs to), and a
    // concurrent start of the same customer that began later supersedes this one instead.
    const result = await this.db.execute(sql`WITH ${appendCtes([started])}
      SELECT (SELECT row_to_json(p) FROM customer_preferences p WHERE p.customer_id = ${customerId}) AS preferences,
        ARRAY(SELECT c.checkout_id FROM customer_checkouts c
          LEFT JOIN checkout_stops s ON s.checkout_id = c.checkout_id
          WHERE ${supersede} AND c.customer_id = ${customerId} AND c.checkout_id <> ${checkoutId}
            AND c.started_at <= now() AND s.checkout_id IS NULL
          ORDER BY c.started_at) AS older`);
    const [row] = rowsOf<{ preferences: PreferencesJson | null; older: string[] | null }>(result);
    const p = row?.preferences;
    return {
      older: row?.older ?? [],
      ...(p && {
        preferences: toStored({
          customerId: p.customer_id,
          optedOut: p.opted_out,
          optedOutAt: time(p.opted_out_at),
          optOutSource: p.opt_out_source,
          channels: p.channels,
          quietHours: p.quiet_hours,
          timezone: p.timezone,
          updatedAt: new Date(p.updated_at),
        }),
      }),
    };
  }

  async added(customerId: string, checkoutId: string): Promise<void> {
    await this.db.execute(sql`INSERT INTO customer_checkouts (checkout_id, customer_id)
      VALUES (${checkoutId}, ${customerId}) ON CONFLICT (checkout_id) DO NOTHING`);
  }
}
