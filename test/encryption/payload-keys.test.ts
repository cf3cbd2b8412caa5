import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ConfigError, loadConfig, loadEncryption } from '../../config/env';
import { TEST_LINK_SECRET } from '../support/links';

const KEY_A = Buffer.alloc(32, 1).toString('base64');
const KEY_B = Buffer.alloc(32, 2).toString('base64');

const refused = (env: NodeJS.ProcessEnv, message: RegExp) =>
  assert.throws(
    () => loadEncryption(env),
    (err: unknown) => err instanceof ConfigError && message.test(err.message),
  );

describe('PAYLOAD_ENCRYPTION_KEYS', () => {
  test('reads keys in order: the first encrypts, the rest only decrypt', () => {
    const config = loadEncryption({ PAYLOAD_ENCRYPTION_KEYS: ` k2:${KEY_B} , k1:${KEY_A} ` });
    assert.ok(config.enabled);
    assert.deepEqual(
      config.keys.map((k) => k.id),
      ['k2', 'k1'],
    );
    assert.deepEqual(config.keys[0]?.key, Buffer.alloc(32, 2));
  });

  test('is required: without it (or with it empty) the process refuses to start, saying how to fix it', () => {
    refused({}, /PAYLOAD_ENCRYPTION_KEYS is not set.*openssl rand -base64 32.*PAYLOAD_ENCRYPTION=off/);
    refused({ PAYLOAD_ENCRYPTION_KEYS: '  ' }, /PAYLOAD_ENCRYPTION_KEYS is not set/);
    assert.throws(() => loadConfig({}), ConfigError);
  });

  test('PAYLOAD_ENCRYPTION=off is the explicit way to run unencrypted, and cannot be mixed with keys', () => {
    assert.deepEqual(loadEncryption({ PAYLOAD_ENCRYPTION: 'off' }), { enabled: false });
    refused({ PAYLOAD_ENCRYPTION: 'off', PAYLOAD_ENCRYPTION_KEYS: `k1:${KEY_A}` }, /both set/);
    refused({ PAYLOAD_ENCRYPTION: 'maybe' }, /must be "on" or "off", got "maybe"/);
  });

  test('refuses bad base64 instead of silently decoding it to a different key', () => {
    refused(
      { PAYLOAD_ENCRYPTION_KEYS: `k1:${KEY_A.slice(0, 10)}!${KEY_A.slice(11)}` },
      /entry 1: the key of "k1" is not valid base64/,
    );
    refused({ PAYLOAD_ENCRYPTION_KEYS: `k1:${KEY_A} k2:${KEY_B}` }, /not valid base64/);
  });

  test('refuses keys that are not 32 bytes, saying how long they are', () => {
    const short = Buffer.alloc(16, 1).toString('base64');
    refused(
      { PAYLOAD_ENCRYPTION_KEYS: `k1:${KEY_A},k2:${short}` },
      /entry 2: the key of "k2" is 16 bytes, AES-256 needs 32/,
    );
  });

  test('refuses duplicate key ids, entries without an id and ids with odd characters', () => {
    refused({ PAYLOAD_ENCRYPTION_KEYS: `k1:${KEY_A},k1:${KEY_B}` }, /names key id "k1" twice/);
    refused({ PAYLOAD_ENCRYPTION_KEYS: KEY_A }, /entry 1 must be "<key id>:<base64 key>"/);
    refused({ PAYLOAD_ENCRYPTION_KEYS: `:${KEY_A}` }, /key id "" must be/);
    refused({ PAYLOAD_ENCRYPTION_KEYS: `my key:${KEY_A}` }, /key id "my key" must be/);
  });

  test('never puts key material into an error message', () => {
    try {
      loadEncryption({ PAYLOAD_ENCRYPTION_KEYS: `k1:${KEY_A},k1:${KEY_A}` });
      assert.fail('expected a ConfigError');
    } catch (err) {
      assert.ok(err instanceof ConfigError);
      assert.equal(err.message.includes(KEY_A), false);
    }
  });
});

describe('CODEC_CORS_ORIGINS', () => {
  const config = (env: NodeJS.ProcessEnv) =>
    loadConfig({ PAYLOAD_ENCRYPTION_KEYS: `k1:${KEY_A}`, LINK_SIGNING_SECRET: TEST_LINK_SECRET, ...env });

  test("defaults to the dev server's UI on localhost and 127.0.0.1", () => {
    assert.deepEqual(config({}).api.codecCorsOrigins, ['http://localhost:8233', 'http://127.0.0.1:8233']);
  });

  test('takes a comma-separated list of origins and refuses anything that is not an origin', () => {
    assert.deepEqual(
      config({ CODEC_CORS_ORIGINS: 'https://temporal.example.com, http://localhost:9000' }).api.codecCorsOrigins,
      ['https://temporal.example.com', 'http://localhost:9000'],
    );
    for (const bad of ['https://temporal.example.com/', 'localhost:8233', '*', 'ftp://x.example.com'])
      assert.throws(() => config({ CODEC_CORS_ORIGINS: bad }), /CODEC_CORS_ORIGINS: ".*" is not an origin/, bad);
  });
});
