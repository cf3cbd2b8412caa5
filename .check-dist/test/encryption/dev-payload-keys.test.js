var __importDefault = (this && this.__importDefault) || ((mod) => (mod && mod.__esModule ? mod : { default: mod }));
Object.defineProperty(exports, '__esModule', { value: true });
const strict_1 = __importDefault(require('node:assert/strict'));
const promises_1 = require('node:fs/promises');
const node_os_1 = require('node:os');
const node_path_1 = require('node:path');
const node_test_1 = require('node:test');
const dev_payload_keys_1 = require('../../config/dev-payload-keys');
const env_1 = require('../../config/env');
(0, node_test_1.describe)('npm start payload key', () => {
  let dir;
  (0, node_test_1.beforeEach)(async () => {
    dir = await (0, promises_1.mkdtemp)((0, node_path_1.join)((0, node_os_1.tmpdir)(), 'dev-keys-'));
  });
  (0, node_test_1.afterEach)(async () => {
    await (0, promises_1.rm)(dir, { recursive: true, force: true });
  });
  (0, node_test_1.test)(
    'is generated on the first start, readable only by its owner, and reused on the next',
    async () => {
      const first = {};
      const source = (0, dev_payload_keys_1.provideDevPayloadKeys)(first, (0, node_path_1.join)(dir, 'data'));
      const file = (0, node_path_1.join)(dir, 'data', dev_payload_keys_1.DEV_PAYLOAD_KEYS_FILE);
      strict_1.default.deepEqual(source, { file, created: true });
      strict_1.default.ok((0, env_1.loadEncryption)(first).enabled, 'the worker and API accept the generated key');
      strict_1.default.equal((await (0, promises_1.stat)(file)).mode & 0o777, 0o600);
      const second = {};
      strict_1.default.deepEqual(
        (0, dev_payload_keys_1.provideDevPayloadKeys)(second, (0, node_path_1.join)(dir, 'data')),
        { file, created: false },
      );
      strict_1.default.equal(second.PAYLOAD_ENCRYPTION_KEYS, first.PAYLOAD_ENCRYPTION_KEYS);
      strict_1.default.equal((await (0, promises_1.readFile)(file, 'utf8')).trim(), first.PAYLOAD_ENCRYPTION_KEYS);
    },
  );
  (0, node_test_1.test)('keeps a rotated key list written into the file', async () => {
    (0, dev_payload_keys_1.provideDevPayloadKeys)({}, dir);
    const file = (0, node_path_1.join)(dir, dev_payload_keys_1.DEV_PAYLOAD_KEYS_FILE);
    const rotated = `dev-new:${Buffer.alloc(32, 9).toString('base64')},${(await (0, promises_1.readFile)(file, 'utf8')).trim()}`;
    await (0, promises_1.writeFile)(file, rotated);
    const env = {};
    (0, dev_payload_keys_1.provideDevPayloadKeys)(env, dir);
    const encryption = (0, env_1.loadEncryption)(env);
    strict_1.default.ok(encryption.enabled);
    strict_1.default.equal(encryption.keys.length, 2);
    strict_1.default.equal(encryption.keys[0]?.id, 'dev-new');
  });
  (0, node_test_1.test)(
    'leaves keys from the environment and PAYLOAD_ENCRYPTION=off alone, writing no file',
    async () => {
      const keys = `k1:${Buffer.alloc(32, 1).toString('base64')}`;
      const given = { PAYLOAD_ENCRYPTION_KEYS: keys };
      strict_1.default.equal((0, dev_payload_keys_1.provideDevPayloadKeys)(given, dir), 'environment');
      strict_1.default.equal(given.PAYLOAD_ENCRYPTION_KEYS, keys);
      const off = { PAYLOAD_ENCRYPTION: 'off' };
      strict_1.default.equal((0, dev_payload_keys_1.provideDevPayloadKeys)(off, dir), 'off');
      strict_1.default.equal(off.PAYLOAD_ENCRYPTION_KEYS, undefined);
      await strict_1.default.rejects(
        (0, promises_1.stat)((0, node_path_1.join)(dir, dev_payload_keys_1.DEV_PAYLOAD_KEYS_FILE)),
        { code: 'ENOENT' },
      );
    },
  );
  (0, node_test_1.test)('refuses a damaged key file, naming it, instead of replacing it', async () => {
    const file = (0, node_path_1.join)(dir, dev_payload_keys_1.DEV_PAYLOAD_KEYS_FILE);
    await (0, promises_1.writeFile)(file, 'dev-1:tooshort');
    strict_1.default.throws(
      () => (0, dev_payload_keys_1.provideDevPayloadKeys)({}, dir),
      (err) =>
        err instanceof env_1.ConfigError && err.message.includes(file) && /not valid base64|bytes/.test(err.message),
    );
    strict_1.default.equal(await (0, promises_1.readFile)(file, 'utf8'), 'dev-1:tooshort');
  });
});
//# sourceMappingURL=dev-payload-keys.test.js.map
