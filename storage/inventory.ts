// Stock behind one interface; the default is a table of SKUs in the ledger's database. Reservations
// are keyed by the order (its workflow id), so a retried activity reserves and releases once.
import { and, eq, sql } from 'drizzle-orm';
import { inventorySkus, stockReservations } from './checkout-schema';
import type { LedgerDatabase } from './connect';

export interface StockLine {
  sku: string;
  quantity: number;
}

export type Reservation = { ok: true } | { ok: false; sku: string };

export interface Inventory {
  /** Takes every line or none; the same key again answers as the first time did. */
  reserve(key: string, lines: StockLine[]): Promise<Reservation>;
  /** Gives back what `key` took (no-op when it took nothing or already gave it back). */
  release(key: string): Promise<void>;
}

export class SkuTableInventory implements Inventory {
  constructor(private readonly db: LedgerDatabase) {}

  /** Sets a SKU's stock (the shop's feed, tests). */
  async setStock(sku: string, available: number): Promise<void> {
    await this.db
      .insert(inventorySkus)
      .values({ sku, available })
      .onConflictDoUpdate({ target: inventorySkus.sku, set: { available } });
  }

  async available(sku: string): Promise<number | undefined> {
    const [row] = await this.db.select().from(inventorySkus).where(eq(inventorySkus.sku, sku));
    return row?.available;
  }

  async reserve(key: string, lines: StockLine[]): Promise<Reservation> {
    return this.db
      .transaction(async (tx): Promise<Reservation> => {
        const taken = await tx.select().from(stockReservations).where(eq(stockReservations.reservationKey, key));
        if (taken.length > 0) return { ok: true };
        for (const { sku, quantity } of mergeLines(lines)) {
          const managed = await tx.select().from(inventorySkus).where(eq(inventorySkus.sku, sku));
          if (managed.length > 0) {
            const updated = await tx
              .update(inventorySkus)
              .set({ available: sql`${inventorySkus.available} - ${quantity}` })
              .where(and(eq(inventorySkus.sku, sku), sql`${inventorySkus.available} >= ${quantity}`))
              .returning({ sku: inventorySkus.sku });
            // Throwing rolls the whole reservation back: every line or none.
            if (updated.length === 0) throw new OutOfStock(sku);
          }
          await tx.insert(stockReservations).values({ reservationKey: key, sku, quantity });
        }
        return { ok: true };
      })
      .catch((err: unknown): Reservation => {
        if (err instanceof OutOfStock) return { ok: false, sku: err.sku };
        throw err;
      });
  }

  async release(key: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const rows = await tx
        .update(stockReservations)
        .set({ released: true })
        .where(and(eq(stockReservations.reservationKey, key), eq(stockReservations.released, false)))
        .returning();
      for (const { sku, quantity } of rows)
        await tx
          .update(inventorySkus)
          .set({ available: sql`${inventorySkus.available} + ${quantity}` })
          .where(eq(inventorySkus.sku, sku));
    });
  }
}

class OutOfStock extends Error {
  constructor(readonly sku: string) {
    super(`out of stock: ${sku}`);
  }
}

function mergeLines(lines: StockLine[]): StockLine[] {
  const bySku = new Map<string, number>();
  for (const { sku, quantity } of lines) bySku.set(sku, (bySku.get(sku) ?? 0) + quantity);
  return [...bySku].map(([sku, quantity]) => ({ sku, quantity }));
}
