import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { checkApiEdge } from '../../config/api-edge';
import { devLinkSecret } from '../../config/dev-link-secret';
import { ConfigError, loadConfig } from '../../config/env';
import { TEST_LINK_SECRET } from '../support/links';
import { TEST_ENCRYPTION_ENV } from '../support/payload-keys';

const DAY_MS = 86_400_000;
const withSecret = (env: NodeJS.ProcessEnv = {}) =>
  loadConfig({ LINK_SIGNING_SECRET: TEST_LINK_SECRET, ...TEST_ENCRYPTION_ENV, ...env });

describe('link settings', () => {
  it('refuses to start without LINK_SIGNING_SECRET, saying how to make one', () => {
    for (const value of [undefined, '', ' , ']) {
      assert.throws(
        () => loadConfig({ LINK_SIGNING_SECRET: value }),
        (err: unknown) =>
          err instanceof ConfigError &&
          /LINK_SIGNING_SECRET is not set/.test(err.message) &&
          /openssl rand/.test(err.message),
        String(value),
      );
    }
  });

  it('refuses a secret too short to resist guessing', () => {
    assert.throws(() => loadConfig({ LINK_SIGNING_SECRET: 'hunter2' }), ConfigError);
    assert.throws(() => loadConfig({ LINK_SIGNING_SECRET: `${TEST_LINK_SECRET},short` }), ConfigError);
  });

  it('takes several comma-separated secrets for rotation, the first one signing', () => {
    const old = 'the-old-secret-0123456789-0123456789-0123';
    assert.deepEqual(withSecret({ LINK_SIGNING_SECRET: ` ${TEST_LINK_SECRET} , ${old} ` }).links.secrets, [
      TEST_LINK_SECRET,
      old,
    ]);
  });

  it('resume links live 7 days and unsubscribe links 90 by default; both are configurable', () => {
    assert.equal(withSecret().links.resumeTtlMs, 7 * DAY_MS);
    assert.equal(withSecret().links.unsubscribeTtlMs, 90 * DAY_MS);
    const custom = withSecret({ LINK_RESUME_TTL: '2d', LINK_UNSUBSCRIBE_TTL: '60d' }).links;
    assert.equal(custom.resumeTtlMs, 2 * DAY_MS);
    assert.equal(custom.unsubscribeTtlMs, 60 * DAY_MS);
  });

  it('refuses unsubscribe links that would stop working before the 30 days the law expects', () => {
    assert.throws(() => withSecret({ LINK_UNSUBSCRIBE_TTL: '29d' }), /LINK_UNSUBSCRIBE_TTL must be at least 30d/);
    assert.throws(() => withSecret({ LINK_RESUME_TTL: 'a week' }), /LINK_RESUME_TTL/);
  });
});

describe('API access settings', () => {
  const KEY = 'k'.repeat(32);
  const production = (env: NodeJS.ProcessEnv = {}) =>
    withSecret({ NODE_ENV: 'production', SHOP_ORIGINS: 'https://shop.example.com', ...env });

  it('outside development the API refuses to start without a key, saying how to make one', () => {
    assert.throws(
      () => checkApiEdge(production()),
      (err: unknown) =>
        err instanceof ConfigError && /API_KEY is not set/.test(err.message) && /API_AUTH=off/.test(err.message),
    );
    checkApiEdge(production({ API_KEY: KEY }));
  });

  it('API_AUTH=off runs without a key on purpose, and not together with one', () => {
    checkApiEdge(production({ API_AUTH: 'off' }));
    assert.throws(() => production({ API_AUTH: 'off', API_KEY: KEY }), /API_AUTH=off and API_KEY are both set/);
    assert.throws(() => withSecret({ API_AUTH: 'on' }), /API_AUTH=on but API_KEY is not set/);
  });

  it('refuses a key too short to resist guessing, in development too', () => {
    assert.throws(() => withSecret({ API_KEY: 'k'.repeat(31) }), /API_KEY must be at least 32 characters/);
  });

  it('development (no NODE_ENV, as npm start and the tests run) starts open and with the example shop', () => {
    const config = withSecret();
    checkApiEdge(config);
    assert.equal(config.api.apiKey, undefined);
    assert.deepEqual(config.api.shopOrigins, ['https://shop.example.com']);
  });

  it('outside development the API refuses to start without SHOP_ORIGINS, and there is no default', () => {
    assert.throws(() => checkApiEdge(production({ API_KEY: KEY, SHOP_ORIGINS: undefined })), /SHOP_ORIGINS is not set/);
    assert.throws(() => checkApiEdge(production({ API_KEY: KEY, SHOP_ORIGINS: ' , ' })), /SHOP_ORIGINS is not set/);
  });

  it('takes shop origins only as exact origins: no path, no trailing slash, no other scheme', () => {
    assert.deepEqual(withSecret({ SHOP_ORIGINS: 'https://a.example, http://localhost:8080' }).api.shopOrigins, [
      'https://a.example',
      'http://localhost:8080',
    ]);
    for (const bad of ['https://a.example/', 'https://a.example/shop', 'a.example', 'ftp://a.example', '*'])
      assert.throws(() => withSecret({ SHOP_ORIGINS: bad }), /SHOP_ORIGINS: ".*" is not an origin/, bad);
  });
});

describe('metrics settings', () => {
  it('serves worker metrics on 127.0.0.1:9464 and API metrics on 127.0.0.1:9465 unless told otherwise', () => {
    assert.deepEqual(withSecret().metrics, { workerAddress: '127.0.0.1:9464', apiAddress: '127.0.0.1:9465' });
    assert.deepEqual(
      withSecret({ WORKER_METRICS_ADDRESS: '0.0.0.0:9000', API_METRICS_ADDRESS: '[::1]:9001' }).metrics,
      { workerAddress: '0.0.0.0:9000', apiAddress: '[::1]:9001' },
    );
  });

  it('an empty address switches the endpoint off; a malformed one stops the start', () => {
    assert.deepEqual(withSecret({ WORKER_METRICS_ADDRESS: '', API_METRICS_ADDRESS: '' }).metrics, {
      workerAddress: undefined,
      apiAddress: undefined,
    });
    assert.throws(() => withSecret({ WORKER_METRICS_ADDRESS: '9464' }), /WORKER_METRICS_ADDRESS must be host:port/);
    assert.throws(() => withSecret({ API_METRICS_ADDRESS: 'localhost:99999' }), /API_METRICS_ADDRESS/);
  });
});

describe('the development link secret of npm start', () => {
  it('is made once, kept private in the data directory, and the same on the next start', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'links-'));
    try {
      const dataDir = join(dir, 'data');
      const first = devLinkSecret(dataDir);
      assert.ok(first.length >= 32);
      assert.doesNotThrow(
        () => loadConfig({ LINK_SIGNING_SECRET: first, ...TEST_ENCRYPTION_ENV }),
        'loadConfig accepts it',
      );
      assert.equal(devLinkSecret(dataDir), first, 'a restart keeps old links valid');
      const file = join(dataDir, 'link-signing-secret');
      assert.equal((await readFile(file, 'utf8')).trim(), first);
      assert.equal((await stat(file)).mode & 0o077, 0, 'readable by its owner only');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
