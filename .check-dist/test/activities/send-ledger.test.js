var __importDefault = (this && this.__importDefault) || ((mod) => (mod && mod.__esModule ? mod : { default: mod }));
Object.defineProperty(exports, '__esModule', { value: true });
const strict_1 = __importDefault(require('node:assert/strict'));
const promises_1 = require('node:fs/promises');
const node_os_1 = require('node:os');
const node_path_1 = require('node:path');
const node_test_1 = require('node:test');
const pglite_1 = require('@electric-sql/pglite');
const drizzle_orm_1 = require('drizzle-orm');
const pg_1 = require('pg');
const migrations_1 = require('../../storage/migrations');
const schema_1 = require('../../storage/schema');
const send_ledger_1 = require('../../storage/send-ledger');
const postgres_schema_1 = require('../support/postgres-schema');
const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;
const meta = (checkoutId, step = 1) => ({ checkoutId, kind: 'reminder', step });
let seq = 0;
const freshKey = () => {
  const checkoutId = `co-${process.pid}-${++seq}`;
  return { checkoutId, key: (0, send_ledger_1.reminderKey)(checkoutId, 1) };
};
/** The same behaviour, whichever engine is underneath. */
function ledgerBehaviour(open) {
  let ledger;
  (0, node_test_1.before)(async () => {
    ledger = await open();
  });
  (0, node_test_1.after)(() => ledger.close());
  (0, node_test_1.describe)('channels (migration 5): which channel sent each message, texts per checkout', () => {
    (0, node_test_1.it)(
      'counts a checkout’s texts that went out, not emails, claims in flight or other checkouts',
      async () => {
        const { checkoutId } = freshKey();
        const other = freshKey().checkoutId;
        const sent = async (co, step, channel) => {
          const key = (0, send_ledger_1.reminderKey)(co, step);
          await ledger.claim(key, meta(co, step));
          await ledger.markSent(key, `id-${co}-${step}`, channel);
        };
        strict_1.default.equal(await ledger.countSent(checkoutId, 'sms'), 0);
        await sent(checkoutId, 1, 'sms');
        await sent(checkoutId, 2, 'email');
        await sent(checkoutId, 3); // no channel named: email, as every message before channels
        await ledger.claim((0, send_ledger_1.reminderKey)(checkoutId, 4), meta(checkoutId, 4)); // sending, not sent
        await sent(other, 1, 'sms');
        strict_1.default.equal(await ledger.countSent(checkoutId, 'sms'), 1);
        strict_1.default.equal(await ledger.countSent(checkoutId, 'email'), 2);
        strict_1.default.equal((await ledger.get((0, send_ledger_1.reminderKey)(checkoutId, 1)))?.channel, 'sms');
        strict_1.default.deepEqual(
          await ledger.claim((0, send_ledger_1.reminderKey)(checkoutId, 1), meta(checkoutId, 1)),
          {
            state: 'sent',
            messageId: `id-${checkoutId}-1`,
            channel: 'sms',
          },
        );
      },
    );
  });
  (0, node_test_1.describe)("frequency cap across a customer's checkouts", () => {
    const HOUR = 3_600_000;
    const customer = () => `cust-${process.pid}-${++seq}`;
    (0, node_test_1.it)('two checkouts of one customer due in the same instant: exactly one may send', async () => {
      const c = customer();
      const holds = await Promise.all(['co-a', 'co-b', 'co-c'].map((co) => ledger.holdContact(c, co, 16 * HOUR)));
      strict_1.default.equal(holds.filter((h) => h.held).length, 1, JSON.stringify(holds));
      for (const h of holds.filter((h) => !h.held)) strict_1.default.equal(h.held ? '' : h.because, 'sending');
    });
    (0, node_test_1.it)(
      'a sent message holds the other checkouts back until the cap has passed, never its own',
      async () => {
        const c = customer();
        strict_1.default.deepEqual(await ledger.holdContact(c, 'co-a', 16 * HOUR), { held: true });
        const before = Date.now();
        await ledger.confirmContact(c, 'co-a');
        const other = await ledger.holdContact(c, 'co-b', 16 * HOUR);
        strict_1.default.equal(other.held, false);
        if (!other.held) {
          strict_1.default.equal(other.because, 'sent');
          const wait = other.until.getTime() - before;
          strict_1.default.ok(wait > 16 * HOUR - 5_000 && wait <= 16 * HOUR + 5_000, `held for ${wait} ms`);
        }
        strict_1.default.deepEqual(
          await ledger.holdContact(c, 'co-a', 16 * HOUR),
          { held: true },
          'its own schedule is not capped',
        );
      },
    );
    (0, node_test_1.it)('a hold dropped without a send blocks nobody', async () => {
      const c = customer();
      await ledger.holdContact(c, 'co-a', 16 * HOUR);
      await ledger.dropContact(c, 'co-a');
      strict_1.default.deepEqual(await ledger.holdContact(c, 'co-b', 16 * HOUR), { held: true });
    });
  });
  (0, node_test_1.it)(
    'claims a new message, and a later claim after markSent returns the sent id instead',
    async () => {
      const { checkoutId, key } = freshKey();
      const first = await ledger.claim(key, meta(checkoutId));
      strict_1.default.deepEqual(first, { state: 'claimed', attempt: 1 });
      await ledger.markSent(key, 'ses-1');
      strict_1.default.deepEqual(await ledger.claim(key, meta(checkoutId)), {
        state: 'sent',
        messageId: 'ses-1',
        channel: 'email',
      });
      const row = await ledger.get(key);
      strict_1.default.equal(row?.status, 'sent');
      strict_1.default.equal(row?.messageId, 'ses-1');
      strict_1.default.equal(row?.checkoutId, checkoutId);
      strict_1.default.equal(row?.kind, 'reminder');
      strict_1.default.equal(row?.step, 1);
      strict_1.default.ok(row?.sentAt instanceof Date);
    },
  );
  (0, node_test_1.it)(
    'of two concurrent claims exactly one wins; the other is told another attempt is busy',
    async () => {
      const { checkoutId, key } = freshKey();
      const results = await Promise.all([ledger.claim(key, meta(checkoutId)), ledger.claim(key, meta(checkoutId))]);
      strict_1.default.deepEqual(results.map((r) => r.state).sort(), ['busy', 'claimed']);
    },
  );
  (0, node_test_1.it)('of ten concurrent claims exactly one wins', async () => {
    const { checkoutId, key } = freshKey();
    const results = await Promise.all(Array.from({ length: 10 }, () => ledger.claim(key, meta(checkoutId))));
    strict_1.default.equal(results.filter((r) => r.state === 'claimed').length, 1);
    strict_1.default.equal(results.filter((r) => r.state === 'busy').length, 9);
  });
  (0, node_test_1.it)('a released claim may be claimed again at once, counting the attempt', async () => {
    const { checkoutId, key } = freshKey();
    const first = await ledger.claim(key, meta(checkoutId));
    strict_1.default.equal(first.state, 'claimed');
    await ledger.release(key, 1);
    strict_1.default.deepEqual(await ledger.claim(key, meta(checkoutId)), { state: 'claimed', attempt: 2 });
    strict_1.default.equal((await ledger.get(key))?.attempts, 2);
  });
  (0, node_test_1.it)('a fresh claim held by another attempt is not taken over', async () => {
    const { checkoutId, key } = freshKey();
    await ledger.claim(key, meta(checkoutId));
    strict_1.default.deepEqual(await ledger.claim(key, meta(checkoutId)), { state: 'busy' });
  });
  (0, node_test_1.it)('markSent keeps the first message id if a duplicate is ever marked too', async () => {
    const { checkoutId, key } = freshKey();
    await ledger.claim(key, meta(checkoutId));
    await ledger.markSent(key, 'ses-first');
    await ledger.markSent(key, 'ses-second');
    strict_1.default.equal((await ledger.get(key))?.messageId, 'ses-first');
  });
  (0, node_test_1.it)(
    'a stale claim from a crashed attempt is taken over, and the crashed attempt cannot release the new claim',
    async () => {
      const eager = await open({ staleClaimAfterMs: 0 });
      try {
        const { checkoutId, key } = freshKey();
        strict_1.default.deepEqual(await eager.claim(key, meta(checkoutId)), { state: 'claimed', attempt: 1 });
        strict_1.default.deepEqual(await eager.claim(key, meta(checkoutId)), { state: 'claimed', attempt: 2 });
        await eager.release(key, 1); // the first attempt wakes up and fails late
        const row = await eager.get(key);
        strict_1.default.equal(row?.status, 'sending');
        strict_1.default.ok(row?.claimedAt instanceof Date, 'attempt 2 still holds its claim');
      } finally {
        await eager.close();
      }
    },
  );
}
(0, node_test_1.describe)('send ledger on in-memory PGlite', () => {
  ledgerBehaviour((extra) => (0, send_ledger_1.openSendLedger)({ databaseUrl: undefined, inMemory: true, ...extra }));
});
(0, node_test_1.describe)('send ledger on PGlite in a data directory', () => {
  let dataDir;
  (0, node_test_1.before)(async () => {
    dataDir = await (0, promises_1.mkdtemp)((0, node_path_1.join)((0, node_os_1.tmpdir)(), 'send-ledger-'));
    const first = await (0, send_ledger_1.openSendLedger)({ databaseUrl: undefined, dataDir });
    await first.claim('co-1:reminder:1', meta('co-1'));
    await first.markSent('co-1:reminder:1', 'ses-kept');
    await first.close();
  });
  (0, node_test_1.after)(() => (0, promises_1.rm)(dataDir, { recursive: true, force: true }));
  (0, node_test_1.it)('keeps what was sent across a restart', async () => {
    const second = await (0, send_ledger_1.openSendLedger)({ databaseUrl: undefined, dataDir });
    try {
      strict_1.default.deepEqual(await second.claim('co-1:reminder:1', meta('co-1')), {
        state: 'sent',
        messageId: 'ses-kept',
        channel: 'email',
      });
    } finally {
      await second.close();
    }
  });
  (0, node_test_1.it)('a ledger from before channels is migrated: its sent messages count as email', async () => {
    const oldDir = await (0, promises_1.mkdtemp)((0, node_path_1.join)((0, node_os_1.tmpdir)(), 'send-ledger-v2-'));
    try {
      const db = new pglite_1.PGlite((0, node_path_1.join)(oldDir, 'pglite'));
      await db.exec(`CREATE TABLE send_ledger_migrations (
        version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
      for (const m of migrations_1.MIGRATIONS.filter((m) => m.version <= 2)) {
        for (const statement of m.statements) await db.exec(statement);
        await db.query('INSERT INTO send_ledger_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      }
      await db.query(
        "INSERT INTO sent_messages (dedupe_key, checkout_id, kind, step, status, message_id) VALUES ('co-old:reminder:1', 'co-old', 'reminder', 1, 'sent', 'ses-old')",
      );
      await db.close();
      const upgraded = await (0, send_ledger_1.openSendLedger)({ databaseUrl: undefined, dataDir: oldDir });
      try {
        strict_1.default.equal((await upgraded.get('co-old:reminder:1'))?.channel, 'email');
        strict_1.default.equal(await upgraded.countSent('co-old', 'email'), 1);
        strict_1.default.equal(await upgraded.countSent('co-old', 'sms'), 0);
      } finally {
        await upgraded.close();
      }
    } finally {
      await (0, promises_1.rm)(oldDir, { recursive: true, force: true });
    }
  });
  (0, node_test_1.it)(
    'records its migration once, and the table has exactly the columns the drizzle schema declares',
    async () => {
      const db = new pglite_1.PGlite((0, node_path_1.join)(dataDir, 'pglite'));
      try {
        const migrations = await db.query('SELECT version FROM send_ledger_migrations');
        strict_1.default.deepEqual(
          migrations.rows,
          migrations_1.MIGRATIONS.map((m) => ({ version: m.version })),
        );
        const columns = await db.query(
          "SELECT column_name FROM information_schema.columns WHERE table_name = 'sent_messages' ORDER BY column_name",
        );
        const declared = Object.values((0, drizzle_orm_1.getTableColumns)(schema_1.sentMessages)).map((c) => c.name);
        strict_1.default.deepEqual(
          columns.rows.map((r) => r.column_name),
          declared.sort(),
        );
      } finally {
        await db.close();
      }
    },
  );
});
(0, node_test_1.describe)(
  'send ledger on PostgreSQL (TEST_DATABASE_URL)',
  {
    skip: TEST_DATABASE_URL ? false : 'TEST_DATABASE_URL is not set',
  },
  () => {
    const url = TEST_DATABASE_URL ?? '';
    const schema = (0, postgres_schema_1.usePostgresSchema)(url, 'send_ledger_test');
    ledgerBehaviour((extra) => (0, send_ledger_1.openSendLedger)({ databaseUrl: url, schema, ...extra }));
    (0, node_test_1.it)('two workers opening a fresh database at once apply the migration exactly once', async () => {
      const fresh = `${schema}_boot`;
      try {
        const ledgers = await Promise.all(
          [1, 2, 3].map(() => (0, send_ledger_1.openSendLedger)({ databaseUrl: url, schema: fresh })),
        );
        await Promise.all(ledgers.map((l) => l.close()));
        const client = new pg_1.Client({ connectionString: url });
        await client.connect();
        try {
          const { rows } = await client.query(`SELECT version FROM ${fresh}.send_ledger_migrations ORDER BY version`);
          strict_1.default.deepEqual(
            rows,
            migrations_1.MIGRATIONS.map((m) => ({ version: m.version })),
          );
        } finally {
          await client.end();
        }
      } finally {
        const client = new pg_1.Client({ connectionString: url });
        await client.connect();
        await client.query(`DROP SCHEMA IF EXISTS ${fresh} CASCADE`).finally(() => client.end());
      }
    });
  },
);
//# sourceMappingURL=send-ledger.test.js.map
