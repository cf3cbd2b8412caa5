import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { signLink } from '../../common/link-token';
import { ConfigError } from '../../config/env';
import { TEST_LINK_SECRET } from '../support/links';
import { call, checkoutBody, type RunningApi, startApi, startTemporal, uniqueId } from './support/api-harness';

const KEY = 'test-key-0123456789-0123456789-abcdef';
let env: TestWorkflowEnvironment;
let api: RunningApi;

before(async () => {
  env = await startTemporal();
  api = await startApi(env.client, { API_KEY: KEY });
});

after(async () => {
  await api?.close();
  await env?.teardown();
});

describe('with API_KEY set', () => {
  test('every API route answers 401 without the key', async () => {
    for (const [method, path, body] of [
      ['POST', '/checkouts', checkoutBody('co-a1')],
      ['GET', '/checkouts/co-a1', undefined],
      ['POST', '/checkouts/co-a1/activity', {}],
      ['PUT', '/checkouts/co-a1/schedule', { schedule: [{ after: '1h' }] }],
      ['DELETE', '/checkouts/co-a1', undefined],
      ['POST', '/orders', { checkoutId: 'co-a1', orderId: 'o-1' }],
      ['GET', '/customers/c-42/checkouts', undefined],
      ['POST', '/api/checkout', { email_id: 'a@example.com' }],
      ['POST', '/api/order', { order_id: 'co-a1', email_id: 'a@example.com' }],
    ] as const) {
      const res = await call(`${api.url}${path}`, method, body);
      assert.equal(res.status, 401, `${method} ${path}`);
    }
  });

  test('a wrong key is a 401, also before the body is validated', async () => {
    const res = await call(`${api.url}/checkouts`, 'POST', {}, { 'x-api-key': `${KEY}x` });
    assert.equal(res.status, 401);
    assert.equal((await call(`${api.url}/checkouts`, 'POST', {}, { authorization: 'Bearer nope' })).status, 401);
  });

  test('the key is accepted as x-api-key and as a bearer token', async () => {
    const viaHeader = await call(`${api.url}/checkouts`, 'POST', checkoutBody(uniqueId('co')), { 'x-api-key': KEY });
    assert.equal(viaHeader.status, 202);
    const viaBearer = await call(`${api.url}/checkouts`, 'POST', checkoutBody(uniqueId('co')), {
      authorization: `Bearer ${KEY}`,
    });
    assert.equal(viaBearer.status, 202);
  });

  test('health, the API document and the signed links of emails stay public', async () => {
    assert.equal((await call(`${api.url}/health`, 'GET')).status, 200);
    assert.equal((await call(`${api.url}/docs-json`, 'GET')).status, 200);
    assert.equal((await fetch(`${api.url}/docs`)).status, 200);
    const expiresAt = Math.floor(Date.now() / 1000) + 60;
    const claims = { checkoutId: 'co-a1', customerId: 'c-42', step: 1, expiresAt };
    const unsubscribe = signLink({ ...claims, purpose: 'unsubscribe' }, [TEST_LINK_SECRET]);
    assert.equal((await fetch(`${api.url}/unsubscribe?token=${unsubscribe}`)).status, 200);
    const resume = signLink({ ...claims, purpose: 'resume', target: 'https://shop.example.com/c' }, [TEST_LINK_SECRET]);
    assert.equal((await fetch(`${api.url}/r/${resume}`, { redirect: 'manual' })).status, 302);
  });
});

describe('outside development (NODE_ENV=production)', () => {
  test('the API is never built with every route open: no key, no app', async () => {
    const attempt = startApi(env.client, { NODE_ENV: 'production', SHOP_ORIGINS: 'https://shop.example.com' });
    await assert.rejects(
      attempt.then(async (open) => {
        await open.close(); // closed, so the failure ends the file instead of hanging it
        throw new Error('the API started with every route open');
      }),
      (err: unknown) => err instanceof ConfigError && /API_KEY is not set/.test(err.message),
    );
  });

  test('API_AUTH=off opens the routes only because it says so', async () => {
    const open = await startApi(env.client, {
      NODE_ENV: 'production',
      API_AUTH: 'off',
      SHOP_ORIGINS: 'https://shop.example.com',
    });
    try {
      assert.equal((await call(`${open.url}/checkouts`, 'POST', checkoutBody(uniqueId('co')))).status, 202);
    } finally {
      await open.close();
    }
  });
});
