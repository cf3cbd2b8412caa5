import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ApplicationFailure } from '@temporalio/common';
import { MockActivityEnvironment } from '@temporalio/testing';
import { getTableColumns, sql } from 'drizzle-orm';
import { createActivities } from '../../activities';
import type { IssueDiscountCodeInput, IssuedDiscountCode } from '../../activities/contract';
import { DISCOUNT_CODE_REFUSED } from '../../activities/contract';
import { CODE_PATTERN, drawDiscountCode } from '../../activities/discounts/code';
import { type DiscountCodeIssuer, DiscountCodeRefused } from '../../activities/discounts/issuer';
import { createSesMailer } from '../../activities/ses-mailer';
import { connectLedger } from '../../storage/connect';
import { LedgerDiscountCodes } from '../../storage/discount-codes';
import { MIGRATIONS, migrate } from '../../storage/migrations';
import { discountCodes } from '../../storage/schema';
import { type LedgerOptions, type OpenedLedger, openSendLedger } from '../../storage/send-ledger';
import { usePostgresSchema } from '../support/postgres-schema';
import { FROM, LINKS } from './fixtures';

const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;
const HOUR = 3_600_000;
const T0 = Date.parse('2026-11-23T12:00:00.000Z');
let seq = 0;

const request = (overrides: Partial<IssueDiscountCodeInput> = {}): IssueDiscountCodeInput => ({
  checkoutId: `co-${process.pid}-${++seq}`,
  customerId: 'c-42',
  step: 3,
  offer: { percent: 10, maxAmount: 50, currency: 'EUR' },
  validForMs: 72 * HOUR,
  requestedAt: T0,
  ...overrides,
});

/** The same behaviour, whichever engine is underneath. */
function storeBehaviour(open: (extra?: Partial<LedgerOptions>) => Promise<OpenedLedger>) {
  let ledger: OpenedLedger;
  before(async () => {
    ledger = await open();
  });
  after(() => ledger.close());

  it('issues a readable, unguessable code that expires validFor after the request, and stores it', async () => {
    const req = request();
    const issued = await ledger.discountCodes.issue(req);
    assert.match(issued.code, CODE_PATTERN);
    assert.equal(issued.expiresAt, '2026-11-26T12:00:00.000Z');
    assert.deepEqual(issued.offer, req.offer);
    const stored = await ledger.discountCodes.find(issued.code.toLowerCase());
    assert.equal(stored?.checkoutId, req.checkoutId);
    assert.equal(stored?.customerId, 'c-42');
    assert.equal(stored?.step, 3);
    assert.equal(stored?.expiresAt, '2026-11-26T12:00:00.000Z', 'expiry stored');
    assert.deepEqual(stored?.offer, req.offer);
  });

  it('asked again for the same checkout and step (a retry) it answers the same code, expiry and offer', async () => {
    const req = request();
    const first = await ledger.discountCodes.issue(req);
    const again = await ledger.discountCodes.issue({
      ...req,
      requestedAt: T0 + HOUR,
      offer: { freeShipping: true, currency: 'EUR' },
    });
    assert.deepEqual(again, first);
  });

  it('concurrent issues for one step agree on one code', async () => {
    const req = request();
    const codes = await Promise.all(Array.from({ length: 8 }, () => ledger.discountCodes.issue(req)));
    assert.equal(new Set(codes.map((c) => c.code)).size, 1);
  });

  it('every checkout and every step gets a code of its own', async () => {
    const req = request();
    const other = await ledger.discountCodes.issue({ ...req, step: 2 });
    const codes = await Promise.all(
      Array.from({ length: 50 }, () => ledger.discountCodes.issue(request())).concat([ledger.discountCodes.issue(req)]),
    );
    const all = [...codes.map((c) => c.code), other.code];
    assert.equal(new Set(all).size, all.length);
  });

  it('a drawn code that is already taken is drawn again, never handed to a second checkout', async () => {
    const taken = await ledger.discountCodes.issue(request());
    const draws = [taken.code, taken.code, drawDiscountCode()];
    const unlucky = new LedgerDiscountCodes(
      // biome-ignore lint/suspicious/noExplicitAny: the same database the ledger uses
      (ledger.discountCodes as any).db,
      () => draws.shift() ?? drawDiscountCode(),
    );
    const fresh = await unlucky.issue(request());
    assert.notEqual(fresh.code, taken.code);
    assert.equal(draws.length, 0, 'drew until a free code came up');
  });
}

describe('discount codes', () => {
  it('use a readable alphabet in groups of four, drawn uniformly at random', () => {
    const codes = Array.from({ length: 2_000 }, drawDiscountCode);
    for (const code of codes) assert.match(code, CODE_PATTERN);
    assert.equal(new Set(codes).size, codes.length);
    assert.ok(
      codes.every((c) => !/[01ILO]/.test(c.slice(5))),
      'no look-alike symbols',
    );
  });
});

describe('discount code store on in-memory PGlite', () => {
  storeBehaviour((extra) => openSendLedger({ databaseUrl: undefined, inMemory: true, ...extra }));

  it('the table has exactly the columns the drizzle schema declares', async () => {
    const connection = await connectLedger({ kind: 'memory' });
    try {
      await migrate(connection.db);
      const { rows } = (await connection.db.execute(
        sql`SELECT column_name FROM information_schema.columns WHERE table_name = 'discount_codes' ORDER BY column_name`,
      )) as unknown as { rows: Array<{ column_name: string }> };
      const declared = Object.values(getTableColumns(discountCodes)).map((c) => c.name);
      assert.deepEqual(
        rows.map((r) => r.column_name),
        declared.sort(),
      );
      const versions = (await connection.db.execute(sql`SELECT version FROM send_ledger_migrations`)) as unknown as {
        rows: Array<{ version: number }>;
      };
      assert.ok(
        versions.rows.some((r) => r.version === 4),
        'migration 4 applied',
      );
      assert.ok(MIGRATIONS.some((m) => m.version === 4 && m.name.includes('discount_codes')));
    } finally {
      await connection.close();
    }
  });
});

describe('discount code store on PostgreSQL (TEST_DATABASE_URL)', {
  skip: TEST_DATABASE_URL ? false : 'TEST_DATABASE_URL is not set',
}, () => {
  const url = TEST_DATABASE_URL ?? '';
  const schema = usePostgresSchema(url, 'discount_codes_test');

  storeBehaviour((extra) => openSendLedger({ databaseUrl: url, schema, ...extra }));
});

describe('the issueDiscountCode activity', () => {
  const env = () => new MockActivityEnvironment({ workflowExecution: { workflowId: 'checkout-co-1', runId: 'run-1' } });
  const activitiesWith = (discounts?: DiscountCodeIssuer) =>
    createActivities({
      mailer: createSesMailer({ endpoint: 'http://127.0.0.1:1', region: 'us-east-1' }),
      // biome-ignore lint/suspicious/noExplicitAny: issuing a code never touches the send ledger
      ledger: {} as any,
      from: FROM,
      links: LINKS,
      ...(discounts && { discounts }),
    });
  const run = (a: ReturnType<typeof activitiesWith>, input: IssueDiscountCodeInput) =>
    env().run<[IssueDiscountCodeInput], IssuedDiscountCode, typeof a.issueDiscountCode>(a.issueDiscountCode, input);

  it("answers the issuer's code", async () => {
    const issued = { code: 'SHOP-1', expiresAt: '2026-11-26T12:00:00.000Z', offer: request().offer };
    assert.deepEqual(await run(activitiesWith({ issue: async () => issued }), request()), issued);
  });

  it("a refusal by the issuer (or the shop's platform) is permanent: DiscountCodeRefused, not retried", async () => {
    const refusing = activitiesWith({
      issue: async () => {
        throw new DiscountCodeRefused('price rule limit reached');
      },
    });
    const err = await run(refusing, request()).catch((e: unknown) => e);
    assert.ok(err instanceof ApplicationFailure);
    assert.equal(err.type, DISCOUNT_CODE_REFUSED);
    assert.equal(err.nonRetryable, true);
    assert.match(err.message, /price rule limit reached/);
  });

  it('any other issuer error is left to Temporal to retry', async () => {
    const flaky = activitiesWith({
      issue: async () => {
        throw new Error('connection reset');
      },
    });
    await assert.rejects(run(flaky, request()), (err: unknown) => {
      assert.ok(err instanceof Error, 'the activity fails');
      assert.match(err.message, /connection reset/, "with the issuer's own error");
      assert.ok(!(err instanceof ApplicationFailure && err.nonRetryable), 'which Temporal may retry');
      return true;
    });
  });

  it('a worker without an issuer refuses permanently, so reminders go without offers', async () => {
    const err = await run(activitiesWith(undefined), request()).catch((e: unknown) => e);
    assert.ok(err instanceof ApplicationFailure && err.nonRetryable && err.type === DISCOUNT_CODE_REFUSED);
  });
});
