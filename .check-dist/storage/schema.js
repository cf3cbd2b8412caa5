Object.defineProperty(exports, '__esModule', { value: true });
exports.recoveryEvents =
  exports.checkoutStops =
  exports.textRecipients =
  exports.discountCodes =
  exports.customerPreferences =
  exports.customerContacts =
  exports.sentMessages =
    void 0;
// The dedupe ledger's table, as drizzle sees it. The DDL lives in migrations.ts (compiled into
// dist/, so the runtime image needs no SQL files); a test checks the two agree.
const pg_core_1 = require('drizzle-orm/pg-core');
exports.sentMessages = (0, pg_core_1.pgTable)('sent_messages', {
  /** `${checkoutId}:reminder:${step}` or `${checkoutId}:confirmation:${orderId}`. */
  dedupeKey: (0, pg_core_1.text)('dedupe_key').primaryKey(),
  checkoutId: (0, pg_core_1.text)('checkout_id').notNull(),
  kind: (0, pg_core_1.text)('kind', { enum: ['reminder', 'confirmation'] }).notNull(),
  step: (0, pg_core_1.integer)('step'),
  status: (0, pg_core_1.text)('status', { enum: ['sending', 'sent'] }).notNull(),
  messageId: (0, pg_core_1.text)('message_id'),
  /** How many attempts have claimed this message; also the claim's fencing token. */
  attempts: (0, pg_core_1.integer)('attempts').notNull().default(1),
  /** When the current attempt claimed it; null once released, so the next attempt may claim at once. */
  claimedAt: (0, pg_core_1.timestamp)('claimed_at', { withTimezone: true, mode: 'date' }),
  sentAt: (0, pg_core_1.timestamp)('sent_at', { withTimezone: true, mode: 'date' }),
  /** The channel that delivered it (migration 5); null while sending. */
  channel: (0, pg_core_1.text)('channel'),
});
/**
 * The frequency cap's memory: per customer and checkout, when a recovery message last went out and
 * whether one is being sent right now (a hold), so two checkouts of one customer never message
 * within the cap window of each other.
 */
exports.customerContacts = (0, pg_core_1.pgTable)(
  'customer_contacts',
  {
    customerId: (0, pg_core_1.text)('customer_id').notNull(),
    checkoutId: (0, pg_core_1.text)('checkout_id').notNull(),
    sentAt: (0, pg_core_1.timestamp)('sent_at', { withTimezone: true, mode: 'date' }),
    heldAt: (0, pg_core_1.timestamp)('held_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [(0, pg_core_1.primaryKey)({ columns: [t.customerId, t.checkoutId] })],
);
/** What each customer allows: opt-out (unsubscribe), channels, quiet hours and zone (migration 3). */
exports.customerPreferences = (0, pg_core_1.pgTable)('customer_preferences', {
  customerId: (0, pg_core_1.text)('customer_id').primaryKey(),
  optedOut: (0, pg_core_1.boolean)('opted_out').notNull().default(false),
  optedOutAt: (0, pg_core_1.timestamp)('opted_out_at', { withTimezone: true, mode: 'date' }),
  optOutSource: (0, pg_core_1.text)('opt_out_source', { enum: ['link', 'api'] }),
  /** Allowed channels; null: every channel. */
  channels: (0, pg_core_1.text)('channels').array(),
  /** null: the shop's quiet hours; 'off': none; 'HH:MM-HH:MM': the customer's own. */
  quietHours: (0, pg_core_1.text)('quiet_hours'),
  timezone: (0, pg_core_1.text)('timezone'),
  updatedAt: (0, pg_core_1.timestamp)('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});
/** Discount codes the default issuer handed out (activities/storage/discount-codes.ts). */
exports.discountCodes = (0, pg_core_1.pgTable)(
  'discount_codes',
  {
    code: (0, pg_core_1.text)('code').primaryKey(),
    checkoutId: (0, pg_core_1.text)('checkout_id').notNull(),
    customerId: (0, pg_core_1.text)('customer_id').notNull(),
    step: (0, pg_core_1.integer)('step').notNull(),
    offer: (0, pg_core_1.jsonb)('offer').$type().notNull(),
    expiresAt: (0, pg_core_1.timestamp)('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    createdAt: (0, pg_core_1.timestamp)('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [(0, pg_core_1.unique)().on(t.checkoutId, t.step)],
);
/**
 * Texts per phone number (migration 6), whatever checkout or customer id they were for: one row per
 * message, reserved before SNS is called and kept once it went out. `recipientKey` is an HMAC of the
 * number, so the ledger holds no phone numbers.
 */
exports.textRecipients = (0, pg_core_1.pgTable)(
  'text_recipients',
  {
    recipientKey: (0, pg_core_1.text)('recipient_key').notNull(),
    dedupeKey: (0, pg_core_1.text)('dedupe_key').notNull(),
    reservedAt: (0, pg_core_1.timestamp)('reserved_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [(0, pg_core_1.primaryKey)({ columns: [t.recipientKey, t.dedupeKey] })],
);
/**
 * Checkouts the API has stopped (migration 13): an order, a cancel or a supersede, recorded before the
 * workflow hears of it. The send's claim reads it, so a reminder is suppressed by the same statement
 * that claims it.
 */
exports.checkoutStops = (0, pg_core_1.pgTable)('checkout_stops', {
  checkoutId: (0, pg_core_1.text)('checkout_id').primaryKey(),
  state: (0, pg_core_1.text)('state', { enum: ['ordered', 'cancelled', 'superseded'] }).notNull(),
  stoppedAt: (0, pg_core_1.timestamp)('stopped_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});
/**
 * The analytics event stream (migration 14): append-only typed records (common/recovery-events.ts).
 * `amount`: the cart value of checkout_started, the order total of ordered.
 */
exports.recoveryEvents = (0, pg_core_1.pgTable)('recovery_events', {
  id: (0, pg_core_1.text)('id').primaryKey(),
  checkoutId: (0, pg_core_1.text)('checkout_id').notNull(),
  customerId: (0, pg_core_1.text)('customer_id').notNull().default(''),
  type: (0, pg_core_1.text)('type').notNull(),
  at: (0, pg_core_1.timestamp)('at', { withTimezone: true, mode: 'date' }).notNull(),
  step: (0, pg_core_1.integer)('step'),
  channel: (0, pg_core_1.text)('channel'),
  amount: (0, pg_core_1.numeric)('amount', { precision: 14, scale: 2, mode: 'number' }),
  currency: (0, pg_core_1.text)('currency'),
  holdout: (0, pg_core_1.boolean)('holdout'),
  reason: (0, pg_core_1.text)('reason'),
  data: (0, pg_core_1.jsonb)('data').$type().notNull(),
  recordedAt: (0, pg_core_1.timestamp)('recorded_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  seq: (0, pg_core_1.bigserial)('seq', { mode: 'number' }).notNull(),
});
//# sourceMappingURL=schema.js.map
