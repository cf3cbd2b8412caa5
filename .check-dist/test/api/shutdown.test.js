var __importDefault = (this && this.__importDefault) || ((mod) => (mod && mod.__esModule ? mod : { default: mod }));
Object.defineProperty(exports, '__esModule', { value: true });
// The API owns what its process opened: closing the app closes the database pool too.
const strict_1 = __importDefault(require('node:assert/strict'));
const node_test_1 = require('node:test');
const create_api_app_1 = require('../../apps/api/create-api-app');
const send_ledger_1 = require('../../storage/send-ledger');
const api_harness_1 = require('./support/api-harness');
const api = (0, api_harness_1.useApi)();
(0, node_test_1.test)('closing the API closes the store it was given to own, after its last request', async () => {
  const stores = await (0, send_ledger_1.openStores)({ databaseUrl: undefined, inMemory: true });
  let closed = 0;
  const app = await (0, create_api_app_1.createApiApp)((0, api_harness_1.testConfig)(), api.client, {
    logger: false,
    preferences: stores.preferences,
    closeStores: async () => {
      closed += 1;
      await stores.close();
    },
  });
  await app.listen(0, '127.0.0.1');
  strict_1.default.equal(closed, 0);
  await app.close();
  strict_1.default.equal(closed, 1);
});
//# sourceMappingURL=shutdown.test.js.map
