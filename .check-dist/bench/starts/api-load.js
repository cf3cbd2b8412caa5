var __importDefault = (this && this.__importDefault) || ((mod) => (mod && mod.__esModule ? mod : { default: mod }));
Object.defineProperty(exports, '__esModule', { value: true });
exports.apiStartLoad = apiStartLoad;
// POST /checkouts under autocannon: a fresh checkoutId in every request body.
const autocannon_1 = __importDefault(require('autocannon'));
const checkout_starts_1 = require('../support/checkout-starts');
// A start that has not answered in 10 s counts as an error, not a latency sample.
const REQUEST_TIMEOUT_S = 10;
async function apiStartLoad(apiUrl, idPrefix, options) {
  let n = 0;
  const result = await (0, autocannon_1.default)({
    url: apiUrl,
    connections: options.concurrency,
    duration: options.durationMs / 1000,
    timeout: REQUEST_TIMEOUT_S,
    ...(options.rate !== undefined && { overallRate: options.rate }),
    requests: [
      {
        method: 'POST',
        path: '/checkouts',
        headers: { 'content-type': 'application/json' },
        setupRequest: (req) => ({
          ...req,
          body: JSON.stringify((0, checkout_starts_1.checkoutBody)(`${idPrefix}-${n++}`)),
        }),
      },
    ],
  });
  const ok = result['2xx'];
  return {
    starts: ok,
    errors: result.errors + result.non2xx,
    seconds: result.duration,
    startsPerSec: ok / result.duration,
    latencyMs: { count: ok, p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
  };
}
//# sourceMappingURL=api-load.js.map
