Object.defineProperty(exports, '__esModule', { value: true });
exports.DEV_PAYLOAD_KEYS_FILE = void 0;
exports.provideDevPayloadKeys = provideDevPayloadKeys;
// `npm start`'s payload key. PAYLOAD_ENCRYPTION_KEYS from the environment wins; otherwise a key is
// generated on the first start and kept in DATA_DIR/payload-keys next to the dev server's SQLite
// file, so the next start still decrypts the checkouts that sleep in it.
const node_crypto_1 = require('node:crypto');
const node_fs_1 = require('node:fs');
const node_path_1 = require('node:path');
const config_error_1 = require('./config-error');
const payload_keys_1 = require('./encryption/payload-keys');
exports.DEV_PAYLOAD_KEYS_FILE = 'payload-keys';
function readKeys(file) {
  try {
    return (0, node_fs_1.readFileSync)(file, 'utf8').trim();
  } catch (err) {
    if (err.code === 'ENOENT') return undefined;
    throw err;
  }
}
/** Sets `env.PAYLOAD_ENCRYPTION_KEYS` for the worker and API unless the environment decided already. */
function provideDevPayloadKeys(env, dataDir) {
  if (env.PAYLOAD_ENCRYPTION_KEYS?.trim()) return 'environment';
  if (env.PAYLOAD_ENCRYPTION?.toLowerCase() === 'off') return 'off';
  const file = (0, node_path_1.join)(dataDir, exports.DEV_PAYLOAD_KEYS_FILE);
  let keys = readKeys(file);
  let created = false;
  if (keys === undefined) {
    (0, node_fs_1.mkdirSync)(dataDir, { recursive: true });
    keys = (0, payload_keys_1.generatePayloadKeyEntry)(`dev-${(0, node_crypto_1.randomBytes)(3).toString('hex')}`);
    // 'wx': never overwrite a key file, which would make everything encrypted with it unreadable.
    (0, node_fs_1.writeFileSync)(file, `${keys}\n`, { mode: 0o600, flag: 'wx' });
    created = true;
  }
  try {
    (0, payload_keys_1.parsePayloadKeys)(keys, file);
  } catch (err) {
    if (err instanceof config_error_1.ConfigError)
      throw new config_error_1.ConfigError(`${err.message} (fix or restore ${file})`);
    throw err;
  }
  env.PAYLOAD_ENCRYPTION_KEYS = keys;
  return { file, created };
}
//# sourceMappingURL=dev-payload-keys.js.map
