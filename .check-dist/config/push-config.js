Object.defineProperty(exports, '__esModule', { value: true });
exports.loadPush = loadPush;
exports.loadPushEndpointPolicy = loadPushEndpointPolicy;
// Web push settings: the VAPID key pair that signs every push (RFC 8292) and its contact subject.
// No keys: the push channel is not configured. `npm start` makes dev keys (dev-vapid-keys.ts).
const node_crypto_1 = require('node:crypto');
const duration_1 = require('../common/duration');
const web_push_keys_1 = require('../common/web-push-keys');
const config_error_1 = require('./config-error');
// A cart reminder delivered a day late is stale; push services keep at most 4 weeks anyway.
const DEFAULT_PUSH_TTL = '1d';
const MAX_PUSH_TTL_SECONDS = 28 * 86_400;
const HOW_TO_MAKE_KEYS = 'make a pair with `npx web-push generate-vapid-keys --json`';
function vapidSubject(raw) {
  const subject = raw?.trim() ?? '';
  if (/^mailto:[^\s@]+@[^\s@]+$/.test(subject)) return subject;
  if (/^https:\/\/[^\s/]+/.test(subject)) return subject;
  throw new config_error_1.ConfigError(
    `VAPID_SUBJECT must be a mailto: address or an https: URL push services can reach you at (RFC 8292 §2.1), got "${raw ?? ''}"`,
  );
}
function ttlSeconds(env) {
  const raw = env.PUSH_TTL || DEFAULT_PUSH_TTL;
  const parsed = (0, duration_1.parseDuration)(raw);
  if (!parsed.ok) throw new config_error_1.ConfigError(`PUSH_TTL: ${parsed.reason}`);
  const seconds = Math.floor(parsed.ms / 1000);
  if (seconds > MAX_PUSH_TTL_SECONDS)
    throw new config_error_1.ConfigError(`PUSH_TTL must be at most 28d, got "${raw}"`);
  return seconds;
}
/** VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY and VAPID_SUBJECT together, or none of them (push off). */
function loadPush(env = process.env) {
  const publicKey = env.VAPID_PUBLIC_KEY?.trim() || undefined;
  const privateKey = env.VAPID_PRIVATE_KEY?.trim() || undefined;
  if (!publicKey && !privateKey) return undefined;
  if (!publicKey || !privateKey) {
    throw new config_error_1.ConfigError(
      `${publicKey ? 'VAPID_PRIVATE_KEY' : 'VAPID_PUBLIC_KEY'} is not set: web push needs both VAPID keys (${HOW_TO_MAKE_KEYS})`,
    );
  }
  if (!(0, web_push_keys_1.isUncompressedP256Point)(publicKey)) {
    throw new config_error_1.ConfigError(
      `VAPID_PUBLIC_KEY must be base64url of an uncompressed P-256 public key (${HOW_TO_MAKE_KEYS})`,
    );
  }
  const privateBytes = (0, web_push_keys_1.decodeBase64Url)(privateKey);
  if (privateBytes?.length !== web_push_keys_1.P256_PRIVATE_KEY_BYTES) {
    throw new config_error_1.ConfigError(`VAPID_PRIVATE_KEY must be base64url of 32 bytes (${HOW_TO_MAKE_KEYS})`);
  }
  // Browsers subscribe with the public key; pushes are signed with the private one. If they are
  // not one pair, every push is refused: say so at boot, not on the first reminder.
  let derived;
  try {
    const ecdh = (0, node_crypto_1.createECDH)('prime256v1');
    ecdh.setPrivateKey(Buffer.from(privateBytes));
    derived = ecdh.getPublicKey().toString('base64url');
  } catch {
    // reported below
  }
  if (derived !== publicKey.replace(/=+$/, '')) {
    throw new config_error_1.ConfigError(
      'VAPID_PUBLIC_KEY is not the public key of VAPID_PRIVATE_KEY: give both of one pair',
    );
  }
  return { vapid: { subject: vapidSubject(env.VAPID_SUBJECT), publicKey, privateKey }, ttlSeconds: ttlSeconds(env) };
}
/** Off unless set; refused under NODE_ENV=production, so a copied dev setting cannot open the door. */
function loadPushEndpointPolicy(env = process.env) {
  const raw = env.PUSH_ALLOW_LOOPBACK?.trim().toLowerCase() || 'off';
  if (raw !== 'on' && raw !== 'off')
    throw new config_error_1.ConfigError(`PUSH_ALLOW_LOOPBACK must be "on" or "off", got "${raw}"`);
  if (raw === 'on' && env.NODE_ENV === 'production') {
    throw new config_error_1.ConfigError(
      'PUSH_ALLOW_LOOPBACK=on is for the local push service in development and tests; it cannot be set with NODE_ENV=production',
    );
  }
  return { allowLoopback: raw === 'on' };
}
//# sourceMappingURL=push-config.js.map
