Object.defineProperty(exports, '__esModule', { value: true });
exports.loadEncryption = loadEncryption;
// Whether payloads are encrypted before they reach Temporal, and with which keys.
const config_error_1 = require('../config-error');
const payload_keys_1 = require('./payload-keys');
/**
 * PAYLOAD_ENCRYPTION_KEYS is required: customer data must not reach Temporal in plain text by
 * accident. PAYLOAD_ENCRYPTION=off is the explicit, documented way to run without it.
 */
function loadEncryption(env = process.env) {
  const mode = (env.PAYLOAD_ENCRYPTION || 'on').toLowerCase();
  const keys = env.PAYLOAD_ENCRYPTION_KEYS?.trim() || undefined;
  if (mode === 'off') {
    if (keys)
      throw new config_error_1.ConfigError(
        'PAYLOAD_ENCRYPTION=off and PAYLOAD_ENCRYPTION_KEYS are both set: unset one',
      );
    return { enabled: false };
  }
  if (mode !== 'on')
    throw new config_error_1.ConfigError(`PAYLOAD_ENCRYPTION must be "on" or "off", got "${env.PAYLOAD_ENCRYPTION}"`);
  if (!keys) {
    throw new config_error_1.ConfigError(
      'PAYLOAD_ENCRYPTION_KEYS is not set: give "<key id>:<base64 of 32 random bytes>" (openssl rand -base64 32), ' +
        'the same on API and worker, or set PAYLOAD_ENCRYPTION=off to store customer data in Temporal unencrypted',
    );
  }
  return { enabled: true, keys: (0, payload_keys_1.parsePayloadKeys)(keys) };
}
//# sourceMappingURL=encryption-config.js.map
