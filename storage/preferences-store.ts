// Customer preferences in the ledger's database: read by the API (GET, and each new checkout's
// input) and by the send activities right before a message goes out; written by PUT and by the
// unsubscribe link. An opt-out is one row, so it holds for every checkout, running or later.
import { eq, sql } from 'drizzle-orm';
import type { CustomerConsent } from '../activities/contract';
import type { Channel } from '../common/checkout';
import type { CustomerPreferences, OptOutSource, StoredPreferences } from '../common/customer-preferences';
import type { QuietHours } from '../common/quiet-hours';
import type { LedgerDatabase } from './connect';
import { customerPreferences } from './schema';

export interface PreferenceStore {
  /** Undefined: the customer never set any (defaults apply). */
  get(customerId: string): Promise<StoredPreferences | undefined>;
  /** Replaces the customer's preferences; an opt-out keeps its first time and source. */
  put(customerId: string, preferences: CustomerPreferences): Promise<StoredPreferences>;
  /** Opts the customer out, keeping their other preferences. */
  optOut(customerId: string, source: OptOutSource): Promise<StoredPreferences>;
  /** One round trip to the database (readiness probes); rejects when it does not answer. */
  ping(): Promise<void>;
}

type Row = typeof customerPreferences.$inferSelect;

const quietHoursColumn = (q: QuietHours | null | undefined): string | null =>
  q === undefined ? null : q === null ? 'off' : `${q.start}-${q.end}`;

function quietHoursOf(column: string | null): QuietHours | null | undefined {
  if (column === null) return undefined;
  if (column === 'off') return null;
  const [start = '', end = ''] = column.split('-');
  return { start, end };
}

export function toStored(row: Row): StoredPreferences {
  const quietHours = quietHoursOf(row.quietHours);
  return {
    customerId: row.customerId,
    optedOut: row.optedOut,
    ...(row.channels && { channels: row.channels as Channel[] }),
    ...(quietHours !== undefined && { quietHours }),
    ...(row.timezone && { timezone: row.timezone }),
    updatedAt: row.updatedAt.toISOString(),
    ...(row.optedOutAt && { optedOutAt: row.optedOutAt.toISOString() }),
    ...(row.optOutSource && { optOutSource: row.optOutSource }),
  };
}

export class DrizzlePreferenceStore implements PreferenceStore {
  constructor(private readonly db: LedgerDatabase) {}

  async ping(): Promise<void> {
    await this.db.execute(sql`select 1`);
  }

  async get(customerId: string): Promise<StoredPreferences | undefined> {
    const [row] = await this.db
      .select()
      .from(customerPreferences)
      .where(eq(customerPreferences.customerId, customerId));
    return row && toStored(row);
  }

  async put(customerId: string, p: CustomerPreferences): Promise<StoredPreferences> {
    const values = {
      optedOut: p.optedOut,
      // The first opt-out's time and source stay (consent records); opting back in clears them.
      optedOutAt: p.optedOut ? sql`coalesce(${customerPreferences.optedOutAt}, now())` : null,
      optOutSource: p.optedOut ? sql`coalesce(${customerPreferences.optOutSource}, 'api')` : null,
      channels: p.channels ?? null,
      quietHours: quietHoursColumn(p.quietHours),
      timezone: p.timezone ?? null,
      updatedAt: sql`now()`,
    };
    const [row] = await this.db
      .insert(customerPreferences)
      .values({
        customerId,
        ...values,
        optedOutAt: p.optedOut ? sql`now()` : null,
        optOutSource: p.optedOut ? 'api' : null,
      })
      .onConflictDoUpdate({ target: customerPreferences.customerId, set: values })
      .returning();
    if (!row) throw new Error(`preferences of ${customerId} were not written`);
    return toStored(row);
  }

  async optOut(customerId: string, source: OptOutSource): Promise<StoredPreferences> {
    const [row] = await this.db
      .insert(customerPreferences)
      .values({ customerId, optedOut: true, optedOutAt: sql`now()`, optOutSource: source })
      .onConflictDoUpdate({
        target: customerPreferences.customerId,
        set: {
          optedOut: true,
          optedOutAt: sql`coalesce(${customerPreferences.optedOutAt}, now())`,
          optOutSource: sql`coalesce(${customerPreferences.optOutSource}, ${source})`,
          updatedAt: sql`now()`,
        },
      })
      .returning();
    if (!row) throw new Error(`the opt-out of ${customerId} was not written`);
    return toStored(row);
  }
}

/** The send activities' view of the store: only what decides whether a message may go. */
export function consentFrom(store: PreferenceStore): (customerId: string) => Promise<CustomerConsent | undefined> {
  return async (customerId) => {
    const stored = await store.get(customerId);
    return stored && { optedOut: stored.optedOut, ...(stored.channels && { channels: stored.channels }) };
  };
}
