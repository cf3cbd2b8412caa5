Object.defineProperty(exports, '__esModule', { value: true });
exports.DrizzlePreferenceStore = void 0;
exports.consentFrom = consentFrom;
// Customer preferences in the ledger's database: read by the API (GET, and each new checkout's
// input) and by the send activities right before a message goes out; written by PUT and by the
// unsubscribe link. An opt-out is one row, so it holds for every checkout, running or later.
const drizzle_orm_1 = require('drizzle-orm');
const schema_1 = require('./schema');
const quietHoursColumn = (q) => (q === undefined ? null : q === null ? 'off' : `${q.start}-${q.end}`);
function quietHoursOf(column) {
  if (column === null) return undefined;
  if (column === 'off') return null;
  const [start = '', end = ''] = column.split('-');
  return { start, end };
}
function toStored(row) {
  const quietHours = quietHoursOf(row.quietHours);
  return {
    customerId: row.customerId,
    optedOut: row.optedOut,
    ...(row.channels && { channels: row.channels }),
    ...(quietHours !== undefined && { quietHours }),
    ...(row.timezone && { timezone: row.timezone }),
    updatedAt: row.updatedAt.toISOString(),
    ...(row.optedOutAt && { optedOutAt: row.optedOutAt.toISOString() }),
    ...(row.optOutSource && { optOutSource: row.optOutSource }),
  };
}
class DrizzlePreferenceStore {
  db;
  constructor(db) {
    this.db = db;
  }
  async ping() {
    await this.db.execute((0, drizzle_orm_1.sql)`select 1`);
  }
  async get(customerId) {
    const [row] = await this.db
      .select()
      .from(schema_1.customerPreferences)
      .where((0, drizzle_orm_1.eq)(schema_1.customerPreferences.customerId, customerId));
    return row && toStored(row);
  }
  async put(customerId, p) {
    const values = {
      optedOut: p.optedOut,
      // The first opt-out's time and source stay (consent records); opting back in clears them.
      optedOutAt: p.optedOut
        ? (0, drizzle_orm_1.sql)`coalesce(${schema_1.customerPreferences.optedOutAt}, now())`
        : null,
      optOutSource: p.optedOut
        ? (0, drizzle_orm_1.sql)`coalesce(${schema_1.customerPreferences.optOutSource}, 'api')`
        : null,
      channels: p.channels ?? null,
      quietHours: quietHoursColumn(p.quietHours),
      timezone: p.timezone ?? null,
      updatedAt: (0, drizzle_orm_1.sql)`now()`,
    };
    const [row] = await this.db
      .insert(schema_1.customerPreferences)
      .values({
        customerId,
        ...values,
        optedOutAt: p.optedOut ? (0, drizzle_orm_1.sql)`now()` : null,
        optOutSource: p.optedOut ? 'api' : null,
      })
      .onConflictDoUpdate({ target: schema_1.customerPreferences.customerId, set: values })
      .returning();
    if (!row) throw new Error(`preferences of ${customerId} were not written`);
    return toStored(row);
  }
  async optOut(customerId, source) {
    const [row] = await this.db
      .insert(schema_1.customerPreferences)
      .values({ customerId, optedOut: true, optedOutAt: (0, drizzle_orm_1.sql)`now()`, optOutSource: source })
      .onConflictDoUpdate({
        target: schema_1.customerPreferences.customerId,
        set: {
          optedOut: true,
          optedOutAt: (0, drizzle_orm_1.sql)`coalesce(${schema_1.customerPreferences.optedOutAt}, now())`,
          optOutSource: (0, drizzle_orm_1.sql)`coalesce(${schema_1.customerPreferences.optOutSource}, ${source})`,
          updatedAt: (0, drizzle_orm_1.sql)`now()`,
        },
      })
      .returning();
    if (!row) throw new Error(`the opt-out of ${customerId} was not written`);
    return toStored(row);
  }
}
exports.DrizzlePreferenceStore = DrizzlePreferenceStore;
/** The send activities' view of the store: only what decides whether a message may go. */
function consentFrom(store) {
  return async (customerId) => {
    const stored = await store.get(customerId);
    return stored && { optedOut: stored.optedOut, ...(stored.channels && { channels: stored.channels }) };
  };
}
//# sourceMappingURL=preferences-store.js.map
