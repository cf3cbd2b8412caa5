// The default DiscountCodeIssuer: draws codes itself and keeps them in the send ledger's database
// (table discount_codes, ledger migration 4), one per checkout and step. The shop's checkout
// accepts a code by looking it up here (find) while it has not expired.
import { and, eq } from 'drizzle-orm';
import { drawDiscountCode } from '../activities/discounts/code';
import type { DiscountCodeIssuer, IssueDiscountCodeInput, IssuedDiscountCode } from '../activities/discounts/issuer';
import type { LedgerDatabase } from './connect';
import { type DiscountCodeRow, discountCodes } from './schema';

// A drawn code that is already taken (about 1 in 2^59 per code issued) is drawn again; five draws
// in a row colliding means something else is wrong.
const MAX_DRAWS = 5;

export interface StoredDiscountCode extends IssuedDiscountCode {
  checkoutId: string;
  customerId: string;
  step: number;
  createdAt: string;
}

export class LedgerDiscountCodes implements DiscountCodeIssuer {
  constructor(
    private readonly db: LedgerDatabase,
    private readonly draw: () => string = drawDiscountCode,
  ) {}

  async issue(request: IssueDiscountCodeInput): Promise<IssuedDiscountCode> {
    const expiresAt = new Date(request.requestedAt + request.validForMs);
    for (let draw = 0; draw < MAX_DRAWS; draw += 1) {
      // ON CONFLICT DO NOTHING covers both unique keys: a second issue for the same step (waits for
      // a concurrent first one, then inserts nothing) and a drawn code that is already taken.
      const [inserted] = await this.db
        .insert(discountCodes)
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
        .from(discountCodes)
        .where(and(eq(discountCodes.checkoutId, request.checkoutId), eq(discountCodes.step, request.step)));
      if (existing) return issued(existing);
    }
    throw new Error(`no unused discount code after ${MAX_DRAWS} draws`);
  }

  /** A code as the shop's checkout looks it up (case-insensitive, as shoppers type it). */
  async find(code: string): Promise<StoredDiscountCode | undefined> {
    const [row] = await this.db.select().from(discountCodes).where(eq(discountCodes.code, code.trim().toUpperCase()));
    return row && stored(row);
  }
}

const issued = (row: DiscountCodeRow): IssuedDiscountCode => ({
  code: row.code,
  expiresAt: row.expiresAt.toISOString(),
  offer: row.offer,
});

const stored = (row: DiscountCodeRow): StoredDiscountCode => ({
  ...issued(row),
  checkoutId: row.checkoutId,
  customerId: row.customerId,
  step: row.step,
  createdAt: row.createdAt.toISOString(),
});
