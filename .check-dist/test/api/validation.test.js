var __importDefault = (this && this.__importDefault) || ((mod) => (mod && mod.__esModule ? mod : { default: mod }));
Object.defineProperty(exports, '__esModule', { value: true });
const strict_1 = __importDefault(require('node:assert/strict'));
const node_test_1 = require('node:test');
const api_harness_1 = require('./support/api-harness');
const api = (0, api_harness_1.useApi)();
/** Posts, expects the 400 shape, and answers the `errors` list. */
async function invalid(method, path, body, message = 'Invalid request body') {
  const res = await (0, api_harness_1.call)(`${api.url}${path}`, method, body);
  strict_1.default.equal(res.status, 400, JSON.stringify(res.body));
  strict_1.default.equal(res.body.statusCode, 400);
  strict_1.default.equal(res.body.error, 'Bad Request');
  strict_1.default.equal(res.body.message, message);
  strict_1.default.ok(Array.isArray(res.body.errors) && res.body.errors.length > 0);
  return res.body.errors;
}
const fields = (errors) => errors.map((e) => e.field);
(0, node_test_1.describe)('POST /checkouts validation', () => {
  (0, node_test_1.test)('an invalid email is named by its nested path', async () => {
    const errors = await invalid(
      'POST',
      '/checkouts',
      (0, api_harness_1.checkoutBody)('co-v1', { customer: { id: 'c-1', email: 'nope' } }),
    );
    strict_1.default.deepEqual(errors, [{ field: 'customer.email', reason: 'must be an email' }]);
  });
  (0, node_test_1.test)('errors inside cart lines carry the line index', async () => {
    const cart = {
      currency: 'eur',
      total: -1,
      items: [
        { sku: 'A', name: 'A', quantity: 1, unitPrice: 1 },
        { sku: 'B', name: 'B', quantity: 1.5, unitPrice: 1, imageUrl: 'ftp://x/y.png' },
      ],
    };
    const errors = await invalid('POST', '/checkouts', (0, api_harness_1.checkoutBody)('co-v2', { cart }));
    strict_1.default.deepEqual(fields(errors).sort(), [
      'cart.currency',
      'cart.items[1].imageUrl',
      'cart.items[1].quantity',
      'cart.total',
    ]);
    strict_1.default.equal(errors.find((e) => e.field === 'cart.items[1].quantity')?.reason, 'must be an integer');
  });
  (0, node_test_1.test)('a schedule is checked step by step by the shared resolver', async () => {
    const schedule = [{ after: '1d' }, { after: '30m' }, { after: 'soon' }, { after: '2d', template: 'shouting' }];
    const errors = await invalid('POST', '/checkouts', (0, api_harness_1.checkoutBody)('co-v3', { schedule }));
    strict_1.default.deepEqual(fields(errors), ['schedule[1].after', 'schedule[2].after', 'schedule[3].template']);
    strict_1.default.match(errors[0]?.reason ?? '', /later than the step before/);
  });
  (0, node_test_1.test)('an empty schedule and unknown step keys are rejected', async () => {
    strict_1.default.deepEqual(
      fields(await invalid('POST', '/checkouts', (0, api_harness_1.checkoutBody)('co-v4', { schedule: [] }))),
      ['schedule'],
    );
    const errors = await invalid(
      'POST',
      '/checkouts',
      (0, api_harness_1.checkoutBody)('co-v4', { schedule: [{ after: '1h', when: 1 }] }),
    );
    strict_1.default.deepEqual(errors, [{ field: 'schedule[0].when', reason: 'is not an allowed field' }]);
  });
  (0, node_test_1.test)('locale and timezone must be known to Intl', async () => {
    const customer = { id: 'c-1', email: 'a@example.com', locale: 'not a locale', timezone: 'Mars/Olympus' };
    const errors = await invalid('POST', '/checkouts', (0, api_harness_1.checkoutBody)('co-v5', { customer }));
    strict_1.default.deepEqual(fields(errors), ['customer.locale', 'customer.timezone']);
  });
  (0, node_test_1.test)('ids outside the safe alphabet, non-http URLs and bad times are rejected', async () => {
    const body = (0, api_harness_1.checkoutBody)('co v6"', {
      customer: { id: 'c"1', email: 'a@example.com' },
      checkoutUrl: 'javascript:alert(1)',
      lastActivityAt: 'yesterday',
    });
    const errors = await invalid('POST', '/checkouts', body);
    strict_1.default.deepEqual(fields(errors).sort(), ['checkoutId', 'checkoutUrl', 'customer.id', 'lastActivityAt']);
  });
  (0, node_test_1.test)('missing required parts are named', async () => {
    const errors = await invalid('POST', '/checkouts', {});
    strict_1.default.deepEqual(fields(errors).sort(), ['cart', 'checkoutId', 'checkoutUrl', 'customer']);
  });
  (0, node_test_1.test)('unknown top-level fields are rejected, not silently dropped', async () => {
    const errors = await invalid('POST', '/checkouts', (0, api_harness_1.checkoutBody)('co-v7', { coupon: 'FREE' }));
    strict_1.default.deepEqual(errors, [{ field: 'coupon', reason: 'is not an allowed field' }]);
  });
  (0, node_test_1.test)('overlong text is rejected', async () => {
    const customer = { id: 'c-1', email: 'a@example.com', name: 'x'.repeat(201) };
    strict_1.default.deepEqual(
      fields(await invalid('POST', '/checkouts', (0, api_harness_1.checkoutBody)('co-v8', { customer }))),
      ['customer.name'],
    );
  });
  (0, node_test_1.test)('malformed JSON is a 400 that says so', async () => {
    const res = await (0, api_harness_1.call)(`${api.url}/checkouts`, 'POST', '{"checkoutId": "co-1",');
    strict_1.default.equal(res.status, 400);
    strict_1.default.match(res.body.message, /^Malformed JSON in request body/);
    strict_1.default.equal(res.body.stack, undefined);
  });
  (0, node_test_1.test)('a JSON array body is rejected as a whole', async () => {
    const errors = await invalid('POST', '/checkouts', [(0, api_harness_1.checkoutBody)('co-v9')]);
    strict_1.default.deepEqual(errors, [{ field: 'body', reason: 'must be a JSON object' }]);
  });
});
(0, node_test_1.describe)('validation of the other routes', () => {
  (0, node_test_1.test)('a path id outside the safe alphabet is a 400 on every checkout route', async () => {
    const bad = encodeURIComponent('co"1');
    for (const [method, path, body] of [
      ['GET', `/checkouts/${bad}`, undefined],
      ['POST', `/checkouts/${bad}/activity`, {}],
      ['PUT', `/checkouts/${bad}/schedule`, { schedule: [{ after: '1h' }] }],
      ['DELETE', `/checkouts/${bad}`, undefined],
    ]) {
      const errors = await invalid(method, path, body, 'Invalid path parameter');
      strict_1.default.deepEqual(fields(errors), ['id'], `${method} ${path}`);
    }
  });
  (0, node_test_1.test)('POST /checkouts/:id/activity rejects a time that is not ISO 8601', async () => {
    strict_1.default.deepEqual(fields(await invalid('POST', '/checkouts/co-1/activity', { at: 'now' })), ['at']);
  });
  (0, node_test_1.test)('PUT /checkouts/:id/schedule names the bad step', async () => {
    const errors = await invalid('PUT', '/checkouts/co-1/schedule', { schedule: [{ after: '1h' }, { after: '40d' }] });
    strict_1.default.deepEqual(errors, [{ field: 'schedule[1].after', reason: 'must be at most 30d' }]);
    strict_1.default.deepEqual(fields(await invalid('PUT', '/checkouts/co-1/schedule', {})), ['schedule']);
  });
  (0, node_test_1.test)('POST /orders names missing ids and a negative total', async () => {
    const errors = await invalid('POST', '/orders', { checkoutId: 'co-1', total: -5 });
    strict_1.default.deepEqual(fields(errors).sort(), ['orderId', 'total']);
  });
  (0, node_test_1.test)(
    'GET /customers/:customerId/checkouts refuses ids that could alter the visibility query',
    async () => {
      const injected = encodeURIComponent('c-1" OR WorkflowType = "x');
      const errors = await invalid('GET', `/customers/${injected}/checkouts`, undefined, 'Invalid path parameter');
      strict_1.default.deepEqual(fields(errors), ['customerId']);
    },
  );
  (0, node_test_1.test)('the legacy routes answer bad bodies with the same 400 shape', async () => {
    strict_1.default.deepEqual(await invalid('POST', '/api/checkout', { email_id: 'not-an-email' }), [
      { field: 'email_id', reason: 'must be an email' },
    ]);
    const errors = await invalid('POST', '/api/order', { order_id: 'x y', email_id: 'a@example.com' });
    strict_1.default.deepEqual(fields(errors), ['order_id']);
  });
});
//# sourceMappingURL=validation.test.js.map
