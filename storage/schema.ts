// The dedupe ledger's table, as drizzle sees it. The DDL lives in migrations.ts (compiled into
// dist/, so the runtime image needs no SQL files); a test checks the two agree.
import {
  bigserial,
  boolean,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
} from 'drizzle-orm/pg-core';
import type { DiscountOffer } from '../common/discount-offer';

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
  /** The channel that delivered it (migration 5); null while sending. */
  channel: text('channel'),
});

export type SentMessage = typeof sentMessages.$inferSelect;

/**
 * The frequency cap's memory: per customer and checkout, when a recovery message last went out and
 * whether one is being sent right now (a hold), so two checkouts of one customer never message
 * within the cap window of each other.
 */
export const customerContacts = pgTable(
  'customer_contacts',
  {
    customerId: text('customer_id').notNull(),
    checkoutId: text('checkout_id').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true, mode: 'date' }),
    heldAt: timestamp('held_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [primaryKey({ columns: [t.customerId, t.checkoutId] })],
);

/** What each customer allows: opt-out (unsubscribe), channels, quiet hours and zone (migration 3). */
export const customerPreferences = pgTable('customer_preferences', {
  customerId: text('customer_id').primaryKey(),
  optedOut: boolean('opted_out').notNull().default(false),
  optedOutAt: timestamp('opted_out_at', { withTimezone: true, mode: 'date' }),
  optOutSource: text('opt_out_source', { enum: ['link', 'api'] }),
  /** Allowed channels; null: every channel. */
  channels: text('channels').array(),
  /** null: the shop's quiet hours; 'off': none; 'HH:MM-HH:MM': the customer's own. */
  quietHours: text('quiet_hours'),
  timezone: text('timezone'),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

/** Discount codes the default issuer handed out (activities/storage/discount-codes.ts). */
export const discountCodes = pgTable(
  'discount_codes',
  {
    code: text('code').primaryKey(),
    checkoutId: text('checkout_id').notNull(),
    customerId: text('customer_id').notNull(),
    step: integer('step').notNull(),
    offer: jsonb('offer').$type<DiscountOffer>().notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [unique().on(t.checkoutId, t.step)],
);

export type DiscountCodeRow = typeof discountCodes.$inferSelect;

/**
 * Texts per phone number (migration 6), whatever checkout or customer id they were for: one row per
 * message, reserved before SNS is called and kept once it went out. `recipientKey` is an HMAC of the
 * number, so the ledger holds no phone numbers.
 */
export const textRecipients = pgTable(
  'text_recipients',
  {
    recipientKey: text('recipient_key').notNull(),
    dedupeKey: text('dedupe_key').notNull(),
    reservedAt: timestamp('reserved_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.recipientKey, t.dedupeKey] })],
);

/**
 * Checkouts the API has stopped (migration 13): an order, a cancel or a supersede, recorded before the
 * workflow hears of it. The send's claim reads it, so a reminder is suppressed by the same statement
 * that claims it.
 */
export const checkoutStops = pgTable('checkout_stops', {
  checkoutId: text('checkout_id').primaryKey(),
  state: text('state', { enum: ['ordered', 'cancelled', 'superseded'] }).notNull(),
  stoppedAt: timestamp('stopped_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

/**
 * The analytics event stream (migration 14): append-only typed records (common/recovery-events.ts).
 * `amount`: the cart value of checkout_started, the order total of ordered.
 */
export const recoveryEvents = pgTable('recovery_events', {
  id: text('id').primaryKey(),
  checkoutId: text('checkout_id').notNull(),
  customerId: text('customer_id').notNull().default(''),
  type: text('type').notNull(),
  at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
  step: integer('step'),
  channel: text('channel'),
  amount: numeric('amount', { precision: 14, scale: 2, mode: 'number' }),
  currency: text('currency'),
  holdout: boolean('holdout'),
  reason: text('reason'),
  data: jsonb('data').$type<Record<string, unknown>>().notNull(),
  recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  seq: bigserial('seq', { mode: 'number' }).notNull(),
});

/**
 * Short resume links for texts (migration 21): `/r/<id>` stands for the signed resume token kept
 * here, so an SMS carries ~40 characters of link instead of ~200. The API verifies the stored token
 * exactly like a signed link in the URL (signature, purpose, expiry, shop origin).
 */
export const shortLinks = pgTable('short_links', {
  id: text('id').primaryKey(),
  token: text('token').notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});
