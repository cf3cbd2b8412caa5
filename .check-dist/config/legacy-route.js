Object.defineProperty(exports, '__esModule', { value: true });
exports.DEFAULT_LEGACY_CHECKOUT_URL = void 0;
exports.legacyCheckoutUrl = legacyCheckoutUrl;
// The seed system's POST /api/checkout: where its reminders send the shopper (its customer id
// secret is with the other secrets, config/secrets.ts).
const config_error_1 = require('./config-error');
exports.DEFAULT_LEGACY_CHECKOUT_URL = 'https://shop.example.com/checkout/{id}';
/** LEGACY_CHECKOUT_URL, checked at boot: `{id}` is replaced by the legacy checkout's id. */
function legacyCheckoutUrl(env) {
  const template = env.LEGACY_CHECKOUT_URL || exports.DEFAULT_LEGACY_CHECKOUT_URL;
  if (!/^https?:\/\/\S+$/.test(template)) {
    throw new config_error_1.ConfigError(`LEGACY_CHECKOUT_URL must be an http(s) URL, got "${template}"`);
  }
  return template;
}
//# sourceMappingURL=legacy-route.js.map
