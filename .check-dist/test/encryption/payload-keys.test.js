var __importDefault = (this && this.__importDefault) || ((mod) => (mod && mod.__esModule ? mod : { default: mod }));
Object.defineProperty(exports, '__esModule', { value: true });
const strict_1 = __importDefault(require('node:assert/strict'));
const node_test_1 = require('node:test');
const env_1 = require('../../config/env');
const links_1 = require('../support/links');
const KEY_A = Buffer.alloc(32, 1).toString('base64');
const KEY_B = Buffer.alloc(32, 2).toString('base64');
const refused = (env, message) =>
  strict_1.default.throws(
    () => (0, env_1.loadEncryption)(env),
    (err) => err instanceof env_1.ConfigError && message.test(err.message),
  );
(0, node_test_1.describe)('PAYLOAD_ENCRYPTION_KEYS', () => {
  (0, node_test_1.test)('reads keys in order: the first encrypts, the rest only decrypt', () => {
    const config = (0, env_1.loadEncryption)({ PAYLOAD_ENCRYPTION_KEYS: ` k2:${KEY_B} , k1:${KEY_A} ` });
    strict_1.default.ok(config.enabled);
    strict_1.default.deepEqual(
      config.keys.map((k) => k.id),
      ['k2', 'k1'],
    );
    strict_1.default.deepEqual(config.keys[0]?.key, Buffer.alloc(32, 2));
  });
  (0, node_test_1.test)(
    'is required: without it (or with it empty) the process refuses to start, saying how to fix it',
    () => {
      refused({}, /PAYLOAD_ENCRYPTION_KEYS is not set.*openssl rand -base64 32.*PAYLOAD_ENCRYPTION=off/);
      refused({ PAYLOAD_ENCRYPTION_KEYS: '  ' }, /PAYLOAD_ENCRYPTION_KEYS is not set/);
      strict_1.default.throws(() => (0, env_1.loadConfig)({}), env_1.ConfigError);
    },
  );
  (0, node_test_1.test)(
    'PAYLOAD_ENCRYPTION=off is the explicit way to run unencrypted, and cannot be mixed with keys',
    () => {
      strict_1.default.deepEqual((0, env_1.loadEncryption)({ PAYLOAD_ENCRYPTION: 'off' }), { enabled: false });
      refused({ PAYLOAD_ENCRYPTION: 'off', PAYLOAD_ENCRYPTION_KEYS: `k1:${KEY_A}` }, /both set/);
      refused({ PAYLOAD_ENCRYPTION: 'maybe' }, /must be "on" or "off", got "maybe"/);
    },
  );
  (0, node_test_1.test)('refuses bad base64 instead of silently decoding it to a different key', () => {
    refused(
      { PAYLOAD_ENCRYPTION_KEYS: `k1:${KEY_A.slice(0, 10)}!${KEY_A.slice(11)}` },
      /entry 1: the key of "k1" is not valid base64/,
    );
    refused({ PAYLOAD_ENCRYPTION_KEYS: `k1:${KEY_A} k2:${KEY_B}` }, /not valid base64/);
  });
  (0, node_test_1.test)('refuses keys that are not 32 bytes, saying how long they are', () => {
    const short = Buffer.alloc(16, 1).toString('base64');
    refused(
      { PAYLOAD_ENCRYPTION_KEYS: `k1:${KEY_A},k2:${short}` },
      /entry 2: the key of "k2" is 16 bytes, AES-256 needs 32/,
    );
  });
  (0, node_test_1.test)('refuses duplicate key ids, entries without an id and ids with odd characters', () => {
    refused({ PAYLOAD_ENCRYPTION_KEYS: `k1:${KEY_A},k1:${KEY_B}` }, /names key id "k1" twice/);
    refused({ PAYLOAD_ENCRYPTION_KEYS: KEY_A }, /entry 1 must be "<key id>:<base64 key>"/);
    refused({ PAYLOAD_ENCRYPTION_KEYS: `:${KEY_A}` }, /key id "" must be/);
    refused({ PAYLOAD_ENCRYPTION_KEYS: `my key:${KEY_A}` }, /key id "my key" must be/);
  });
  (0, node_test_1.test)('never puts key material into an error message', () => {
    try {
      (0, env_1.loadEncryption)({ PAYLOAD_ENCRYPTION_KEYS: `k1:${KEY_A},k1:${KEY_A}` });
      strict_1.default.fail('expected a ConfigError');
    } catch (err) {
      strict_1.default.ok(err instanceof env_1.ConfigError);
      strict_1.default.equal(err.message.includes(KEY_A), false);
    }
  });
});
(0, node_test_1.describe)('CODEC_CORS_ORIGINS', () => {
  const config = (env) =>
    (0, env_1.loadConfig)({
      PAYLOAD_ENCRYPTION_KEYS: `k1:${KEY_A}`,
      LINK_SIGNING_SECRET: links_1.TEST_LINK_SECRET,
      ...env,
    });
  (0, node_test_1.test)("defaults to the dev server's UI on localhost and 127.0.0.1", () => {
    strict_1.default.deepEqual(config({}).api.codecCorsOrigins, ['http://localhost:8233', 'http://127.0.0.1:8233']);
  });
  (0, node_test_1.test)('takes a comma-separated list of origins and refuses anything that is not an origin', () => {
    strict_1.default.deepEqual(
      config({ CODEC_CORS_ORIGINS: 'https://temporal.example.com, http://localhost:9000' }).api.codecCorsOrigins,
      ['https://temporal.example.com', 'http://localhost:9000'],
    );
    for (const bad of ['https://temporal.example.com/', 'localhost:8233', '*', 'ftp://x.example.com'])
      strict_1.default.throws(
        () => config({ CODEC_CORS_ORIGINS: bad }),
        /CODEC_CORS_ORIGINS: ".*" is not an origin/,
        bad,
      );
  });
});
//# sourceMappingURL=payload-keys.test.js.map
