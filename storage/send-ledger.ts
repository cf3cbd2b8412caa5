// The send dedupe ledger. SES's SendRawEmail has no idempotency token and activities run at least
// once, so every message is claimed here before SES is called and marked sent with SES's id after.
//
// The one duplicate this cannot prevent: a worker that dies after SES accepted a message and before
// markSent recorded it leaves a 'sending' claim; once that claim is stale, the retry sends again.
// The window is one SES round trip plus one UPDATE, milliseconds wide.

import { and, count, eq, gt, sql } from 'drizzle-orm';
import type { CustomerConsent } from '../activities/contract';
import type { Channel } from '../common/checkout';
import type { RecoveryEvent } from '../common/recovery-events';
import { type AnalyticsStore, DrizzleAnalyticsStore } from './analytics-store';
import { type ReconcileResult, reconcileCheckoutFacts } from './checkout-reconcile';
import { type CheckoutStops, DrizzleCheckoutStops, type StopState } from './checkout-stops';
import { connectLedger, type LedgerDatabase, type LedgerTarget } from './connect';
import { confirmContactSql, type HoldRow, holdContactSql } from './contact-hold';
import { LedgerDiscountCodes } from './discount-codes';
import { appendCtes, DrizzleEventStore, type EventStore } from './event-store';
import { SkuTableInventory } from './inventory';
import { migrate, requireMigrated } from './migrations';
import { DrizzlePlacedOrders, type PlacedOrders } from './placed-orders';
import { DrizzlePreferenceStore, type PreferenceStore } from './preferences-store';
import { rowsOf } from './rows';
import { customerContacts, type SentMessage, sentMessages, textRecipients } from './schema';
import { DrizzleShortLinks, type ShortLinks } from './short-links';
import { DrizzleStartRecords, type StartRecords } from './start-records';
import { DrizzleVaultStore, type VaultStore } from './vault-store';

export type { SentMessage } from './schema';

// A claim older than this belongs to an attempt that is gone: the SES request times out at 20 s
// and Temporal ends the attempt at 30 s. Twice the attempt timeout leaves room for clock-free slack
// (both sides of the comparison use the database's clock).
export const STALE_CLAIM_MS = 60_000;

export interface ClaimMeta {
  checkoutId: string;
  kind: 'reminder' | 'confirmation';
  step?: number;
  /** Read this customer's consent (the preference store shares the database) in the claim's statement. */
  consentOf?: string;
  /**
   * The frequency cap: hold the customer's contact in the claim's statement (`holdContact`'s
   * arguments), unless the checkout has a stop record (a capped message is a reminder, which a stop suppresses).
   */
  cap?: { customerId: string; capMs: number; nowMs: number };
}

/** What the claim's statement read beside the claim, so nothing else needs a round trip. */
export interface ClaimFacts {
  /** The API stopped the checkout (checkout_stops): the message must not go out. */
  stop?: StopState;
  /** With `consentOf`: the customer's consent, null when they never set preferences. */
  consent?: CustomerConsent | null;
  /** With `cap`: the frequency cap's answer, as `holdContact` gives it (a hold taken is the caller's to drop). */
  hold?: ContactHold;
}

export type ClaimResult =
  /** This attempt may send. `attempt` fences release() against a later attempt's claim. */
  | ({ state: 'claimed'; attempt: number } & ClaimFacts)
  /** An earlier attempt already sent it: reuse its id, send nothing. */
  | { state: 'sent'; messageId: string; channel?: string }
  /** Another attempt holds a fresh claim right now: come back later rather than send twice. */
  | { state: 'busy' };

export interface SendLedger {
  /** Atomic: of two concurrent claims of one key, exactly one gets 'claimed'. */
  claim(key: string, meta: ClaimMeta): Promise<ClaimResult>;
  /**
   * `channel`: the one that delivered it (absent: email). `records`: analytics records appended in
   * the same statement, as the event store appends them; `contact`: the frequency cap's hold
   * confirmed in it too (what `confirmContact` does): one round trip for all three.
   */
  markSent(
    key: string,
    messageId: string,
    channel?: string,
    records?: readonly RecoveryEvent[],
    contact?: ContactSent,
  ): Promise<void>;
  /** The attempt failed before SES accepted anything: the next attempt may claim at once. */
  release(key: string, attempt: number): Promise<void>;
  get(key: string): Promise<SentMessage | undefined>;
  /** Messages of this checkout sent by `channel` (the SMS rules count texts). */
  countSent(checkoutId: string, channel: string): Promise<number>;
  /**
   * The frequency cap across a customer's checkouts: holds the right to message this customer for
   * this checkout, or says until when another checkout's message (sent, or being sent) blocks it.
   * Serialised per customer, so two checkouts due in the same second get one hold between them.
   */
  holdContact(customerId: string, checkoutId: string, capMs: number, nowMs?: number): Promise<ContactHold>;
  /** SES accepted the message: it now counts against the customer's other checkouts. */
  confirmContact(customerId: string, checkoutId: string, nowMs?: number): Promise<void>;
  /** Nothing went out (suppressed, failed before SES): the hold blocks nobody any more. */
  dropContact(customerId: string, checkoutId: string): Promise<void>;
  /**
   * The cap per phone number: reserves a text to `recipientKey` for message `dedupeKey`, unless
   * `maxTexts` others were reserved within `withinMs`. Serialised per number, so concurrent
   * checkouts aimed at one phone get at most `maxTexts` between them. A retry of the same message
   * finds its own reservation.
   */
  reserveText(
    recipientKey: string,
    dedupeKey: string,
    maxTexts: number,
    withinMs: number,
    nowMs?: number,
  ): Promise<{ reserved: true } | { reserved: false; texts: number }>;
  /** The text did not go out: its reservation counts no more. */
  releaseText(recipientKey: string, dedupeKey: string): Promise<void>;
  /** Await at worker shutdown, after the worker has drained. */
  close(): Promise<void>;
}

export type ContactHold = { held: true } | { held: false; until: Date; because: 'sent' | 'sending' };
/** A message that went out under the frequency cap's hold, at `nowMs` on the caller's clock. */
export interface ContactSent {
  customerId: string;
  checkoutId: string;
  nowMs: number;
}

// A hold whose sender died is ignored after this long (like a stale send claim); while a live one
// is in flight, the other checkout looks again after HOLD_RETRY_MS.
const HOLD_RETRY_MS = 15_000;

/** Stable across workflow resets and retries: built from business ids, never from run ids. */
export const reminderKey = (checkoutId: string, step: number) => `${checkoutId}:reminder:${step}`;
export const confirmationKey = (checkoutId: string, orderId: string) => `${checkoutId}:confirmation:${orderId}`;

export interface LedgerOptions {
  /** PostgreSQL URL; unset means the embedded engine. */
  databaseUrl: string | undefined;
  /** The embedded engine keeps its data in `${dataDir}/pglite`. */
  dataDir?: string;
  /** The embedded engine in memory (tests); ignored when databaseUrl is set. */
  inMemory?: boolean;
  /** PostgreSQL only: a schema of its own, created if missing (tests use a unique one). */
  schema?: string;
  staleClaimAfterMs?: number;
  /** `check`: apply nothing, throw if a migration is pending (the setup job applies them); default `apply`. */
  migrations?: 'apply' | 'check';
  /**
   * With `apply`: after the migrations, refresh the analytics of the checkouts whose records were
   * written without their upkeep (checkout-reconcile.ts); a function is told what was done. The setup
   * job and a worker doing the setup at boot ask for it.
   */
  reconcileFacts?: boolean | ((result: ReconcileResult) => void);
}

export function ledgerTarget(options: LedgerOptions): LedgerTarget {
  if (options.databaseUrl) return { kind: 'postgres', url: options.databaseUrl, schema: options.schema };
  if (options.inMemory) return { kind: 'memory' };
  if (!options.dataDir) throw new Error('the embedded send ledger needs a dataDir (or inMemory)');
  return { kind: 'pglite', dir: `${options.dataDir.replace(/\/$/, '')}/pglite` };
}

/** The ledger as opened: the send ledger, and the default discount code store in the same database. */
export interface OpenedLedger extends SendLedger {
  readonly discountCodes: LedgerDiscountCodes;
}

/** Opens the database and applies pending migrations before returning. */
export async function openSendLedger(options: LedgerOptions): Promise<OpenedLedger> {
  return (await openStores(options)).ledger;
}

/** The stores that share the ledger's database; `close` (or the ledger's) closes the connection. */
export interface LedgerStores {
  ledger: OpenedLedger;
  preferences: PreferenceStore;
  /** Where the API records stopped checkouts for the sends' claims to read. */
  stops: CheckoutStops;
  /** The analytics event stream (the API's and the send activities' records). */
  events: EventStore;
  /** A new checkout's record, preferences read and supersede lookup in one statement (the API's starts). */
  starts: StartRecords;
  /** The analytics' aggregations over that stream. */
  analytics: AnalyticsStore;
  /** The one-click checkout's stores: the sealed vault, stock, the orders it placed. */
  vault: VaultStore;
  inventory: SkuTableInventory;
  orders: PlacedOrders;
  /** The short /r/<id> resume links of texts (the worker writes, the API reads). */
  shortLinks: ShortLinks;
  close(): Promise<void>;
}

/**
 * One connection for every store: the embedded engine is one process's, so a process that serves
 * both the API and the worker (npm start) opens it once and hands the stores to both.
 */
export async function openStores(options: LedgerOptions): Promise<LedgerStores> {
  const target = ledgerTarget(options);
  const connection = await connectLedger(target);
  try {
    if (options.migrations === 'check') await requireMigrated(connection.db);
    else {
      await migrate(connection.db, target.kind === 'postgres' ? target.schema : undefined);
      if (options.reconcileFacts) {
        const result = await reconcileCheckoutFacts(connection.db);
        if (typeof options.reconcileFacts === 'function') options.reconcileFacts(result);
      }
    }
  } catch (err) {
    await connection.close();
    throw err;
  }
  const ledger = new DrizzleSendLedger(connection.db, connection.close, options.staleClaimAfterMs ?? STALE_CLAIM_MS);
  return {
    ledger,
    preferences: new DrizzlePreferenceStore(connection.db),
    stops: new DrizzleCheckoutStops(connection.db),
    events: new DrizzleEventStore(connection.db),
    starts: new DrizzleStartRecords(connection.db),
    analytics: new DrizzleAnalyticsStore(connection.db),
    vault: new DrizzleVaultStore(connection.db),
    inventory: new SkuTableInventory(connection.db),
    orders: new DrizzlePlacedOrders(connection.db),
    shortLinks: new DrizzleShortLinks(connection.db),
    close: connection.close,
  };
}

interface ClaimRow {
  attempt: number | string | null;
  stop: StopState | null;
  consent_of: string | null;
  opted_out: boolean | null;
  channels: Channel[] | null;
  hold: HoldRow | string | null;
}

function holdOfRow(row: HoldRow): ContactHold {
  if (row.held) return { held: true };
  return { held: false, until: new Date(Number(row.until_ms)), because: row.because === 'sent' ? 'sent' : 'sending' };
}

function consentOfRow(row: ClaimRow): CustomerConsent | null {
  if (row.consent_of === null) return null;
  return { optedOut: row.opted_out === true, ...(row.channels && { channels: row.channels }) };
}

class DrizzleSendLedger implements OpenedLedger {
  readonly discountCodes: LedgerDiscountCodes;

  constructor(
    private readonly db: LedgerDatabase,
    private readonly closeConnection: () => Promise<void>,
    private readonly staleAfterMs: number,
  ) {
    this.discountCodes = new LedgerDiscountCodes(db);
  }

  async claim(key: string, meta: ClaimMeta): Promise<ClaimResult> {
    // One statement, one round trip: the claim, the API's stop record, the customer's consent and
    // the frequency cap's hold. INSERT ... ON CONFLICT is one atomic step: a concurrent claim waits
    // for this row and then sees it fresh, so it cannot take over. Only a released or stale
    // 'sending' row is taken over. The hold is taken only by a claim that won, for a checkout with no
    // stop record (it would be suppressed): the hold's subquery is an InitPlan, which PostgreSQL runs
    // only when the CASE first needs its value (VOLATILE keeps it from being folded at plan time).
    // The ledger's tests check that a busy claim holds nothing.
    const { cap } = meta;
    const hold = cap
      ? sql`CASE WHEN (SELECT attempts FROM claimed) IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM checkout_stops WHERE checkout_id = ${meta.checkoutId})
        THEN (SELECT to_jsonb(h) FROM (${holdContactSql(
          cap.customerId,
          meta.checkoutId,
          cap.capMs,
          cap.nowMs,
          this.staleAfterMs,
          HOLD_RETRY_MS,
        )}) AS h) END`
      : sql`NULL::jsonb`;
    const result = await this.db.execute(sql`
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
        p.customer_id AS consent_of, p.opted_out, p.channels, ${hold} AS hold
      FROM (SELECT 1) AS one
      LEFT JOIN customer_preferences p ON p.customer_id = ${meta.consentOf ?? null}`);
    const [facts] = rowsOf<ClaimRow>(result);
    if (facts?.attempt != null) {
      const held = typeof facts.hold === 'string' ? (JSON.parse(facts.hold) as HoldRow) : facts.hold;
      return {
        state: 'claimed',
        attempt: Number(facts.attempt),
        ...(facts.stop && { stop: facts.stop }),
        ...(meta.consentOf !== undefined && { consent: consentOfRow(facts) }),
        ...(held && { hold: holdOfRow(held) }),
      };
    }
    // A separate read: the upsert's snapshot may predate the row that beat it.
    const row = await this.get(key);
    if (row?.status === 'sent' && row.messageId) {
      return { state: 'sent', messageId: row.messageId, ...(row.channel && { channel: row.channel }) };
    }
    return { state: 'busy' };
  }

  async markSent(
    key: string,
    messageId: string,
    channel = 'email',
    records: readonly RecoveryEvent[] = [],
    contact?: ContactSent,
  ) {
    // Guarded by status so a late duplicate cannot overwrite the first message's id. Written as SQL,
    // like the claim: the query builder cost ~0.1 ms of CPU per send to assemble the same statement.
    const mark = sql`UPDATE sent_messages SET status = 'sent', message_id = ${messageId}, channel = ${channel}, sent_at = now()
      WHERE dedupe_key = ${key} AND status = 'sending'`;
    if (records.length === 0 && !contact) {
      await this.db.execute(mark);
      return;
    }
    const ctes = [sql`marked AS (${mark})`];
    if (contact)
      ctes.push(sql`contact AS (${confirmContactSql(contact.customerId, contact.checkoutId, contact.nowMs)})`);
    if (records.length > 0) ctes.push(appendCtes(records));
    await this.db.execute(sql`WITH ${sql.join(ctes, sql`, `)} SELECT 1`);
  }

  async release(key: string, attempt: number): Promise<void> {
    // Only our own claim: a stale attempt waking up late must not free a newer attempt's claim.
    await this.db
      .update(sentMessages)
      .set({ claimedAt: null })
      .where(
        and(eq(sentMessages.dedupeKey, key), eq(sentMessages.status, 'sending'), eq(sentMessages.attempts, attempt)),
      );
  }

  // `nowMs`: the caller's clock (the activity passes Temporal's, so a time-skipping test server and
  // the cap agree); defaults to the worker's.
  async holdContact(customerId: string, checkoutId: string, capMs: number, nowMs = Date.now()): Promise<ContactHold> {
    const result = await this.db.execute(
      holdContactSql(customerId, checkoutId, capMs, nowMs, this.staleAfterMs, HOLD_RETRY_MS),
    );
    const [row] = rowsOf<HoldRow>(result);
    if (!row) throw new Error('hold_customer_contact returned no row');
    return holdOfRow(row);
  }

  async confirmContact(customerId: string, checkoutId: string, nowMs = Date.now()): Promise<void> {
    await this.db.execute(confirmContactSql(customerId, checkoutId, nowMs));
  }

  async dropContact(customerId: string, checkoutId: string): Promise<void> {
    await this.db
      .update(customerContacts)
      .set({ heldAt: null })
      .where(and(eq(customerContacts.customerId, customerId), eq(customerContacts.checkoutId, checkoutId)));
  }

  async reserveText(
    recipientKey: string,
    dedupeKey: string,
    maxTexts: number,
    withinMs: number,
    nowMs = Date.now(),
  ): Promise<{ reserved: true } | { reserved: false; texts: number }> {
    return this.db.transaction(async (tx) => {
      await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`checkout-recovery.texts.${recipientKey}`}))`);
      const recent = await tx
        .select({ dedupeKey: textRecipients.dedupeKey })
        .from(textRecipients)
        .where(
          and(eq(textRecipients.recipientKey, recipientKey), gt(textRecipients.reservedAt, new Date(nowMs - withinMs))),
        );
      if (recent.some((r) => r.dedupeKey === dedupeKey)) return { reserved: true };
      if (recent.length >= maxTexts) return { reserved: false, texts: recent.length };
      await tx
        .insert(textRecipients)
        .values({ recipientKey, dedupeKey, reservedAt: new Date(nowMs) })
        .onConflictDoUpdate({
          target: [textRecipients.recipientKey, textRecipients.dedupeKey],
          set: { reservedAt: new Date(nowMs) },
        });
      return { reserved: true };
    });
  }

  async releaseText(recipientKey: string, dedupeKey: string): Promise<void> {
    await this.db
      .delete(textRecipients)
      .where(and(eq(textRecipients.recipientKey, recipientKey), eq(textRecipients.dedupeKey, dedupeKey)));
  }

  async get(key: string): Promise<SentMessage | undefined> {
    const [row] = await this.db.select().from(sentMessages).where(eq(sentMessages.dedupeKey, key));
    return row;
  }

  async countSent(checkoutId: string, channel: string): Promise<number> {
    const [row] = await this.db
      .select({ n: count() })
      .from(sentMessages)
      .where(
        and(
          eq(sentMessages.checkoutId, checkoutId),
          eq(sentMessages.channel, channel),
          eq(sentMessages.status, 'sent'),
        ),
      );
    return row?.n ?? 0;
  }

  close(): Promise<void> {
    return this.closeConnection();
  }
}
