Object.defineProperty(exports, '__esModule', { value: true });
exports.DrizzleEventStore = void 0;
exports.toRow = toRow;
// The analytics event stream's store: append-only, a retried write is a no-op (the id is derived
// from what the record says). Behind an interface so a column store could serve a very large shop.
const drizzle_orm_1 = require('drizzle-orm');
const schema_1 = require('./schema');
/** The record as a row: the fields the analytics group by become columns, the whole record is `data`. */
function toRow(e) {
  const { id, checkoutId, customerId, at, ...body } = e;
  const row = { id, checkoutId, customerId, type: e.type, at: new Date(at), data: body };
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
class DrizzleEventStore {
  db;
  constructor(db) {
    this.db = db;
  }
  async append(events) {
    if (events.length === 0) return;
    await this.db.insert(schema_1.recoveryEvents).values(events.map(toRow)).onConflictDoNothing();
  }
  async timeline(checkoutId) {
    const rows = await this.db
      .select()
      .from(schema_1.recoveryEvents)
      .where((0, drizzle_orm_1.eq)(schema_1.recoveryEvents.checkoutId, checkoutId))
      .orderBy((0, drizzle_orm_1.asc)(schema_1.recoveryEvents.at), (0, drizzle_orm_1.asc)(schema_1.recoveryEvents.seq));
    return rows.map((r) => ({
      id: r.id,
      checkoutId: r.checkoutId,
      customerId: r.customerId,
      at: r.at.toISOString(),
      ...r.data,
      type: r.type,
    }));
  }
  async facts(checkoutId) {
    const rows = await this.db
      .select({
        type: schema_1.recoveryEvents.type,
        at: schema_1.recoveryEvents.at,
        customerId: schema_1.recoveryEvents.customerId,
        currency: schema_1.recoveryEvents.currency,
        holdout: schema_1.recoveryEvents.holdout,
        data: schema_1.recoveryEvents.data,
      })
      .from(schema_1.recoveryEvents)
      .where(
        (0, drizzle_orm_1.and)(
          (0, drizzle_orm_1.eq)(schema_1.recoveryEvents.checkoutId, checkoutId),
          (0,
          drizzle_orm_1.sql)`${schema_1.recoveryEvents.type} IN ('checkout_started', 'reminder_sent', 'checkout_event')`,
        ),
      )
      .orderBy((0, drizzle_orm_1.asc)(schema_1.recoveryEvents.at), (0, drizzle_orm_1.asc)(schema_1.recoveryEvents.seq));
    const facts = { remindersSent: 0, checkoutEvents: [] };
    for (const r of rows) {
      if (r.type === 'checkout_started')
        facts.started = { customerId: r.customerId, currency: r.currency ?? '', holdout: r.holdout === true };
      else if (r.type === 'reminder_sent') facts.remindersSent += 1;
      else facts.checkoutEvents.push(r.data.event);
    }
    return facts;
  }
  async sentChannel(checkoutId, step) {
    const [row] = await this.db
      .select({ channel: schema_1.recoveryEvents.channel })
      .from(schema_1.recoveryEvents)
      .where(
        (0, drizzle_orm_1.and)(
          (0, drizzle_orm_1.eq)(schema_1.recoveryEvents.checkoutId, checkoutId),
          (0, drizzle_orm_1.eq)(schema_1.recoveryEvents.type, 'reminder_sent'),
          (0, drizzle_orm_1.eq)(schema_1.recoveryEvents.step, step),
        ),
      )
      .limit(1);
    return row?.channel ?? undefined;
  }
}
exports.DrizzleEventStore = DrizzleEventStore;
//# sourceMappingURL=event-store.js.map
