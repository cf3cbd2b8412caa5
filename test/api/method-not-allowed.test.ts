import assert from 'node:assert/strict';
import { test } from 'node:test';
import { call, useApi } from './support/api-harness';

const API_KEY = 'method-test-api-key-0123456789abcdef';
const api = useApi({ API_KEY });

test('a method a known path does not have answers 405 with Allow and the error body, whoever asks', async () => {
  for (const [method, path, allow] of [
    ['PUT', '/health', 'GET, HEAD'],
    ['PATCH', '/checkouts/co-1', 'DELETE, GET, HEAD'],
    ['GET', '/orders', 'POST'],
    ['DELETE', '/customers/c-42/preferences', 'GET, HEAD, PUT'],
  ] as const) {
    // No API key: the method is wrong before anything else.
    const res = await call(`${api.url}${path}`, method);
    assert.equal(res.status, 405, `${method} ${path}`);
    assert.equal(res.headers.get('allow'), allow, `${method} ${path}`);
    assert.equal(res.body.statusCode, 405);
    assert.equal(res.body.correlationId, res.headers.get('x-correlation-id'));
  }
});

test('a declared method is not affected, and an unknown path stays 404', async () => {
  assert.equal((await call(`${api.url}/health`, 'GET')).status, 200);
  assert.equal((await call(`${api.url}/orders`, 'POST', {})).status, 401);
  const unknown = await call(`${api.url}/nowhere`, 'PATCH');
  assert.equal(unknown.status, 404);
  assert.equal(unknown.headers.get('allow'), null);
});
