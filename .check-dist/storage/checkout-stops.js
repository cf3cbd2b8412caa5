Object.defineProperty(exports, '__esModule', { value: true });
exports.DrizzleCheckoutStops = void 0;
// Checkouts the API has stopped: written before the workflow is told (the order update or signal,
// a cancel, a supersede), so a send claimed after this write is suppressed by its own claim
// statement (send-ledger.ts) — no history read between the check and the provider call.
const drizzle_orm_1 = require('drizzle-orm');
const schema_1 = require('./schema');
class DrizzleCheckoutStops {
  db;
  constructor(db) {
    this.db = db;
  }
  async markStopped(checkoutId, state) {
    await this.db
      .insert(schema_1.checkoutStops)
      .values({ checkoutId, state })
      .onConflictDoUpdate({
        target: schema_1.checkoutStops.checkoutId,
        // The suppression's reason should say "ordered" when it was an order.
        set: { state, stoppedAt: (0, drizzle_orm_1.sql)`now()` },
        setWhere: (0, drizzle_orm_1.sql)`${schema_1.checkoutStops.state} <> 'ordered'`,
      });
  }
  async get(checkoutId) {
    const [row] = await this.db
      .select({ state: schema_1.checkoutStops.state })
      .from(schema_1.checkoutStops)
      .where((0, drizzle_orm_1.eq)(schema_1.checkoutStops.checkoutId, checkoutId));
    return row?.state;
  }
}
exports.DrizzleCheckoutStops = DrizzleCheckoutStops;
//# sourceMappingURL=checkout-stops.js.map
