Object.defineProperty(exports, '__esModule', { value: true });
exports.DEV_VAPID_SUBJECT = exports.DEV_VAPID_KEYS_FILE = void 0;
exports.provideDevVapidKeys = provideDevVapidKeys;
// The VAPID key pair of `npm start`: made once and kept in the data directory, so test
// subscriptions made for it (and stored checkouts carrying them) keep working after a restart.
// Development only; deployments set VAPID_PUBLIC_KEY / VAPID_PRIVATE_KEY / VAPID_SUBJECT.
const node_fs_1 = require('node:fs');
const node_path_1 = require('node:path');
const web_push_1 = require('web-push');
exports.DEV_VAPID_KEYS_FILE = 'vapid-keys.json';
/** The contact a dev push claims; push services never see it, the local one only shows it. */
exports.DEV_VAPID_SUBJECT = 'mailto:shop@example.com';
function readKeys(file) {
  let text;
  try {
    text = (0, node_fs_1.readFileSync)(file, 'utf8');
  } catch (err) {
    if (err.code === 'ENOENT') return undefined;
    throw err;
  }
  const keys = JSON.parse(text);
  if (typeof keys.publicKey !== 'string' || typeof keys.privateKey !== 'string') {
    throw new Error(`${file} does not hold { publicKey, privateKey }: fix or delete it`);
  }
  return { publicKey: keys.publicKey, privateKey: keys.privateKey };
}
/** Sets the VAPID variables for the worker unless the environment gave keys itself. */
function provideDevVapidKeys(env, dataDir) {
  if (env.VAPID_PUBLIC_KEY?.trim() || env.VAPID_PRIVATE_KEY?.trim()) return 'environment';
  const file = (0, node_path_1.join)(dataDir, exports.DEV_VAPID_KEYS_FILE);
  let created = false;
  let keys = readKeys(file);
  if (!keys) {
    (0, node_fs_1.mkdirSync)(dataDir, { recursive: true });
    try {
      // `wx`: of two starts racing, the first one's keys are kept and the second reads them.
      (0, node_fs_1.writeFileSync)(file, `${JSON.stringify((0, web_push_1.generateVAPIDKeys)(), null, 2)}\n`, {
        mode: 0o600,
        flag: 'wx',
      });
      created = true;
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
    }
    keys = readKeys(file);
    if (!keys) throw new Error(`could not keep VAPID keys in ${file}`);
  }
  env.VAPID_PUBLIC_KEY = keys.publicKey;
  env.VAPID_PRIVATE_KEY = keys.privateKey;
  env.VAPID_SUBJECT ||= exports.DEV_VAPID_SUBJECT;
  return { file, created };
}
//# sourceMappingURL=dev-vapid-keys.js.map
