import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { PGlite } from '@electric-sql/pglite';
import { getTableColumns } from 'drizzle-orm';
import { Client } from 'pg';
import { MIGRATIONS } from '../../storage/migrations';
import { sentMessages } from '../../storage/schema';
import {
  type LedgerOptions,
  openSendLedger,
  openStores,
  reminderKey,
  type SendLedger,
} from '../../storage/send-ledger';
import { type Opening, openAll } from '../support/open-all';
import { usePostgresSchema } from '../support/postgres-schema';

const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;
const meta = (checkoutId: string, step = 1) => ({ checkoutId, kind: 'reminder' as const, step });
let seq = 0;
const freshKey = () => {
  const checkoutId = `co-${process.pid}-${++seq}`;
  return { checkoutId, key: reminderKey(checkoutId, 1) };
};

/** The same behaviour, whichever engine is underneath. */
function ledgerBehaviour(open: (extra?: Partial<LedgerOptions>) => Promise<SendLedger>) {
  let ledger: SendLedger;
  before(async () => {
    ledger = await open();
  });
  after(() => ledger.close());

  describe('channels (migration 5): which channel sent each message, texts per checkout', () => {
    it('counts a checkout’s texts that went out, not emails, claims in flight or other checkouts', async () => {
      const { checkoutId } = freshKey();
      const other = freshKey().checkoutId;
      const sent = async (co: string, step: number, channel?: string) => {
        const key = reminderKey(co, step);
        await ledger.claim(key, meta(co, step));
        await ledger.markSent(key, `id-${co}-${step}`, channel);
      };
      assert.equal(await ledger.countSent(checkoutId, 'sms'), 0);
      await sent(checkoutId, 1, 'sms');
      await sent(checkoutId, 2, 'email');
      await sent(checkoutId, 3); // no channel named: email, as every message before channels
      await ledger.claim(reminderKey(checkoutId, 4), meta(checkoutId, 4)); // sending, not sent
      await sent(other, 1, 'sms');
      assert.equal(await ledger.countSent(checkoutId, 'sms'), 1);
      assert.equal(await ledger.countSent(checkoutId, 'email'), 2);
      assert.equal((await ledger.get(reminderKey(checkoutId, 1)))?.channel, 'sms');
      assert.deepEqual(await ledger.claim(reminderKey(checkoutId, 1), meta(checkoutId, 1)), {
        state: 'sent',
        messageId: `id-${checkoutId}-1`,
        channel: 'sms',
      });
    });
  });

  describe("frequency cap across a customer's checkouts", () => {
    const HOUR = 3_600_000;
    const customer = () => `cust-${process.pid}-${++seq}`;

    it('two checkouts of one customer due in the same instant: exactly one may send', async () => {
      const c = customer();
      const holds = await Promise.all(['co-a', 'co-b', 'co-c'].map((co) => ledger.holdContact(c, co, 16 * HOUR)));
      assert.equal(holds.filter((h) => h.held).length, 1, JSON.stringify(holds));
      for (const h of holds.filter((h) => !h.held)) assert.equal(h.held ? '' : h.because, 'sending');
    });

    it('a sent message holds the other checkouts back until the cap has passed, never its own', async () => {
      const c = customer();
      assert.deepEqual(await ledger.holdContact(c, 'co-a', 16 * HOUR), { held: true });
      const before = Date.now();
      await ledger.confirmContact(c, 'co-a');
      const other = await ledger.holdContact(c, 'co-b', 16 * HOUR);
      assert.equal(other.held, false);
      if (!other.held) {
        assert.equal(other.because, 'sent');
        const wait = other.until.getTime() - before;
        assert.ok(wait > 16 * HOUR - 5_000 && wait <= 16 * HOUR + 5_000, `held for ${wait} ms`);
      }
      assert.deepEqual(
        await ledger.holdContact(c, 'co-a', 16 * HOUR),
        { held: true },
        'its own schedule is not capped',
      );
    });

    it('a cap of 30 days (longer than 2^31 ms) holds the other checkouts for the whole of it', async () => {
      const c = customer();
      const DAYS_30 = 30 * 24 * HOUR;
      const nowMs = Date.now();
      assert.deepEqual(await ledger.holdContact(c, 'co-a', DAYS_30, nowMs), { held: true });
      await ledger.confirmContact(c, 'co-a', nowMs);
      const other = await ledger.holdContact(c, 'co-b', DAYS_30, nowMs + 29 * 24 * HOUR);
      assert.deepEqual(other, { held: false, until: new Date(nowMs + DAYS_30), because: 'sent' });
    });

    it('a live hold makes the other checkout look again in 15 s; a stale one blocks nobody', async () => {
      const c = customer();
      const nowMs = Date.now();
      await ledger.holdContact(c, 'co-a', 16 * HOUR, nowMs);
      assert.deepEqual(await ledger.holdContact(c, 'co-b', 16 * HOUR, nowMs + 1_000), {
        held: false,
        until: new Date(nowMs + 1_000 + 15_000),
        because: 'sending',
      });
      // The claim's staleness (60 s by default) is the hold's too: its sender is gone.
      assert.deepEqual(await ledger.holdContact(c, 'co-b', 16 * HOUR, nowMs + 10 * 60_000), { held: true });
    });

    it('a mark that carries the contact confirms the hold in the same statement', async () => {
      const c = customer();
      const { checkoutId, key } = freshKey();
      const nowMs = Date.now();
      assert.deepEqual(await ledger.holdContact(c, checkoutId, 16 * HOUR, nowMs), { held: true });
      const claim = await ledger.claim(key, meta(checkoutId));
      assert.equal(claim.state, 'claimed');
      await ledger.markSent(key, 'ses-capped', 'email', [], { customerId: c, checkoutId, nowMs });
      assert.equal((await ledger.get(key))?.messageId, 'ses-capped');
      assert.deepEqual(await ledger.holdContact(c, 'co-other', 16 * HOUR, nowMs + HOUR), {
        held: false,
        until: new Date(nowMs + 16 * HOUR),
        because: 'sent',
      });
    });

    it("the claim's statement takes the hold, and only a claim that won takes it", async () => {
      const c = customer();
      const nowMs = Date.now();
      const cap = { customerId: c, capMs: 16 * HOUR, nowMs };
      const first = freshKey();
      const won = await ledger.claim(first.key, { ...meta(first.checkoutId), cap });
      assert.deepEqual(won, { state: 'claimed', attempt: 1, hold: { held: true } });
      assert.deepEqual(
        await ledger.claim(freshKey().key, { ...meta('co-rival'), cap: { ...cap, nowMs: nowMs + 1_000 } }),
        {
          state: 'claimed',
          attempt: 1,
          hold: { held: false, until: new Date(nowMs + 1_000 + 15_000), because: 'sending' },
        },
        "the first checkout's hold is live",
      );
      await ledger.dropContact(c, first.checkoutId);
      // A claim that finds the message claimed (busy) holds nothing for its checkout.
      const lost = await ledger.claim(first.key, { ...meta(first.checkoutId), cap });
      assert.deepEqual(lost, { state: 'busy' });
      assert.deepEqual(await ledger.holdContact(c, 'co-other', 16 * HOUR, nowMs), { held: true });
    });

    it('a hold dropped without a send blocks nobody', async () => {
      const c = customer();
      await ledger.holdContact(c, 'co-a', 16 * HOUR);
      await ledger.dropContact(c, 'co-a');
      assert.deepEqual(await ledger.holdContact(c, 'co-b', 16 * HOUR), { held: true });
    });
  });

  it('claims a new message, and a later claim after markSent returns the sent id instead', async () => {
    const { checkoutId, key } = freshKey();
    const first = await ledger.claim(key, meta(checkoutId));
    assert.deepEqual(first, { state: 'claimed', attempt: 1 });
    await ledger.markSent(key, 'ses-1');
    assert.deepEqual(await ledger.claim(key, meta(checkoutId)), {
      state: 'sent',
      messageId: 'ses-1',
      channel: 'email',
    });
    const row = await ledger.get(key);
    assert.equal(row?.status, 'sent');
    assert.equal(row?.messageId, 'ses-1');
    assert.equal(row?.checkoutId, checkoutId);
    assert.equal(row?.kind, 'reminder');
    assert.equal(row?.step, 1);
    assert.ok(row?.sentAt instanceof Date);
  });

  it('of two concurrent claims exactly one wins; the other is told another attempt is busy', async () => {
    const { checkoutId, key } = freshKey();
    const results = await Promise.all([ledger.claim(key, meta(checkoutId)), ledger.claim(key, meta(checkoutId))]);
    assert.deepEqual(results.map((r) => r.state).sort(), ['busy', 'claimed']);
  });

  it('of ten concurrent claims exactly one wins', async () => {
    const { checkoutId, key } = freshKey();
    const results = await Promise.all(Array.from({ length: 10 }, () => ledger.claim(key, meta(checkoutId))));
    assert.equal(results.filter((r) => r.state === 'claimed').length, 1);
    assert.equal(results.filter((r) => r.state === 'busy').length, 9);
  });

  it('a released claim may be claimed again at once, counting the attempt', async () => {
    const { checkoutId, key } = freshKey();
    const first = await ledger.claim(key, meta(checkoutId));
    assert.equal(first.state, 'claimed');
    await ledger.release(key, 1);
    assert.deepEqual(await ledger.claim(key, meta(checkoutId)), { state: 'claimed', attempt: 2 });
    assert.equal((await ledger.get(key))?.attempts, 2);
  });

  it('a fresh claim held by another attempt is not taken over', async () => {
    const { checkoutId, key } = freshKey();
    await ledger.claim(key, meta(checkoutId));
    assert.deepEqual(await ledger.claim(key, meta(checkoutId)), { state: 'busy' });
  });

  it('markSent keeps the first message id if a duplicate is ever marked too', async () => {
    const { checkoutId, key } = freshKey();
    await ledger.claim(key, meta(checkoutId));
    await ledger.markSent(key, 'ses-first');
    await ledger.markSent(key, 'ses-second');
    assert.equal((await ledger.get(key))?.messageId, 'ses-first');
  });

  it('a stale claim from a crashed attempt is taken over, and the crashed attempt cannot release the new claim', async () => {
    const eager = await open({ staleClaimAfterMs: 0 });
    try {
      const { checkoutId, key } = freshKey();
      assert.deepEqual(await eager.claim(key, meta(checkoutId)), { state: 'claimed', attempt: 1 });
      assert.deepEqual(await eager.claim(key, meta(checkoutId)), { state: 'claimed', attempt: 2 });
      await eager.release(key, 1); // the first attempt wakes up and fails late
      const row = await eager.get(key);
      assert.equal(row?.status, 'sending');
      assert.ok(row?.claimedAt instanceof Date, 'attempt 2 still holds its claim');
    } finally {
      await eager.close();
    }
  });
}

describe('send ledger on in-memory PGlite', () => {
  ledgerBehaviour((extra) => openSendLedger({ databaseUrl: undefined, inMemory: true, ...extra }));
});

describe("the claim's cap hold and the API's stop record (in-memory PGlite)", () => {
  it('a claim for a checkout the API stopped takes no hold: the reminder will be suppressed', async () => {
    const stores = await openStores({ databaseUrl: undefined, inMemory: true });
    try {
      const HOUR = 3_600_000;
      const nowMs = Date.now();
      const cap = { customerId: 'cust-stopped', capMs: 16 * HOUR, nowMs };
      await stores.stops.markStopped('co-ordered', 'ordered');
      const claim = await stores.ledger.claim(reminderKey('co-ordered', 1), { ...meta('co-ordered'), cap });
      assert.deepEqual(claim, { state: 'claimed', attempt: 1, stop: 'ordered' });
      assert.deepEqual(await stores.ledger.holdContact('cust-stopped', 'co-next', 16 * HOUR, nowMs), { held: true });
    } finally {
      await stores.close();
    }
  });
});

describe('send ledger on PGlite in a data directory', () => {
  let dataDir: string;
  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'send-ledger-'));
    const first = await openSendLedger({ databaseUrl: undefined, dataDir });
    try {
      await first.claim('co-1:reminder:1', meta('co-1'));
      await first.markSent('co-1:reminder:1', 'ses-kept');
    } finally {
      await first.close();
    }
  });
  after(() => rm(dataDir, { recursive: true, force: true }));

  it('keeps what was sent across a restart', async () => {
    const second = await openSendLedger({ databaseUrl: undefined, dataDir });
    try {
      assert.deepEqual(await second.claim('co-1:reminder:1', meta('co-1')), {
        state: 'sent',
        messageId: 'ses-kept',
        channel: 'email',
      });
    } finally {
      await second.close();
    }
  });

  it('a ledger from before channels is migrated: its sent messages count as email', async () => {
    const oldDir = await mkdtemp(join(tmpdir(), 'send-ledger-v2-'));
    try {
      const db = new PGlite(join(oldDir, 'pglite'));
      await db.exec(`CREATE TABLE send_ledger_migrations (
        version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
      for (const m of MIGRATIONS.filter((m) => m.version <= 2)) {
        for (const statement of m.statements) await db.exec(statement);
        await db.query('INSERT INTO send_ledger_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      }
      await db.query(
        "INSERT INTO sent_messages (dedupe_key, checkout_id, kind, step, status, message_id) VALUES ('co-old:reminder:1', 'co-old', 'reminder', 1, 'sent', 'ses-old')",
      );
      await db.close();
      const upgraded = await openSendLedger({ databaseUrl: undefined, dataDir: oldDir });
      try {
        assert.equal((await upgraded.get('co-old:reminder:1'))?.channel, 'email');
        assert.equal(await upgraded.countSent('co-old', 'email'), 1);
        assert.equal(await upgraded.countSent('co-old', 'sms'), 0);
      } finally {
        await upgraded.close();
      }
    } finally {
      await rm(oldDir, { recursive: true, force: true });
    }
  });

  it('records its migration once, and the table has exactly the columns the drizzle schema declares', async () => {
    const db = new PGlite(join(dataDir, 'pglite'));
    try {
      const migrations = await db.query<{ version: number }>('SELECT version FROM send_ledger_migrations');
      assert.deepEqual(
        migrations.rows,
        MIGRATIONS.map((m) => ({ version: m.version })),
      );
      const columns = await db.query<{ column_name: string }>(
        "SELECT column_name FROM information_schema.columns WHERE table_name = 'sent_messages' ORDER BY column_name",
      );
      const declared = Object.values(getTableColumns(sentMessages)).map((c) => c.name);
      assert.deepEqual(
        columns.rows.map((r) => r.column_name),
        declared.sort(),
      );
    } finally {
      await db.close();
    }
  });
});

describe('send ledger on PostgreSQL (TEST_DATABASE_URL)', {
  skip: TEST_DATABASE_URL ? false : 'TEST_DATABASE_URL is not set',
}, () => {
  const url = TEST_DATABASE_URL ?? '';
  const schema = usePostgresSchema(url, 'send_ledger_test');

  ledgerBehaviour((extra) => openSendLedger({ databaseUrl: url, schema, ...extra }));

  it('two workers opening a fresh database at once apply the migration exactly once', async () => {
    const fresh = `${schema}_boot`;
    try {
      // One that fails (the race this tests) must not leave the others' pools open.
      const ledgers = await openAll(
        [1, 2, 3].map(
          (): Opening<SendLedger> => [openSendLedger({ databaseUrl: url, schema: fresh }), (l) => l.close()],
        ),
      );
      await Promise.all(ledgers.map((l) => l.close()));
      const client = new Client({ connectionString: url });
      await client.connect();
      try {
        const { rows } = await client.query(`SELECT version FROM ${fresh}.send_ledger_migrations ORDER BY version`);
        assert.deepEqual(
          rows,
          MIGRATIONS.map((m) => ({ version: m.version })),
        );
      } finally {
        await client.end();
      }
    } finally {
      const client = new Client({ connectionString: url });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${fresh} CASCADE`).finally(() => client.end());
    }
  });
});
