Object.defineProperty(exports, '__esModule', { value: true });
exports.checkApiEdge = checkApiEdge;
// What the API must have before it listens outside development: a key (or API_AUTH=off, said on
// purpose) and the shop origins it may send shoppers to. The worker serves no HTTP and needs neither,
// so these are the API's checks, not loadConfig's.
const config_error_1 = require('./config-error');
/** Throws a ConfigError naming the missing setting; development (NODE_ENV not production) passes. */
function checkApiEdge(config) {
  if (!config.production) return;
  if (!config.api.apiKey && !config.api.authOff)
    throw new config_error_1.ConfigError(
      "API_KEY is not set: without it anyone who reaches the API can send mail and texts in the shop's name. " +
        'Generate one with `openssl rand -base64 32`, or set API_AUTH=off if a gateway in front authenticates every call',
    );
  if (config.api.shopOrigins.length === 0)
    throw new config_error_1.ConfigError(
      'SHOP_ORIGINS is not set: name the shop origins a checkoutUrl may point to (comma-separated, ' +
        'e.g. "https://shop.example.com"); resume links redirect nowhere else',
    );
}
//# sourceMappingURL=api-edge.js.map
