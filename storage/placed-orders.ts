// Orders this app placed (one per checkout): the saga's record, read back by the checkout page.
import { eq } from 'drizzle-orm';
import { placedOrders } from './checkout-schema';
import type { LedgerDatabase } from './connect';

export type PlacedOrder = typeof placedOrders.$inferSelect;

export interface PlacedOrders {
  /** Records the order; a second record for the checkout keeps the first. */
  record(order: Omit<PlacedOrder, 'placedAt'>): Promise<PlacedOrder>;
  get(checkoutId: string): Promise<PlacedOrder | undefined>;
}

export class DrizzlePlacedOrders implements PlacedOrders {
  constructor(private readonly db: LedgerDatabase) {}

  async record(order: Omit<PlacedOrder, 'placedAt'>): Promise<PlacedOrder> {
    await this.db.insert(placedOrders).values(order).onConflictDoNothing({ target: placedOrders.checkoutId });
    const kept = await this.get(order.checkoutId);
    if (!kept) throw new Error(`order of ${order.checkoutId} was not recorded`);
    return kept;
  }

  async get(checkoutId: string): Promise<PlacedOrder | undefined> {
    const [row] = await this.db.select().from(placedOrders).where(eq(placedOrders.checkoutId, checkoutId));
    return row;
  }
}
