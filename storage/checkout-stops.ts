// Checkouts the API has stopped: written before the workflow is told (the order update or signal,
// a cancel, a supersede), so a send claimed after this write is suppressed by its own claim
// statement (send-ledger.ts) — no history read between the check and the provider call.
import { eq, sql } from 'drizzle-orm';
import type { LedgerDatabase } from './connect';
import { rowsOf } from './rows';
import { checkoutStops } from './schema';

export type StopState = (typeof checkoutStops.$inferSelect)['state'];

export interface CheckoutStops {
  /** Records that `checkoutId` must send nothing more; an order replaces a weaker stop, never the reverse. */
  markStopped(checkoutId: string, state: StopState): Promise<void>;
  /** How the checkout was stopped, if the API recorded it. */
  get(checkoutId: string): Promise<StopState | undefined>;
  /**
   * Records a checkout the API has just created and answers, in the same statement, the customer's
   * older checkouts that nothing has stopped yet: the ones a newer checkout supersedes.
   */
  addAndListOlder(customerId: string, checkoutId: string): Promise<string[]>;
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

  async addAndListOlder(customerId: string, checkoutId: string): Promise<string[]> {
    // Older: started before this statement; a concurrent start of the same customer that began later
    // is not superseded by this one (it supersedes this one instead, or the frequency cap holds).
    const result = await this.db.execute(sql`
      WITH added AS (
        INSERT INTO customer_checkouts (checkout_id, customer_id) VALUES (${checkoutId}, ${customerId})
        ON CONFLICT (checkout_id) DO NOTHING
      )
      SELECT c.checkout_id FROM customer_checkouts c
      LEFT JOIN checkout_stops s ON s.checkout_id = c.checkout_id
      WHERE c.customer_id = ${customerId} AND c.checkout_id <> ${checkoutId}
        AND c.started_at < now() AND s.checkout_id IS NULL
      ORDER BY c.started_at`);
    return rowsOf<{ checkout_id: string }>(result).map((row) => row.checkout_id);
  }
}
