// The production entry points refuse to start on a configuration they cannot work with, and say why.
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { TEST_LINK_SECRET } from '../support/links';
import { TEST_ENCRYPTION_ENV } from '../support/payload-keys';
import { runToExit } from '../support/run-to-exit';

const APPS = join(__dirname, '..', '..', 'apps');
const runMain = (app: 'api' | 'worker', env: NodeJS.ProcessEnv = {}) =>
  runToExit(join(APPS, app, 'main.js'), { ...TEST_ENCRYPTION_ENV, ...env });

describe('boot', () => {
  for (const app of ['api', 'worker'] as const) {
    test(`the ${app} without LINK_SIGNING_SECRET exits at once with a clear configuration error`, async () => {
      const { code, output } = await runMain(app, {});
      assert.equal(code, 1, output);
      assert.match(output, /LINK_SIGNING_SECRET is not set: it signs the resume and unsubscribe links/);
      assert.doesNotMatch(output, /at .*\.js:\d+/, 'a message, not a stack trace');
    });
  }

  test('the API image (NODE_ENV=production) without API_KEY exits at once, naming API_KEY and API_AUTH=off', async () => {
    const { code, output } = await runMain('api', { NODE_ENV: 'production', LINK_SIGNING_SECRET: TEST_LINK_SECRET });
    assert.equal(code, 1, output);
    assert.match(output, /Configuration error: API_KEY is not set/);
    assert.match(output, /API_AUTH=off/);
    assert.doesNotMatch(output, /at .*\.js:\d+/, 'a message, not a stack trace');
  });

  test('the API image with a key but without SHOP_ORIGINS exits at once, naming SHOP_ORIGINS', async () => {
    const { code, output } = await runMain('api', {
      NODE_ENV: 'production',
      LINK_SIGNING_SECRET: TEST_LINK_SECRET,
      API_KEY: 'k'.repeat(44),
    });
    assert.equal(code, 1, output);
    assert.match(output, /Configuration error: SHOP_ORIGINS is not set/);
  });

  // Two replicas on embedded databases would each keep their own ledger: duplicate and unwanted messages.
  const productionEnv = {
    NODE_ENV: 'production',
    LINK_SIGNING_SECRET: TEST_LINK_SECRET,
    API_KEY: 'k'.repeat(44),
    SHOP_ORIGINS: 'https://shop.example.com',
  };
  for (const app of ['api', 'worker'] as const) {
    test(`the ${app} image without DATABASE_URL exits at once, naming DATABASE_URL and ALLOW_EMBEDDED_DATABASE`, async () => {
      const { code, output } = await runMain(app, productionEnv);
      assert.equal(code, 1, output);
      assert.match(output, /Configuration error: DATABASE_URL is not set/);
      assert.match(output, /ALLOW_EMBEDDED_DATABASE=true/);
      assert.doesNotMatch(output, /at .*\.js:\d+/, 'a message, not a stack trace');
    });
  }

  test('the worker whose metrics address is taken exits, naming WORKER_METRICS_ADDRESS', async () => {
    const busy = createServer().listen(0, '127.0.0.1');
    await once(busy, 'listening');
    try {
      const { port } = busy.address() as { port: number };
      const { code, output } = await runMain('worker', {
        LINK_SIGNING_SECRET: TEST_LINK_SECRET,
        WORKER_METRICS_ADDRESS: `127.0.0.1:${port}`,
      });
      assert.equal(code, 1, output);
      assert.match(
        output,
        new RegExp(`cannot serve worker metrics on 127\\.0\\.0\\.1:${port} \\(WORKER_METRICS_ADDRESS`),
      );
    } finally {
      busy.close();
    }
  });
});
