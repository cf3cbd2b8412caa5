Object.defineProperty(exports, '__esModule', { value: true });
exports.DEV_CUSTOMER_ID_SECRET_FILE = exports.DEV_LINK_SECRET_FILE = void 0;
exports.devLinkSecret = devLinkSecret;
// The link signing secret of `npm start`: made once and kept in the data directory, so links in
// emails sent before a restart still work after it. Development only; deployments set
// LINK_SIGNING_SECRET themselves (loadConfig refuses to start without it).
const node_crypto_1 = require('node:crypto');
const node_fs_1 = require('node:fs');
const node_path_1 = require('node:path');
exports.DEV_LINK_SECRET_FILE = 'link-signing-secret';
exports.DEV_CUSTOMER_ID_SECRET_FILE = 'customer-id-secret';
/** `name`: the file in the data directory (the customer id secret of the legacy route is kept the same way). */
function devLinkSecret(dataDir, name = exports.DEV_LINK_SECRET_FILE) {
  const file = (0, node_path_1.join)(dataDir, name);
  const existing = readSecret(file);
  if (existing) return existing;
  (0, node_fs_1.mkdirSync)(dataDir, { recursive: true });
  try {
    // `wx`: of two starts racing, the first one's secret is kept and the second reads it.
    (0, node_fs_1.writeFileSync)(file, `${(0, node_crypto_1.randomBytes)(32).toString('base64url')}\n`, {
      mode: 0o600,
      flag: 'wx',
    });
  } catch (err) {
    if (err.code !== 'EEXIST') throw err;
  }
  const made = readSecret(file);
  if (!made) throw new Error(`could not keep a secret in ${file}`);
  return made;
}
function readSecret(file) {
  try {
    return (0, node_fs_1.readFileSync)(file, 'utf8').trim() || undefined;
  } catch (err) {
    if (err.code === 'ENOENT') return undefined;
    throw err;
  }
}
//# sourceMappingURL=dev-link-secret.js.map
