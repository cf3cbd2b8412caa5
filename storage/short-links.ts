// The short resume links of texts: id → the signed resume token it stands for (migration 21).
import { eq, sql } from 'drizzle-orm';
import type { LedgerDatabase } from './connect';
import { shortLinks } from './schema';

export interface ShortLinks {
  /** Keeps `token` under `id`; the same id again (a retried send) keeps the newer token. */
  save(id: string, token: string, expiresAt: Date): Promise<void>;
  /** The signed token `id` stands for, or undefined when there is none. */
  tokenOf(id: string): Promise<string | undefined>;
}

export class DrizzleShortLinks implements ShortLinks {
  constructor(private readonly db: LedgerDatabase) {}

  async save(id: string, token: string, expiresAt: Date): Promise<void> {
    await this.db
      .insert(shortLinks)
      .values({ id, token, expiresAt })
      .onConflictDoUpdate({ target: shortLinks.id, set: { token, expiresAt, createdAt: sql`now()` } });
  }

  async tokenOf(id: string): Promise<string | undefined> {
    const [row] = await this.db.select({ token: shortLinks.token }).from(shortLinks).where(eq(shortLinks.id, id));
    return row?.token;
  }
}
