var __importDefault = (this && this.__importDefault) || ((mod) => (mod && mod.__esModule ? mod : { default: mod }));
Object.defineProperty(exports, '__esModule', { value: true });
const strict_1 = __importDefault(require('node:assert/strict'));
const node_test_1 = require('node:test');
const common_1 = require('@temporalio/common');
const testing_1 = require('@temporalio/testing');
const drizzle_orm_1 = require('drizzle-orm');
const activities_1 = require('../../activities');
const contract_1 = require('../../activities/contract');
const code_1 = require('../../activities/discounts/code');
const issuer_1 = require('../../activities/discounts/issuer');
const ses_mailer_1 = require('../../activities/ses-mailer');
const connect_1 = require('../../storage/connect');
const discount_codes_1 = require('../../storage/discount-codes');
const migrations_1 = require('../../storage/migrations');
const schema_1 = require('../../storage/schema');
const send_ledger_1 = require('../../storage/send-ledger');
const postgres_schema_1 = require('../support/postgres-schema');
const fixtures_1 = require('./fixtures');
const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;
const HOUR = 3_600_000;
const T0 = Date.parse('2026-11-23T12:00:00.000Z');
let seq = 0;
const request = (overrides = {}) => ({
  checkoutId: `co-${process.pid}-${++seq}`,
  customerId: 'c-42',
  step: 3,
  offer: { percent: 10, maxAmount: 50, currency: 'EUR' },
  validForMs: 72 * HOUR,
  requestedAt: T0,
  ...overrides,
});
/** The same behaviour, whichever engine is underneath. */
function storeBehaviour(open) {
  let ledger;
  (0, node_test_1.before)(async () => {
    ledger = await open();
  });
  (0, node_test_1.after)(() => ledger.close());
  (0, node_test_1.it)(
    'issues a readable, unguessable code that expires validFor after the request, and stores it',
    async () => {
      const req = request();
      const issued = await ledger.discountCodes.issue(req);
      strict_1.default.match(issued.code, code_1.CODE_PATTERN);
      strict_1.default.equal(issued.expiresAt, '2026-11-26T12:00:00.000Z');
      strict_1.default.deepEqual(issued.offer, req.offer);
      const stored = await ledger.discountCodes.find(issued.code.toLowerCase());
      strict_1.default.equal(stored?.checkoutId, req.checkoutId);
      strict_1.default.equal(stored?.customerId, 'c-42');
      strict_1.default.equal(stored?.step, 3);
      strict_1.default.equal(stored?.expiresAt, '2026-11-26T12:00:00.000Z', 'expiry stored');
      strict_1.default.deepEqual(stored?.offer, req.offer);
    },
  );
  (0, node_test_1.it)(
    'asked again for the same checkout and step (a retry) it answers the same code, expiry and offer',
    async () => {
      const req = request();
      const first = await ledger.discountCodes.issue(req);
      const again = await ledger.discountCodes.issue({
        ...req,
        requestedAt: T0 + HOUR,
        offer: { freeShipping: true, currency: 'EUR' },
      });
      strict_1.default.deepEqual(again, first);
    },
  );
  (0, node_test_1.it)('concurrent issues for one step agree on one code', async () => {
    const req = request();
    const codes = await Promise.all(Array.from({ length: 8 }, () => ledger.discountCodes.issue(req)));
    strict_1.default.equal(new Set(codes.map((c) => c.code)).size, 1);
  });
  (0, node_test_1.it)('every checkout and every step gets a code of its own', async () => {
    const req = request();
    const other = await ledger.discountCodes.issue({ ...req, step: 2 });
    const codes = await Promise.all(
      Array.from({ length: 50 }, () => ledger.discountCodes.issue(request())).concat([ledger.discountCodes.issue(req)]),
    );
    const all = [...codes.map((c) => c.code), other.code];
    strict_1.default.equal(new Set(all).size, all.length);
  });
  (0, node_test_1.it)(
    'a drawn code that is already taken is drawn again, never handed to a second checkout',
    async () => {
      const taken = await ledger.discountCodes.issue(request());
      const draws = [taken.code, taken.code, (0, code_1.drawDiscountCode)()];
      const unlucky = new discount_codes_1.LedgerDiscountCodes(
        // biome-ignore lint/suspicious/noExplicitAny: the same database the ledger uses
        ledger.discountCodes.db,
        () => draws.shift() ?? (0, code_1.drawDiscountCode)(),
      );
      const fresh = await unlucky.issue(request());
      strict_1.default.notEqual(fresh.code, taken.code);
      strict_1.default.equal(draws.length, 0, 'drew until a free code came up');
    },
  );
}
(0, node_test_1.describe)('discount codes', () => {
  (0, node_test_1.it)('use a readable alphabet in groups of four, drawn uniformly at random', () => {
    const codes = Array.from({ length: 2_000 }, code_1.drawDiscountCode);
    for (const code of codes) strict_1.default.match(code, code_1.CODE_PATTERN);
    strict_1.default.equal(new Set(codes).size, codes.length);
    strict_1.default.ok(
      codes.every((c) => !/[01ILO]/.test(c.slice(5))),
      'no look-alike symbols',
    );
  });
});
(0, node_test_1.describe)('discount code store on in-memory PGlite', () => {
  storeBehaviour((extra) => (0, send_ledger_1.openSendLedger)({ databaseUrl: undefined, inMemory: true, ...extra }));
  (0, node_test_1.it)('the table has exactly the columns the drizzle schema declares', async () => {
    const connection = await (0, connect_1.connectLedger)({ kind: 'memory' });
    try {
      await (0, migrations_1.migrate)(connection.db);
      const { rows } = await connection.db.execute(
        (0,
        drizzle_orm_1.sql)`SELECT column_name FROM information_schema.columns WHERE table_name = 'discount_codes' ORDER BY column_name`,
      );
      const declared = Object.values((0, drizzle_orm_1.getTableColumns)(schema_1.discountCodes)).map((c) => c.name);
      strict_1.default.deepEqual(
        rows.map((r) => r.column_name),
        declared.sort(),
      );
      const versions = await connection.db.execute((0, drizzle_orm_1.sql)`SELECT version FROM send_ledger_migrations`);
      strict_1.default.ok(
        versions.rows.some((r) => r.version === 4),
        'migration 4 applied',
      );
      strict_1.default.ok(migrations_1.MIGRATIONS.some((m) => m.version === 4 && m.name.includes('discount_codes')));
    } finally {
      await connection.close();
    }
  });
});
(0, node_test_1.describe)(
  'discount code store on PostgreSQL (TEST_DATABASE_URL)',
  {
    skip: TEST_DATABASE_URL ? false : 'TEST_DATABASE_URL is not set',
  },
  () => {
    const url = TEST_DATABASE_URL ?? '';
    const schema = (0, postgres_schema_1.usePostgresSchema)(url, 'discount_codes_test');
    storeBehaviour((extra) => (0, send_ledger_1.openSendLedger)({ databaseUrl: url, schema, ...extra }));
  },
);
(0, node_test_1.describe)('the issueDiscountCode activity', () => {
  const env = () =>
    new testing_1.MockActivityEnvironment({ workflowExecution: { workflowId: 'checkout-co-1', runId: 'run-1' } });
  const activitiesWith = (discounts) =>
    (0, activities_1.createActivities)({
      mailer: (0, ses_mailer_1.createSesMailer)({ endpoint: 'http://127.0.0.1:1', region: 'us-east-1' }),
      // biome-ignore lint/suspicious/noExplicitAny: issuing a code never touches the send ledger
      ledger: {},
      from: fixtures_1.FROM,
      links: fixtures_1.LINKS,
      ...(discounts && { discounts }),
    });
  const run = (a, input) => env().run(a.issueDiscountCode, input);
  (0, node_test_1.it)("answers the issuer's code", async () => {
    const issued = { code: 'SHOP-1', expiresAt: '2026-11-26T12:00:00.000Z', offer: request().offer };
    strict_1.default.deepEqual(await run(activitiesWith({ issue: async () => issued }), request()), issued);
  });
  (0, node_test_1.it)(
    "a refusal by the issuer (or the shop's platform) is permanent: DiscountCodeRefused, not retried",
    async () => {
      const refusing = activitiesWith({
        issue: async () => {
          throw new issuer_1.DiscountCodeRefused('price rule limit reached');
        },
      });
      const err = await run(refusing, request()).catch((e) => e);
      strict_1.default.ok(err instanceof common_1.ApplicationFailure);
      strict_1.default.equal(err.type, contract_1.DISCOUNT_CODE_REFUSED);
      strict_1.default.equal(err.nonRetryable, true);
      strict_1.default.match(err.message, /price rule limit reached/);
    },
  );
  (0, node_test_1.it)('any other issuer error is left to Temporal to retry', async () => {
    const flaky = activitiesWith({
      issue: async () => {
        throw new Error('connection reset');
      },
    });
    await strict_1.default.rejects(run(flaky, request()), (err) => {
      strict_1.default.ok(err instanceof Error, 'the activity fails');
      strict_1.default.match(err.message, /connection reset/, "with the issuer's own error");
      strict_1.default.ok(
        !(err instanceof common_1.ApplicationFailure && err.nonRetryable),
        'which Temporal may retry',
      );
      return true;
    });
  });
  (0, node_test_1.it)('a worker without an issuer refuses permanently, so reminders go without offers', async () => {
    const err = await run(activitiesWith(undefined), request()).catch((e) => e);
    strict_1.default.ok(
      err instanceof common_1.ApplicationFailure && err.nonRetryable && err.type === contract_1.DISCOUNT_CODE_REFUSED,
    );
  });
});
//# sourceMappingURL=discount-codes.test.js.map
