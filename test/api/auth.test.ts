import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { INestApplication } from '@nestjs/common';
import { signLink } from '../../apps/shared/link-token';
import { ConfigError } from '../../config/env';
import { TEST_LINK_SECRET } from '../support/links';
import { call, checkoutBody, startApi, uniqueId, useApi } from './support/api-harness';

const KEY = 'test-key-0123456789-0123456789-abcdef';

/**
 * Routes anyone may call: liveness, the signed links in emails (the resume redirect, unsubscribe, the
 * one-click checkout page: the signed token is the credential) and the dashboard's sign-in form
 * (plus the API document under /docs). The dashboard itself is protected (its cookie or the key).
 */
const PUBLIC_ROUTES = [
  'GET /c/:token',
  'POST /c/:token',
  'POST /c/:token/authenticated',
  'GET /c/:token/addresses',
  'GET /c/assets/:name',
  'GET /dashboard/sign-in',
  'POST /dashboard/sign-in',
  'POST /dashboard/sign-out',
  'GET /health',
  'GET /health/live',
  'GET /health/ready',
  'GET /unsubscribe',
  'POST /unsubscribe',
  'GET /r/:token',
];
const isPublic = ({ method, path }: Route) => PUBLIC_ROUTES.includes(`${method} ${path}`) || path.startsWith('/docs');

interface Route {
  method: string;
  path: string;
}

/** Every route the app's Express router serves, so a new route cannot be left out of the check. */
function routesOf(app: INestApplication): Route[] {
  const express = app.getHttpAdapter().getInstance() as {
    router: { stack: Array<{ route?: { path: string; methods: Record<string, boolean> } }> };
  };
  return express.router.stack.flatMap(({ route }) =>
    route ? Object.keys(route.methods).map((m) => ({ method: m.toUpperCase(), path: route.path })) : [],
  );
}

/** A concrete URL for a route pattern: every `:param` gets a plausible value. */
const withParams = (path: string) => path.replace(/:(\w+)/g, (_, name: string) => (name === 'token' ? 'x.y' : 'co-a1'));
const api = useApi({ API_KEY: KEY });

describe('with API_KEY set', () => {
  test('every API route but the public ones answers 401 without the key (routes read from the running app)', async () => {
    const routes = routesOf(api.app);
    assert.ok(
      routes.some((r) => r.method === 'POST' && r.path === '/checkouts'),
      'the router was read',
    );
    const protectedRoutes = routes.filter((r) => !isPublic(r));
    assert.ok(protectedRoutes.length >= 10, `${protectedRoutes.length} protected routes found`);
    for (const { method, path } of protectedRoutes) {
      const res = await call(
        `${api.url}${withParams(path)}`,
        method,
        method === 'GET' || method === 'DELETE' ? undefined : {},
      );
      // The codec is served on its own listener (CODEC_ADDRESS, codec.test.ts): not at all on this port.
      assert.equal(res.status, path.startsWith('/codec/') ? 404 : 401, `${method} ${path}`);
    }
  });

  test('the public routes are exactly health, the API document and the links in emails', async () => {
    const open = routesOf(api.app)
      .filter(isPublic)
      .map((r) => `${r.method} ${r.path}`)
      .filter((r) => !r.startsWith('GET /docs'));
    assert.deepEqual(open.sort(), [...PUBLIC_ROUTES].sort());
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
    const attempt = startApi(api.client, { NODE_ENV: 'production', SHOP_ORIGINS: 'https://shop.example.com' });
    await assert.rejects(
      attempt.then(async (open) => {
        await open.close(); // closed, so the failure ends the file instead of hanging it
        throw new Error('the API started with every route open');
      }),
      (err: unknown) => err instanceof ConfigError && /API_KEY is not set/.test(err.message),
    );
  });

  test('API_AUTH=off opens the routes only because it says so', async () => {
    const open = await startApi(api.client, {
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
