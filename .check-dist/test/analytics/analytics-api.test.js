var __importDefault = (this && this.__importDefault) || ((mod) => (mod && mod.__esModule ? mod : { default: mod }));
Object.defineProperty(exports, '__esModule', { value: true });
// The analytics routes over a seeded history with known answers (test/analytics/seed.ts), the
// records the API writes for what comes in, and its 503 when it cannot write them.
const strict_1 = __importDefault(require('node:assert/strict'));
const node_test_1 = require('node:test');
const event_store_token_1 = require('../../apps/api/analytics/event-store.token');
const lift_1 = require('../../apps/api/analytics/lift');
const holdout_group_1 = require('../../apps/shared/holdout-group');
const send_ledger_1 = require('../../storage/send-ledger');
const api_harness_1 = require('../api/support/api-harness');
const seed_1 = require('./seed');
const api = (0, api_harness_1.useApi)({ ANALYTICS_MIN_SAMPLE: '2' });
const RANGE = `from=${seed_1.SEED_RANGE.from}&to=${seed_1.SEED_RANGE.to}`;
const get = (path, headers = {}) => (0, api_harness_1.call)(`${api.url}${path}`, 'GET', undefined, headers);
(0, node_test_1.describe)('analytics over a seeded history', () => {
  (0, node_test_1.before)(async () => {
    await (0, seed_1.seed)(api.app.get(event_store_token_1.EVENT_STORE), 'seed');
  });
  (0, node_test_1.test)(
    'summary: send-attributed recoveries within the window, clicks beside them, per currency',
    async () => {
      const { status, body } = await get(`/analytics/summary?${RANGE}`);
      strict_1.default.equal(status, 200);
      strict_1.default.equal(body.checkouts, 7);
      strict_1.default.equal(body.reminded, 4);
      strict_1.default.equal(body.clicked, 1);
      strict_1.default.equal(body.recovered, 3, 'not the order 7 days late, not the one before any reminder');
      strict_1.default.equal(body.recoveryRate, 0.6);
      strict_1.default.equal(body.currency, 'EUR');
      strict_1.default.equal(body.recoveredRevenue, 140, 'the euros only: 90 + the cart value 50');
      strict_1.default.equal(body.clickRecovered, 1);
      strict_1.default.equal(body.clickRecoveredRevenue, 90);
      strict_1.default.deepEqual(
        body.revenueByCurrency.map((r) => [r.currency, r.recoveredRevenue]),
        [
          ['EUR', 140],
          ['USD', 200],
        ],
      );
      strict_1.default.deepEqual(body.byStep, [
        { step: 1, sent: 4, clicked: 1, recovered: 2, revenue: 90 },
        { step: 2, sent: 1, clicked: 0, recovered: 1, revenue: 50 },
      ]);
      strict_1.default.deepEqual(body.byChannel, [
        { channel: 'email', sent: 4, clicked: 1, recovered: 2, revenue: 90 },
        { channel: 'sms', sent: 1, clicked: 0, recovered: 1, revenue: 50 },
      ]);
      strict_1.default.deepEqual(body.byReason, [
        { reason: 'unknown', checkouts: 3, recovered: 1 },
        { reason: 'payment_failed', checkouts: 1, recovered: 1 },
        { reason: 'shipping_cost', checkouts: 1, recovered: 1 },
      ]);
    },
  );
  (0, node_test_1.test)(
    'holdout: treated vs control conversion, the lift with its Newcombe interval, incremental revenue',
    async () => {
      const { body } = await get(`/analytics/summary?${RANGE}`);
      const h = body.holdout;
      strict_1.default.deepEqual(h.treated, { checkouts: 5, ordered: 5, rate: 1 });
      strict_1.default.deepEqual(h.control, { checkouts: 2, ordered: 1, rate: 0.5 });
      strict_1.default.equal(h.lift, 0.5);
      const ci = (0, lift_1.newcombeDifference)(5, 5, 1, 2);
      strict_1.default.deepEqual(h.liftCI, [ci.low, ci.high]);
      strict_1.default.equal(h.relativeLift, 1);
      strict_1.default.equal(h.incrementalRevenue, 80, '(240/4 − 80/2) × 4 treated EUR checkouts');
      strict_1.default.equal(h.verdict, 'no measurable lift', 'the interval includes 0 at these counts');
    },
  );
  (0, node_test_1.test)('funnel: checkouts that reached each step and the drop-off', async () => {
    const { status, body } = await get(`/analytics/funnel?${RANGE}`);
    strict_1.default.equal(status, 200);
    strict_1.default.equal(body.checkouts, 7);
    strict_1.default.deepEqual(
      body.steps.map((s) => [s.step, s.checkouts, s.dropOff]),
      [
        ['contact', 7, 0],
        ['address', 6, 1],
        ['shipping', 6, 0],
        ['payment', 6, 0],
        ['ordered', 6, 0],
      ],
    );
  });
  (0, node_test_1.test)('daily: the figures per day the checkouts started', async () => {
    const { body } = await get(`/analytics/daily?${RANGE}`);
    strict_1.default.deepEqual(
      body.days.map((d) => [d.day, d.checkouts, d.recovered, d.recoveredRevenue]),
      [
        ['2026-11-01', 6, 2, 140],
        ['2026-11-02', 1, 1, 0],
      ],
    );
    const usd = await get(`/analytics/daily?${RANGE}&currency=USD`);
    strict_1.default.equal(usd.body.days[1].recoveredRevenue, 200);
  });
  (0, node_test_1.test)('CSV with Accept: text/csv', async () => {
    const res = await fetch(`${api.url}/analytics/summary?${RANGE}`, { headers: { accept: 'text/csv' } });
    strict_1.default.equal(res.status, 200);
    strict_1.default.match(res.headers.get('content-type') ?? '', /^text\/csv/);
    const lines = (await res.text()).trim().split('\r\n');
    strict_1.default.equal(lines[0], 'section,key,metric,value');
    strict_1.default.ok(lines.includes('step,1,recovered,2'));
    strict_1.default.ok(lines.includes('holdout,control,ordered,1'));
    const daily = await fetch(`${api.url}/analytics/daily?${RANGE}`, { headers: { accept: 'text/csv' } });
    strict_1.default.match((await daily.text()).split('\r\n')[1] ?? '', /^2026-11-01,6,3,1,2,140,EUR,4,4,2,1$/);
  });
  (0, node_test_1.test)('a bad range is a 400 naming the field', async () => {
    const cases = [
      ['from=yesterday', 'from'],
      ['from=2026-13-45', 'from'],
      ['from=2026-11-05&to=2026-11-01', 'to'],
      ['from=2024-01-01&to=2026-01-01', 'from'],
      ['currency=eur', 'currency'],
      ['sort=asc', 'sort'],
    ];
    for (const [query, field] of cases) {
      const { status, body } = await get(`/analytics/summary?${query}`);
      strict_1.default.equal(status, 400, query);
      strict_1.default.deepEqual(
        body.errors.map((e) => e.field),
        [field],
        query,
      );
    }
  });
  (0, node_test_1.test)("timeline: one checkout's records in time order; 404 for a checkout with none", async () => {
    const { status, body } = await get('/checkouts/seed-2/timeline');
    strict_1.default.equal(status, 200);
    strict_1.default.deepEqual(
      body.events.map((e) => e.type),
      ['checkout_started', 'checkout_event', 'reminder_sent', 'reminder_sent', 'ordered'],
    );
    strict_1.default.equal((await get('/checkouts/nobody/timeline')).status, 404);
  });
});
(0, node_test_1.describe)('what the API records for what comes in', () => {
  (0, node_test_1.test)(
    'a checkout start (with its group) and an order with the discount code it redeemed',
    async () => {
      const checkoutId = (0, api_harness_1.uniqueId)('rec');
      const started = await (0, api_harness_1.call)(
        `${api.url}/checkouts`,
        'POST',
        (0, api_harness_1.checkoutBody)(checkoutId),
      );
      strict_1.default.equal(started.status, 202);
      const order = await (0, api_harness_1.call)(`${api.url}/orders`, 'POST', {
        checkoutId,
        orderId: 'o-77',
        total: 50,
        discountCode: 'SAVE10-7KQ2',
      });
      strict_1.default.equal(order.status, 202);
      const { body } = await get(`/checkouts/${checkoutId}/timeline`);
      const [start, ordered] = body.events;
      strict_1.default.deepEqual(
        { type: start.type, cartValue: start.cartValue, currency: start.currency, holdout: start.holdout },
        { type: 'checkout_started', cartValue: 59.9, currency: 'EUR', holdout: false },
      );
      strict_1.default.deepEqual(
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
    },
  );
  (0, node_test_1.test)('a discount code is validated like an id', async () => {
    const { status, body } = await (0, api_harness_1.call)(`${api.url}/orders`, 'POST', {
      checkoutId: 'co-1',
      orderId: 'o-1',
      discountCode: 'no spaces',
    });
    strict_1.default.equal(status, 400);
    strict_1.default.equal(body.errors[0].field, 'discountCode');
  });
  (0, node_test_1.describe)('with HOLDOUT_PERCENT=50 and a database that fails', () => {
    let stores;
    let held;
    let broken;
    (0, node_test_1.before)(async () => {
      stores = await (0, send_ledger_1.openStores)({ databaseUrl: undefined, inMemory: true });
      held = await (0, api_harness_1.startApi)(
        api.client,
        { HOLDOUT_PERCENT: '50', HOLDOUT_SALT: 'test-salt' },
        stores,
      );
      const failing = {
        ...stores.events,
        append: async () => {
          throw new Error('connection refused');
        },
      };
      broken = await (0, api_harness_1.startApi)(api.client, {}, { ...stores, events: failing });
    });
    (0, node_test_1.after)(async () => {
      await held?.close();
      await broken?.close();
      await stores?.close();
    });
    (0, node_test_1.test)(
      "a held-out customer's checkout says holdout: true, and its start record says so",
      async () => {
        const customer = Array.from({ length: 50 }, (_, i) => `cust-${i}`).find((id) =>
          (0, holdout_group_1.inHoldout)(id, { percent: 50, salt: 'test-salt' }),
        );
        strict_1.default.ok(customer);
        const checkoutId = (0, api_harness_1.uniqueId)('held');
        const body = (0, api_harness_1.checkoutBody)(checkoutId, {
          customer: { id: customer, email: 'ada@example.com' },
        });
        strict_1.default.equal((await (0, api_harness_1.call)(`${held.url}/checkouts`, 'POST', body)).status, 202);
        const status = await (0, api_harness_1.call)(`${held.url}/checkouts/${checkoutId}`, 'GET');
        strict_1.default.equal(status.body.holdout, true);
        const [start] = await stores.events.timeline(checkoutId);
        strict_1.default.equal(start?.type === 'checkout_started' && start.holdout, true);
      },
    );
    (0, node_test_1.test)('a start it cannot record is answered 503 and not started', async () => {
      const checkoutId = (0, api_harness_1.uniqueId)('lost');
      const res = await (0, api_harness_1.call)(
        `${broken.url}/checkouts`,
        'POST',
        (0, api_harness_1.checkoutBody)(checkoutId),
      );
      strict_1.default.equal(res.status, 503);
      strict_1.default.equal(
        (await (0, api_harness_1.call)(`${broken.url}/checkouts/${checkoutId}`, 'GET')).status,
        404,
      );
    });
  });
});
//# sourceMappingURL=analytics-api.test.js.map
