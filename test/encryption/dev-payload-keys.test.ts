import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { DEV_PAYLOAD_KEYS_FILE, provideDevPayloadKeys } from '../../config/dev-payload-keys';
import { ConfigError, loadEncryption } from '../../config/env';

describe('npm start payload key', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'dev-keys-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  test('is generated on the first start, readable only by its owner, and reused on the next', async () => {
    const first: NodeJS.ProcessEnv = {};
    const source = provideDevPayloadKeys(first, join(dir, 'data'));
    const file = join(dir, 'data', DEV_PAYLOAD_KEYS_FILE);
    assert.deepEqual(source, { file, created: true });
    assert.ok(loadEncryption(first).enabled, 'the worker and API accept the generated key');
    assert.equal((await stat(file)).mode & 0o777, 0o600);

    const second: NodeJS.ProcessEnv = {};
    assert.deepEqual(provideDevPayloadKeys(second, join(dir, 'data')), { file, created: false });
    assert.equal(second.PAYLOAD_ENCRYPTION_KEYS, first.PAYLOAD_ENCRYPTION_KEYS);
    assert.equal((await readFile(file, 'utf8')).trim(), first.PAYLOAD_ENCRYPTION_KEYS);
  });

  test('keeps a rotated key list written into the file', async () => {
    provideDevPayloadKeys({}, dir);
    const file = join(dir, DEV_PAYLOAD_KEYS_FILE);
    const rotated = `dev-new:${Buffer.alloc(32, 9).toString('base64')},${(await readFile(file, 'utf8')).trim()}`;
    await writeFile(file, rotated);
    const env: NodeJS.ProcessEnv = {};
    provideDevPayloadKeys(env, dir);
    const encryption = loadEncryption(env);
    assert.ok(encryption.enabled);
    assert.equal(encryption.keys.length, 2);
    assert.equal(encryption.keys[0]?.id, 'dev-new');
  });

  test('leaves keys from the environment and PAYLOAD_ENCRYPTION=off alone, writing no file', async () => {
    const keys = `k1:${Buffer.alloc(32, 1).toString('base64')}`;
    const given: NodeJS.ProcessEnv = { PAYLOAD_ENCRYPTION_KEYS: keys };
    assert.equal(provideDevPayloadKeys(given, dir), 'environment');
    assert.equal(given.PAYLOAD_ENCRYPTION_KEYS, keys);
    const off: NodeJS.ProcessEnv = { PAYLOAD_ENCRYPTION: 'off' };
    assert.equal(provideDevPayloadKeys(off, dir), 'off');
    assert.equal(off.PAYLOAD_ENCRYPTION_KEYS, undefined);
    await assert.rejects(stat(join(dir, DEV_PAYLOAD_KEYS_FILE)), { code: 'ENOENT' });
  });

  test('refuses a damaged key file, naming it, instead of replacing it', async () => {
    const file = join(dir, DEV_PAYLOAD_KEYS_FILE);
    await writeFile(file, 'dev-1:tooshort');
    assert.throws(
      () => provideDevPayloadKeys({}, dir),
      (err: unknown) =>
        err instanceof ConfigError && err.message.includes(file) && /not valid base64|bytes/.test(err.message),
    );
    assert.equal(await readFile(file, 'utf8'), 'dev-1:tooshort');
  });
});
