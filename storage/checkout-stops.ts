// Checkouts the API has stopped: written before the workflow is told (the order update or signal,
// a cancel, a supersede), so a send claimed after this write is suppressed by its own claim
// statement (send-ledger.ts) — no history read between the check and the provider call.
import { eq, sql } from 'drizzle-orm';
import type { LedgerDatabase } from './connect';
import { checkoutStops } from './schema';

export type StopState = (typeof checkoutStops.$inferSelect)['state'];

export interface CheckoutStops {
  /** Records that `checkoutId` must send nothing more; an order replaces a weaker stop, never the reverse. */
  markStopped(checkoutId: string, state: StopState): Promise<void>;
  /** How the checkout was stopped, if the API recorded it. */
  get(checkoutId: string): Promise<StopState | undefined>;
}

export class DrizzleCheckoutStops implements CheckoutStops {
  constructor(private readonly db: LedgerDatabase) {}

  async markStopped(checkoutId: string, state: StopState): Promise<void> {
    await this.db
      .insert(checkoutStops)
      .values({ checkoutId, state })
      .onConflictDoUpdate({
        target: checkoutStops.checkoutId,
        // The suppression's reason should say "ordered" when it was an order.
        set: { state, stoppedAt: sql`now()` },
        setWhere: sql`${checkoutStops.state} <> 'ordered'`,
      });
  }

  async get(checkoutId: string): Promise<StopState | undefined> {
    const [row] = await this.db
      .select({ state: checkoutStops.state })
      .from(checkoutStops)
      .where(eq(checkoutStops.checkoutId, checkoutId));
    return row?.state;
  }
}
