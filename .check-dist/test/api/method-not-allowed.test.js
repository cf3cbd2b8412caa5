var __importDefault = (this && this.__importDefault) || ((mod) => (mod && mod.__esModule ? mod : { default: mod }));
Object.defineProperty(exports, '__esModule', { value: true });
const strict_1 = __importDefault(require('node:assert/strict'));
const node_test_1 = require('node:test');
const api_harness_1 = require('./support/api-harness');
const API_KEY = 'method-test-api-key-0123456789abcdef';
const api = (0, api_harness_1.useApi)({ API_KEY });
(0, node_test_1.test)(
  'a method a known path does not have answers 405 with Allow and the error body, whoever asks',
  async () => {
    for (const [method, path, allow] of [
      ['PUT', '/health', 'GET, HEAD'],
      ['PATCH', '/checkouts/co-1', 'DELETE, GET, HEAD'],
      ['GET', '/orders', 'POST'],
      ['DELETE', '/customers/c-42/preferences', 'GET, HEAD, PUT'],
    ]) {
      // No API key: the method is wrong before anything else.
      const res = await (0, api_harness_1.call)(`${api.url}${path}`, method);
      strict_1.default.equal(res.status, 405, `${method} ${path}`);
      strict_1.default.equal(res.headers.get('allow'), allow, `${method} ${path}`);
      strict_1.default.equal(res.body.statusCode, 405);
      strict_1.default.equal(res.body.correlationId, res.headers.get('x-correlation-id'));
    }
  },
);
(0, node_test_1.test)('a declared method is not affected, and an unknown path stays 404', async () => {
  strict_1.default.equal((await (0, api_harness_1.call)(`${api.url}/health`, 'GET')).status, 200);
  strict_1.default.equal((await (0, api_harness_1.call)(`${api.url}/orders`, 'POST', {})).status, 401);
  const unknown = await (0, api_harness_1.call)(`${api.url}/nowhere`, 'PATCH');
  strict_1.default.equal(unknown.status, 404);
  strict_1.default.equal(unknown.headers.get('allow'), null);
});
//# sourceMappingURL=method-not-allowed.test.js.map
