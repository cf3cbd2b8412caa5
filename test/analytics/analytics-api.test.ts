// The analytics routes over a seeded history with known answers (test/analytics/seed.ts), the
// records the API writes for what comes in, and its 503 when it cannot write them.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { EVENT_STORE } from '../../apps/api/analytics/event-store.token';
import { newcombeDifference } from '../../apps/api/analytics/lift';
import { inHoldout } from '../../apps/shared/holdout-group';
import type { EventStore } from '../../storage/event-store';
import { type LedgerStores, openStores } from '../../storage/send-ledger';
import type { StartRecords } from '../../storage/start-records';
import {
  type ApiUnderTest,
  call,
  checkoutBody,
  type RunningApi,
  startApi,
  uniqueId,
  useApi,
} from '../api/support/api-harness';
import { SEED_RANGE, seed } from './seed';

const api: ApiUnderTest = useApi({ ANALYTICS_MIN_SAMPLE: '2' });
const RANGE = `from=${SEED_RANGE.from}&to=${SEED_RANGE.to}`;
const get = (path: string, headers: Record<string, string> = {}) =>
  call(`${api.url}${path}`, 'GET', undefined, headers);

describe('analytics over a seeded history', () => {
  before(async () => {
    await seed(api.app.get<EventStore>(EVENT_STORE), 'seed');
  });

  test('summary: send-attributed recoveries within the window, clicks beside them, per currency', async () => {
    const { status, body } = await get(`/analytics/summary?${RANGE}`);
    assert.equal(status, 200);
    assert.equal(body.checkouts, 7);
    assert.equal(body.reminded, 4);
    assert.equal(body.clicked, 1);
    assert.equal(body.recovered, 3, 'not the order 7 days late, not the one before any reminder');
    assert.equal(body.recoveryRate, 0.6);
    assert.equal(body.currency, 'EUR');
    assert.equal(body.recoveredRevenue, 140, 'the euros only: 90 + the cart value 50');
    assert.equal(body.clickRecovered, 1);
    assert.equal(body.clickRecoveredRevenue, 90);
    assert.deepEqual(
      body.revenueByCurrency.map((r: { currency: string; recoveredRevenue: number }) => [
        r.currency,
        r.recoveredRevenue,
      ]),
      [
        ['EUR', 140],
        ['USD', 200],
      ],
    );
    assert.deepEqual(body.byStep, [
      { step: 1, sent: 4, clicked: 1, recovered: 2, revenue: 90 },
      { step: 2, sent: 1, clicked: 0, recovered: 1, revenue: 50 },
    ]);
    assert.deepEqual(body.byChannel, [
      { channel: 'email', sent: 4, clicked: 1, recovered: 2, revenue: 90 },
      { channel: 'sms', sent: 1, clicked: 0, recovered: 1, revenue: 50 },
    ]);
    assert.deepEqual(body.byReason, [
      { reason: 'unknown', checkouts: 3, recovered: 1 },
      { reason: 'payment_failed', checkouts: 1, recovered: 1 },
      { reason: 'shipping_cost', checkouts: 1, recovered: 1 },
    ]);
  });

  test('holdout: treated vs control conversion, the lift with its Newcombe interval, incremental revenue', async () => {
    const { body } = await get(`/analytics/summary?${RANGE}`);
    const h = body.holdout;
    assert.deepEqual(h.treated, { checkouts: 5, ordered: 5, rate: 1 });
    assert.deepEqual(h.control, { checkouts: 2, ordered: 1, rate: 0.5 });
    assert.equal(h.lift, 0.5);
    const ci = newcombeDifference(5, 5, 1, 2);
    assert.deepEqual(h.liftCI, [ci.low, ci.high]);
    assert.equal(h.relativeLift, 1);
    assert.equal(h.incrementalRevenue, 80, '(240/4 − 80/2) × 4 treated EUR checkouts');
    assert.equal(h.verdict, 'no measurable lift', 'the interval includes 0 at these counts');
  });

  test('funnel: checkouts that reached each step and the drop-off', async () => {
    const { status, body } = await get(`/analytics/funnel?${RANGE}`);
    assert.equal(status, 200);
    assert.equal(body.checkouts, 7);
    assert.deepEqual(
      body.steps.map((s: { step: string; checkouts: number; dropOff: number }) => [s.step, s.checkouts, s.dropOff]),
      [
        ['contact', 7, 0],
        ['address', 6, 1],
        ['shipping', 6, 0],
        ['payment', 6, 0],
        ['ordered', 6, 0],
      ],
    );
  });

  test('daily: the figures per day the checkouts started', async () => {
    const { body } = await get(`/analytics/daily?${RANGE}`);
    assert.deepEqual(
      body.days.map((d: { day: string; checkouts: number; recovered: number; recoveredRevenue: number }) => [
        d.day,
        d.checkouts,
        d.recovered,
        d.recoveredRevenue,
      ]),
      [
        ['2026-11-01', 6, 2, 140],
        ['2026-11-02', 1, 1, 0],
      ],
    );
    const usd = await get(`/analytics/daily?${RANGE}&currency=USD`);
    assert.equal(usd.body.days[1].recoveredRevenue, 200);
  });

  test('CSV with Accept: text/csv', async () => {
    const res = await fetch(`${api.url}/analytics/summary?${RANGE}`, { headers: { accept: 'text/csv' } });
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/csv/);
    const lines = (await res.text()).trim().split('\r\n');
    assert.equal(lines[0], 'section,key,metric,value');
    assert.ok(lines.includes('step,1,recovered,2'));
    assert.ok(lines.includes('holdout,control,ordered,1'));
    const daily = await fetch(`${api.url}/analytics/daily?${RANGE}`, { headers: { accept: 'text/csv' } });
    assert.match((await daily.text()).split('\r\n')[1] ?? '', /^2026-11-01,6,3,1,2,140,EUR,4,4,2,1$/);
  });

  test('a bad range is a 400 naming the field', async () => {
    const cases: Array<[string, string]> = [
      ['from=yesterday', 'from'],
      ['from=2026-13-45', 'from'],
      ['from=2026-11-05&to=2026-11-01', 'to'],
      ['from=2024-01-01&to=2026-01-01', 'from'],
      ['currency=eur', 'currency'],
      ['sort=asc', 'sort'],
    ];
    for (const [query, field] of cases) {
      const { status, body } = await get(`/analytics/summary?${query}`);
      assert.equal(status, 400, query);
      assert.deepEqual(
        body.errors.map((e: { field: string }) => e.field),
        [field],
        query,
      );
    }
  });

  test("timeline: one checkout's records in time order; 404 for a checkout with none", async () => {
    const { status, body } = await get('/checkouts/seed-2/timeline');
    assert.equal(status, 200);
    assert.deepEqual(
      body.events.map((e: { type: string }) => e.type),
      ['checkout_started', 'checkout_event', 'reminder_sent', 'reminder_sent', 'ordered'],
    );
    assert.equal((await get('/checkouts/nobody/timeline')).status, 404);
  });
});

describe('what the API records for what comes in', () => {
  test('a checkout start (with its group) and an order with the discount code it redeemed', async () => {
    const checkoutId = uniqueId('rec');
    const started = await call(`${api.url}/checkouts`, 'POST', checkoutBody(checkoutId));
    assert.equal(started.status, 202);
    const order = await call(`${api.url}/orders`, 'POST', {
      checkoutId,
      orderId: 'o-77',
      total: 50,
      discountCode: 'SAVE10-7KQ2',
    });
    assert.equal(order.status, 202);
    const { body } = await get(`/checkouts/${checkoutId}/timeline`);
    const [start, ordered] = body.events;
    assert.deepEqual(
      { type: start.type, cartValue: start.cartValue, currency: start.currency, holdout: start.holdout },
      { type: 'checkout_started', cartValue: 59.9, currency: 'EUR', holdout: false },
    );
    assert.deepEqual(
      {
        type: ordered.type,
        orderId: ordered.orderId,
        total: ordered.total,
        currency: ordered.currency,
        discountCode: ordered.discountCode,
        afterStep: ordered.afterStep,
      },
      { type: 'ordered', orderId: 'o-77', total: 50, currency: 'EUR', discountCode: 'SAVE10-7KQ2', afterStep: 0 },
    );
  });

  test('a discount code is validated like an id', async () => {
    const { status, body } = await call(`${api.url}/orders`, 'POST', {
      checkoutId: 'co-1',
      orderId: 'o-1',
      discountCode: 'no spaces',
    });
    assert.equal(status, 400);
    assert.equal(body.errors[0].field, 'discountCode');
  });

  describe('with HOLDOUT_PERCENT=50 and a database that fails', () => {
    let stores: LedgerStores;
    let held: RunningApi;
    let broken: RunningApi;
    let brokenSplit: RunningApi;
    before(async () => {
      stores = await openStores({ databaseUrl: undefined, inMemory: true });
      held = await startApi(api.client, { HOLDOUT_PERCENT: '50', HOLDOUT_SALT: 'test-salt' }, stores);
      const failing: EventStore = {
        ...stores.events,
        append: async () => {
          throw new Error('connection refused');
        },
      };
      const refusing: StartRecords = {
        record: async () => {
          throw new Error('connection refused');
        },
        added: async () => {},
      };
      broken = await startApi(api.client, {}, { ...stores, events: failing, starts: refusing });
      // The same database without the one-statement start record: recorded through the event store.
      const { starts: _, ...split } = stores;
      brokenSplit = await startApi(api.client, {}, { ...split, events: failing });
    });
    after(async () => {
      await held?.close();
      await broken?.close();
      await brokenSplit?.close();
      await stores?.close();
    });

    test("a held-out customer's checkout says holdout: true, and its start record says so", async () => {
      const customer = Array.from({ length: 50 }, (_, i) => `cust-${i}`).find((id) =>
        inHoldout(id, { percent: 50, salt: 'test-salt' }),
      );
      assert.ok(customer);
      const checkoutId = uniqueId('held');
      const body = checkoutBody(checkoutId, {
        customer: { id: customer, email: 'ada@example.com' },
      });
      assert.equal((await call(`${held.url}/checkouts`, 'POST', body)).status, 202);
      const status = await call(`${held.url}/checkouts/${checkoutId}`, 'GET');
      assert.equal(status.body.holdout, true);
      const [start] = await stores.events.timeline(checkoutId);
      assert.equal(start?.type === 'checkout_started' && start.holdout, true);
    });

    test('a start it cannot record is answered 503 and not started', async () => {
      for (const app of [broken, brokenSplit]) {
        const checkoutId = uniqueId('lost');
        const res = await call(`${app.url}/checkouts`, 'POST', checkoutBody(checkoutId));
        assert.equal(res.status, 503);
        assert.equal((await call(`${app.url}/checkouts/${checkoutId}`, 'GET')).status, 404);
      }
    });
  });
});
