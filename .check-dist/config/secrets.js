Object.defineProperty(exports, '__esModule', { value: true });
exports.MIN_API_KEY_LENGTH = exports.MIN_LINK_SECRET_LENGTH = void 0;
exports.linkSecrets = linkSecrets;
exports.customerIdSecret = customerIdSecret;
exports.apiAuth = apiAuth;
exports.codecAuthToken = codecAuthToken;
// The secrets and keys an operator sets, each checked for a length that resists guessing: the link
// signing secrets, the legacy route's customer id secret, the API key and the codec's token.
const config_error_1 = require('./config-error');
const parsers_1 = require('./parsers');
// One signed link lets an attacker guess the secret offline, so no passwords: `openssl rand
// -base64 32` gives 44 characters (256 bits).
exports.MIN_LINK_SECRET_LENGTH = 32;
// The API key guards sending mail and texts in the shop's name: as long as a link secret.
exports.MIN_API_KEY_LENGTH = 32;
/** LINK_SIGNING_SECRET split on commas: the first signs, all verify (rotation). */
function linkSecrets(env) {
  const secrets = (0, parsers_1.commaList)(env.LINK_SIGNING_SECRET);
  if (secrets.length === 0)
    throw new config_error_1.ConfigError(
      'LINK_SIGNING_SECRET is not set: it signs the resume and unsubscribe links in emails. ' +
        'Generate one with `openssl rand -base64 32` and give the same value to the API and the worker ' +
        '(`npm start` makes one for development in DATA_DIR).',
    );
  if (secrets.some((s) => s.length < exports.MIN_LINK_SECRET_LENGTH))
    throw new config_error_1.ConfigError(
      `every LINK_SIGNING_SECRET must be at least ${exports.MIN_LINK_SECRET_LENGTH} characters (\`openssl rand -base64 32\`)`,
    );
  return secrets;
}
function customerIdSecret(env) {
  const secret = env.CUSTOMER_ID_SECRET?.trim() || undefined;
  if (secret && secret.length < exports.MIN_LINK_SECRET_LENGTH) {
    throw new config_error_1.ConfigError(
      `CUSTOMER_ID_SECRET must be at least ${exports.MIN_LINK_SECRET_LENGTH} characters (\`openssl rand -base64 32\`)`,
    );
  }
  return secret;
}
/**
 * API_KEY, at least MIN_API_KEY_LENGTH characters when set. API_AUTH=off says on purpose that there
 * is none, as PAYLOAD_ENCRYPTION=off does for encryption; API_AUTH=on insists on one.
 */
function apiAuth(env) {
  const apiKey = env.API_KEY || undefined;
  const authOff = !(0, parsers_1.onOff)(env, 'API_AUTH', true);
  if (apiKey !== undefined && apiKey.length < exports.MIN_API_KEY_LENGTH)
    throw new config_error_1.ConfigError(
      `API_KEY must be at least ${exports.MIN_API_KEY_LENGTH} characters (\`openssl rand -base64 32\`), got ${apiKey.length}`,
    );
  if (authOff && apiKey) throw new config_error_1.ConfigError('API_AUTH=off and API_KEY are both set: unset one');
  if (env.API_AUTH && !authOff && !apiKey) throw new config_error_1.ConfigError('API_AUTH=on but API_KEY is not set');
  return { apiKey, authOff };
}
function codecAuthToken(env) {
  const token = env.CODEC_AUTH_TOKEN || undefined;
  if (token !== undefined && token.length < exports.MIN_API_KEY_LENGTH)
    throw new config_error_1.ConfigError(
      `CODEC_AUTH_TOKEN must be at least ${exports.MIN_API_KEY_LENGTH} characters, got ${token.length}`,
    );
  return token;
}
//# sourceMappingURL=secrets.js.map
