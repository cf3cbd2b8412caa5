Object.defineProperty(exports, '__esModule', { value: true });
exports.LedgerDiscountCodes = void 0;
// The default DiscountCodeIssuer: draws codes itself and keeps them in the send ledger's database
// (table discount_codes, ledger migration 4), one per checkout and step. The shop's checkout
// accepts a code by looking it up here (find) while it has not expired.
const drizzle_orm_1 = require('drizzle-orm');
const code_1 = require('../activities/discounts/code');
const schema_1 = require('./schema');
// A drawn code that is already taken (about 1 in 2^59 per code issued) is drawn again; five draws
// in a row colliding means something else is wrong.
const MAX_DRAWS = 5;
class LedgerDiscountCodes {
  db;
  draw;
  constructor(db, draw = code_1.drawDiscountCode) {
    this.db = db;
    this.draw = draw;
  }
  async issue(request) {
    const expiresAt = new Date(request.requestedAt + request.validForMs);
    for (let draw = 0; draw < MAX_DRAWS; draw += 1) {
      // ON CONFLICT DO NOTHING covers both unique keys: a second issue for the same step (waits for
      // a concurrent first one, then inserts nothing) and a drawn code that is already taken.
      const [inserted] = await this.db
        .insert(schema_1.discountCodes)
        .values({
          code: this.draw(),
          checkoutId: request.checkoutId,
          customerId: request.customerId,
          step: request.step,
          offer: request.offer,
          expiresAt,
        })
        .onConflictDoNothing()
        .returning();
      if (inserted) return issued(inserted);
      const [existing] = await this.db
        .select()
        .from(schema_1.discountCodes)
        .where(
          (0, drizzle_orm_1.and)(
            (0, drizzle_orm_1.eq)(schema_1.discountCodes.checkoutId, request.checkoutId),
            (0, drizzle_orm_1.eq)(schema_1.discountCodes.step, request.step),
          ),
        );
      if (existing) return issued(existing);
    }
    throw new Error(`no unused discount code after ${MAX_DRAWS} draws`);
  }
  /** A code as the shop's checkout looks it up (case-insensitive, as shoppers type it). */
  async find(code) {
    const [row] = await this.db
      .select()
      .from(schema_1.discountCodes)
      .where((0, drizzle_orm_1.eq)(schema_1.discountCodes.code, code.trim().toUpperCase()));
    return row && stored(row);
  }
}
exports.LedgerDiscountCodes = LedgerDiscountCodes;
const issued = (row) => ({
  code: row.code,
  expiresAt: row.expiresAt.toISOString(),
  offer: row.offer,
});
const stored = (row) => ({
  ...issued(row),
  checkoutId: row.checkoutId,
  customerId: row.customerId,
  step: row.step,
  createdAt: row.createdAt.toISOString(),
});
//# sourceMappingURL=discount-codes.js.map
