import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { call, checkoutBody, useApi } from './support/api-harness';

const api = useApi();

/** Posts, expects the 400 shape, and answers the `errors` list. */
async function invalid(method: string, path: string, body?: unknown, message = 'Invalid request body') {
  const res = await call(`${api.url}${path}`, method, body);
  assert.equal(res.status, 400, JSON.stringify(res.body));
  assert.equal(res.body.statusCode, 400);
  assert.equal(res.body.error, 'Bad Request');
  assert.equal(res.body.message, message);
  assert.ok(Array.isArray(res.body.errors) && res.body.errors.length > 0);
  return res.body.errors as Array<{ field: string; reason: string }>;
}

const fields = (errors: Array<{ field: string }>) => errors.map((e) => e.field);

describe('POST /checkouts validation', () => {
  test('an invalid email is named by its nested path', async () => {
    const errors = await invalid(
      'POST',
      '/checkouts',
      checkoutBody('co-v1', { customer: { id: 'c-1', email: 'nope' } }),
    );
    assert.deepEqual(errors, [{ field: 'customer.email', reason: 'must be an email' }]);
  });

  test('errors inside cart lines carry the line index', async () => {
    const cart = {
      currency: 'eur',
      total: -1,
      items: [
        { sku: 'A', name: 'A', quantity: 1, unitPrice: 1 },
        { sku: 'B', name: 'B', quantity: 1.5, unitPrice: 1, imageUrl: 'ftp://x/y.png' },
      ],
    };
    const errors = await invalid('POST', '/checkouts', checkoutBody('co-v2', { cart }));
    assert.deepEqual(fields(errors).sort(), [
      'cart.currency',
      'cart.items[1].imageUrl',
      'cart.items[1].quantity',
      'cart.total',
    ]);
    assert.equal(errors.find((e) => e.field === 'cart.items[1].quantity')?.reason, 'must be an integer');
  });

  test('a schedule is checked step by step by the shared resolver', async () => {
    const schedule = [{ after: '1d' }, { after: '30m' }, { after: 'soon' }, { after: '2d', template: 'shouting' }];
    const errors = await invalid('POST', '/checkouts', checkoutBody('co-v3', { schedule }));
    assert.deepEqual(fields(errors), ['schedule[1].after', 'schedule[2].after', 'schedule[3].template']);
    assert.match(errors[0]?.reason ?? '', /later than the step before/);
  });

  test('an empty schedule and unknown step keys are rejected', async () => {
    assert.deepEqual(fields(await invalid('POST', '/checkouts', checkoutBody('co-v4', { schedule: [] }))), [
      'schedule',
    ]);
    const errors = await invalid('POST', '/checkouts', checkoutBody('co-v4', { schedule: [{ after: '1h', when: 1 }] }));
    assert.deepEqual(errors, [{ field: 'schedule[0].when', reason: 'is not an allowed field' }]);
  });

  test('locale and timezone must be known to Intl', async () => {
    const customer = { id: 'c-1', email: 'a@example.com', locale: 'not a locale', timezone: 'Mars/Olympus' };
    const errors = await invalid('POST', '/checkouts', checkoutBody('co-v5', { customer }));
    assert.deepEqual(fields(errors), ['customer.locale', 'customer.timezone']);
  });

  test('ids outside the safe alphabet, non-http URLs and bad times are rejected', async () => {
    const body = checkoutBody('co v6"', {
      customer: { id: 'c"1', email: 'a@example.com' },
      checkoutUrl: 'javascript:alert(1)',
      lastActivityAt: 'yesterday',
    });
    const errors = await invalid('POST', '/checkouts', body);
    assert.deepEqual(fields(errors).sort(), ['checkoutId', 'checkoutUrl', 'customer.id', 'lastActivityAt']);
  });

  test('missing required parts are named', async () => {
    const errors = await invalid('POST', '/checkouts', {});
    assert.deepEqual(fields(errors).sort(), ['cart', 'checkoutId', 'checkoutUrl', 'customer']);
  });

  test('unknown top-level fields are rejected, not silently dropped', async () => {
    const errors = await invalid('POST', '/checkouts', checkoutBody('co-v7', { coupon: 'FREE' }));
    assert.deepEqual(errors, [{ field: 'coupon', reason: 'is not an allowed field' }]);
  });

  test('overlong text is rejected', async () => {
    const customer = { id: 'c-1', email: 'a@example.com', name: 'x'.repeat(201) };
    assert.deepEqual(fields(await invalid('POST', '/checkouts', checkoutBody('co-v8', { customer }))), [
      'customer.name',
    ]);
  });

  test('malformed JSON is a 400 that says so', async () => {
    const res = await call(`${api.url}/checkouts`, 'POST', '{"checkoutId": "co-1",');
    assert.equal(res.status, 400);
    assert.match(res.body.message, /^Malformed JSON in request body/);
    assert.equal(res.body.stack, undefined);
  });

  test('a JSON array body is rejected as a whole', async () => {
    const errors = await invalid('POST', '/checkouts', [checkoutBody('co-v9')]);
    assert.deepEqual(errors, [{ field: 'body', reason: 'must be a JSON object' }]);
  });
});

describe('validation of the other routes', () => {
  test('a path id outside the safe alphabet is a 400 on every checkout route', async () => {
    const bad = encodeURIComponent('co"1');
    for (const [method, path, body] of [
      ['GET', `/checkouts/${bad}`, undefined],
      ['POST', `/checkouts/${bad}/activity`, {}],
      ['PUT', `/checkouts/${bad}/schedule`, { schedule: [{ after: '1h' }] }],
      ['DELETE', `/checkouts/${bad}`, undefined],
    ] as const) {
      const errors = await invalid(method, path, body, 'Invalid path parameter');
      assert.deepEqual(fields(errors), ['id'], `${method} ${path}`);
    }
  });

  test('POST /checkouts/:id/activity rejects a time that is not ISO 8601', async () => {
    assert.deepEqual(fields(await invalid('POST', '/checkouts/co-1/activity', { at: 'now' })), ['at']);
  });

  test('PUT /checkouts/:id/schedule names the bad step', async () => {
    const errors = await invalid('PUT', '/checkouts/co-1/schedule', { schedule: [{ after: '1h' }, { after: '40d' }] });
    assert.deepEqual(errors, [{ field: 'schedule[1].after', reason: 'must be at most 30d' }]);
    assert.deepEqual(fields(await invalid('PUT', '/checkouts/co-1/schedule', {})), ['schedule']);
  });

  test('POST /orders names missing ids and a negative total', async () => {
    const errors = await invalid('POST', '/orders', { checkoutId: 'co-1', total: -5 });
    assert.deepEqual(fields(errors).sort(), ['orderId', 'total']);
  });

  test('GET /customers/:customerId/checkouts refuses ids that could alter the visibility query', async () => {
    const injected = encodeURIComponent('c-1" OR WorkflowType = "x');
    const errors = await invalid('GET', `/customers/${injected}/checkouts`, undefined, 'Invalid path parameter');
    assert.deepEqual(fields(errors), ['customerId']);
  });

  test('the legacy routes answer bad bodies with the same 400 shape', async () => {
    assert.deepEqual(await invalid('POST', '/api/checkout', { email_id: 'not-an-email' }), [
      { field: 'email_id', reason: 'must be an email' },
    ]);
    const errors = await invalid('POST', '/api/order', { order_id: 'x y', email_id: 'a@example.com' });
    assert.deepEqual(fields(errors), ['order_id']);
  });
});
