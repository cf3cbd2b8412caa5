// The dedupe ledger's table, as drizzle sees it. The DDL lives in migrations.ts (compiled into
// dist/, so the runtime image needs no SQL files); a test checks the two agree.
import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

export const sentMessages = pgTable('sent_messages', {
  /** `${checkoutId}:reminder:${step}` or `${checkoutId}:confirmation:${orderId}`. */
  dedupeKey: text('dedupe_key').primaryKey(),
  checkoutId: text('checkout_id').notNull(),
  kind: text('kind', { enum: ['reminder', 'confirmation'] }).notNull(),
  step: integer('step'),
  status: text('status', { enum: ['sending', 'sent'] }).notNull(),
  messageId: text('message_id'),
  /** How many attempts have claimed this message; also the claim's fencing token. */
  attempts: integer('attempts').notNull().default(1),
  /** When the current attempt claimed it; null once released, so the next attempt may claim at once. */
  claimedAt: timestamp('claimed_at', { withTimezone: true, mode: 'date' }),
  sentAt: timestamp('sent_at', { withTimezone: true, mode: 'date' }),
});

export type SentMessage = typeof sentMessages.$inferSelect;
