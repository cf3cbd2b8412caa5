Object.defineProperty(exports, '__esModule', { value: true });
exports.confirmationKey = exports.reminderKey = exports.STALE_CLAIM_MS = void 0;
exports.ledgerTarget = ledgerTarget;
exports.openSendLedger = openSendLedger;
exports.openStores = openStores;
// The send dedupe ledger. SES's SendRawEmail has no idempotency token and activities run at least
// once, so every message is claimed here before SES is called and marked sent with SES's id after.
//
// The one duplicate this cannot prevent: a worker that dies after SES accepted a message and before
// markSent recorded it leaves a 'sending' claim; once that claim is stale, the retry sends again.
// The window is one SES round trip plus one UPDATE, milliseconds wide.
const drizzle_orm_1 = require('drizzle-orm');
const analytics_store_1 = require('./analytics-store');
const checkout_stops_1 = require('./checkout-stops');
const connect_1 = require('./connect');
const discount_codes_1 = require('./discount-codes');
const event_store_1 = require('./event-store');
const migrations_1 = require('./migrations');
const preferences_store_1 = require('./preferences-store');
const schema_1 = require('./schema');
// A claim older than this belongs to an attempt that is gone: the SES request times out at 20 s
// and Temporal ends the attempt at 30 s. Twice the attempt timeout leaves room for clock-free slack
// (both sides of the comparison use the database's clock).
exports.STALE_CLAIM_MS = 60_000;
// A hold whose sender died is ignored after this long (like a stale send claim); while a live one
// is in flight, the other checkout looks again after HOLD_RETRY_MS.
const HOLD_RETRY_MS = 15_000;
/** Stable across workflow resets and retries: built from business ids, never from run ids. */
const reminderKey = (checkoutId, step) => `${checkoutId}:reminder:${step}`;
exports.reminderKey = reminderKey;
const confirmationKey = (checkoutId, orderId) => `${checkoutId}:confirmation:${orderId}`;
exports.confirmationKey = confirmationKey;
function ledgerTarget(options) {
  if (options.databaseUrl) return { kind: 'postgres', url: options.databaseUrl, schema: options.schema };
  if (options.inMemory) return { kind: 'memory' };
  if (!options.dataDir) throw new Error('the embedded send ledger needs a dataDir (or inMemory)');
  return { kind: 'pglite', dir: `${options.dataDir.replace(/\/$/, '')}/pglite` };
}
/** Opens the database and applies pending migrations before returning. */
async function openSendLedger(options) {
  return (await openStores(options)).ledger;
}
/**
 * One connection for every store: the embedded engine is one process's, so a process that serves
 * both the API and the worker (npm start) opens it once and hands the stores to both.
 */
async function openStores(options) {
  const target = ledgerTarget(options);
  const connection = await (0, connect_1.connectLedger)(target);
  try {
    if (options.migrations === 'check') await (0, migrations_1.requireMigrated)(connection.db);
    else await (0, migrations_1.migrate)(connection.db, target.kind === 'postgres' ? target.schema : undefined);
  } catch (err) {
    await connection.close();
    throw err;
  }
  const ledger = new DrizzleSendLedger(
    connection.db,
    connection.close,
    options.staleClaimAfterMs ?? exports.STALE_CLAIM_MS,
  );
  return {
    ledger,
    preferences: new preferences_store_1.DrizzlePreferenceStore(connection.db),
    stops: new checkout_stops_1.DrizzleCheckoutStops(connection.db),
    events: new event_store_1.DrizzleEventStore(connection.db),
    analytics: new analytics_store_1.DrizzleAnalyticsStore(connection.db),
    close: connection.close,
  };
}
/** node-postgres and PGlite both answer `execute` with `{ rows }`. */
function rowsOf(result) {
  return result.rows ?? [];
}
function consentOfRow(row) {
  if (row.consent_of === null) return null;
  return { optedOut: row.opted_out === true, ...(row.channels && { channels: row.channels }) };
}
class DrizzleSendLedger {
  db;
  closeConnection;
  staleAfterMs;
  discountCodes;
  constructor(db, closeConnection, staleAfterMs) {
    this.db = db;
    this.closeConnection = closeConnection;
    this.staleAfterMs = staleAfterMs;
    this.discountCodes = new discount_codes_1.LedgerDiscountCodes(db);
  }
  async claim(key, meta) {
    // One statement, one round trip: the claim, the API's stop record and the customer's consent.
    // INSERT ... ON CONFLICT is one atomic step: a concurrent claim waits for this row and then sees
    // it fresh, so it cannot take over. Only a released or stale 'sending' row is taken over.
    const result = await this.db.execute((0, drizzle_orm_1.sql)`
      WITH claimed AS (
        INSERT INTO sent_messages (dedupe_key, checkout_id, kind, step, status, attempts, claimed_at)
        VALUES (${key}, ${meta.checkoutId}, ${meta.kind}, ${meta.step ?? null}, 'sending', 1, now())
        ON CONFLICT (dedupe_key) DO UPDATE SET attempts = sent_messages.attempts + 1, claimed_at = now()
        WHERE sent_messages.status = 'sending'
          AND (sent_messages.claimed_at IS NULL
            OR sent_messages.claimed_at <= now() - ${this.staleAfterMs}::integer * interval '1 millisecond')
        RETURNING attempts
      )
      SELECT (SELECT attempts FROM claimed) AS attempt,
        (SELECT state FROM checkout_stops WHERE checkout_id = ${meta.checkoutId}) AS stop,
        p.customer_id AS consent_of, p.opted_out, p.channels
      FROM (SELECT 1) AS one
      LEFT JOIN customer_preferences p ON p.customer_id = ${meta.consentOf ?? null}`);
    const [facts] = rowsOf(result);
    if (facts?.attempt != null) {
      return {
        state: 'claimed',
        attempt: Number(facts.attempt),
        ...(facts.stop && { stop: facts.stop }),
        ...(meta.consentOf !== undefined && { consent: consentOfRow(facts) }),
      };
    }
    // A separate read: the upsert's snapshot may predate the row that beat it.
    const row = await this.get(key);
    if (row?.status === 'sent' && row.messageId) {
      return { state: 'sent', messageId: row.messageId, ...(row.channel && { channel: row.channel }) };
    }
    return { state: 'busy' };
  }
  async markSent(key, messageId, channel = 'email') {
    // Guarded by status so a late duplicate cannot overwrite the first message's id.
    await this.db
      .update(schema_1.sentMessages)
      .set({ status: 'sent', messageId, channel, sentAt: (0, drizzle_orm_1.sql)`now()` })
      .where(
        (0, drizzle_orm_1.and)(
          (0, drizzle_orm_1.eq)(schema_1.sentMessages.dedupeKey, key),
          (0, drizzle_orm_1.eq)(schema_1.sentMessages.status, 'sending'),
        ),
      );
  }
  async release(key, attempt) {
    // Only our own claim: a stale attempt waking up late must not free a newer attempt's claim.
    await this.db
      .update(schema_1.sentMessages)
      .set({ claimedAt: null })
      .where(
        (0, drizzle_orm_1.and)(
          (0, drizzle_orm_1.eq)(schema_1.sentMessages.dedupeKey, key),
          (0, drizzle_orm_1.eq)(schema_1.sentMessages.status, 'sending'),
          (0, drizzle_orm_1.eq)(schema_1.sentMessages.attempts, attempt),
        ),
      );
  }
  // `nowMs`: the caller's clock (the activity passes Temporal's, so a time-skipping test server and
  // the cap agree); defaults to the worker's.
  async holdContact(customerId, checkoutId, capMs, nowMs = Date.now()) {
    return this.db.transaction(async (tx) => {
      await tx.execute(
        (0, drizzle_orm_1.sql)`SELECT pg_advisory_xact_lock(hashtext(${`checkout-recovery.cap.${customerId}`}))`,
      );
      const others = await tx
        .select({ sentAt: schema_1.customerContacts.sentAt, heldAt: schema_1.customerContacts.heldAt })
        .from(schema_1.customerContacts)
        .where(
          (0, drizzle_orm_1.and)(
            (0, drizzle_orm_1.eq)(schema_1.customerContacts.customerId, customerId),
            (0, drizzle_orm_1.ne)(schema_1.customerContacts.checkoutId, checkoutId),
          ),
        );
      const lastSent = Math.max(0, ...others.map((o) => o.sentAt?.getTime() ?? 0));
      if (lastSent > nowMs - capMs) return { held: false, until: new Date(lastSent + capMs), because: 'sent' };
      const sending = others.some((o) => o.heldAt && o.heldAt.getTime() > nowMs - this.staleAfterMs);
      if (sending) return { held: false, until: new Date(nowMs + HOLD_RETRY_MS), because: 'sending' };
      await tx
        .insert(schema_1.customerContacts)
        .values({ customerId, checkoutId, heldAt: new Date(nowMs) })
        .onConflictDoUpdate({
          target: [schema_1.customerContacts.customerId, schema_1.customerContacts.checkoutId],
          set: { heldAt: new Date(nowMs) },
        });
      return { held: true };
    });
  }
  async confirmContact(customerId, checkoutId, nowMs = Date.now()) {
    await this.db
      .update(schema_1.customerContacts)
      .set({ sentAt: new Date(nowMs), heldAt: null })
      .where(
        (0, drizzle_orm_1.and)(
          (0, drizzle_orm_1.eq)(schema_1.customerContacts.customerId, customerId),
          (0, drizzle_orm_1.eq)(schema_1.customerContacts.checkoutId, checkoutId),
        ),
      );
  }
  async dropContact(customerId, checkoutId) {
    await this.db
      .update(schema_1.customerContacts)
      .set({ heldAt: null })
      .where(
        (0, drizzle_orm_1.and)(
          (0, drizzle_orm_1.eq)(schema_1.customerContacts.customerId, customerId),
          (0, drizzle_orm_1.eq)(schema_1.customerContacts.checkoutId, checkoutId),
        ),
      );
  }
  async reserveText(recipientKey, dedupeKey, maxTexts, withinMs, nowMs = Date.now()) {
    return this.db.transaction(async (tx) => {
      await tx.execute(
        (0, drizzle_orm_1.sql)`SELECT pg_advisory_xact_lock(hashtext(${`checkout-recovery.texts.${recipientKey}`}))`,
      );
      const recent = await tx
        .select({ dedupeKey: schema_1.textRecipients.dedupeKey })
        .from(schema_1.textRecipients)
        .where(
          (0, drizzle_orm_1.and)(
            (0, drizzle_orm_1.eq)(schema_1.textRecipients.recipientKey, recipientKey),
            (0, drizzle_orm_1.gt)(schema_1.textRecipients.reservedAt, new Date(nowMs - withinMs)),
          ),
        );
      if (recent.some((r) => r.dedupeKey === dedupeKey)) return { reserved: true };
      if (recent.length >= maxTexts) return { reserved: false, texts: recent.length };
      await tx
        .insert(schema_1.textRecipients)
        .values({ recipientKey, dedupeKey, reservedAt: new Date(nowMs) })
        .onConflictDoUpdate({
          target: [schema_1.textRecipients.recipientKey, schema_1.textRecipients.dedupeKey],
          set: { reservedAt: new Date(nowMs) },
        });
      return { reserved: true };
    });
  }
  async releaseText(recipientKey, dedupeKey) {
    await this.db
      .delete(schema_1.textRecipients)
      .where(
        (0, drizzle_orm_1.and)(
          (0, drizzle_orm_1.eq)(schema_1.textRecipients.recipientKey, recipientKey),
          (0, drizzle_orm_1.eq)(schema_1.textRecipients.dedupeKey, dedupeKey),
        ),
      );
  }
  async get(key) {
    const [row] = await this.db
      .select()
      .from(schema_1.sentMessages)
      .where((0, drizzle_orm_1.eq)(schema_1.sentMessages.dedupeKey, key));
    return row;
  }
  async countSent(checkoutId, channel) {
    const [row] = await this.db
      .select({ n: (0, drizzle_orm_1.count)() })
      .from(schema_1.sentMessages)
      .where(
        (0, drizzle_orm_1.and)(
          (0, drizzle_orm_1.eq)(schema_1.sentMessages.checkoutId, checkoutId),
          (0, drizzle_orm_1.eq)(schema_1.sentMessages.channel, channel),
          (0, drizzle_orm_1.eq)(schema_1.sentMessages.status, 'sent'),
        ),
      );
    return row?.n ?? 0;
  }
  close() {
    return this.closeConnection();
  }
}
//# sourceMappingURL=send-ledger.js.map
