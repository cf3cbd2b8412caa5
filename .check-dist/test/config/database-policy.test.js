var __importDefault = (this && this.__importDefault) || ((mod) => (mod && mod.__esModule ? mod : { default: mod }));
Object.defineProperty(exports, '__esModule', { value: true });
// Outside development the embedded database needs saying so: two replicas on it would each keep a
// ledger of their own. Development and the tests keep running on it without a word.
const strict_1 = __importDefault(require('node:assert/strict'));
const node_test_1 = require('node:test');
const database_policy_1 = require('../../config/database-policy');
const env_1 = require('../../config/env');
const links_1 = require('../support/links');
const payload_keys_1 = require('../support/payload-keys');
const config = (env) =>
  (0, env_1.loadConfig)({
    LINK_SIGNING_SECRET: links_1.TEST_LINK_SECRET,
    ...payload_keys_1.TEST_ENCRYPTION_ENV,
    ...env,
  });
(0, node_test_1.describe)('the database policy', () => {
  (0, node_test_1.test)(
    'production without DATABASE_URL is refused, naming the setting that allows the embedded engine',
    () => {
      strict_1.default.throws(
        () => (0, database_policy_1.checkDatabase)(config({ NODE_ENV: 'production' })),
        (err) =>
          err instanceof env_1.ConfigError &&
          /DATABASE_URL is not set/.test(err.message) &&
          /ALLOW_EMBEDDED_DATABASE=true/.test(err.message),
      );
    },
  );
  (0, node_test_1.test)('production with DATABASE_URL, or with ALLOW_EMBEDDED_DATABASE=true, passes', () => {
    (0, database_policy_1.checkDatabase)(
      config({ NODE_ENV: 'production', DATABASE_URL: 'postgres://app@db:5432/ledger' }),
    );
    (0, database_policy_1.checkDatabase)(config({ NODE_ENV: 'production', ALLOW_EMBEDDED_DATABASE: 'true' }));
  });
  (0, node_test_1.test)('development (NODE_ENV unset or development) runs on the embedded engine', () => {
    (0, database_policy_1.checkDatabase)(config({}));
    (0, database_policy_1.checkDatabase)(config({ NODE_ENV: 'development' }));
  });
  (0, node_test_1.test)('a junk ALLOW_EMBEDDED_DATABASE stops the start, naming it', () => {
    strict_1.default.throws(
      () => config({ ALLOW_EMBEDDED_DATABASE: 'maybe' }),
      /ALLOW_EMBEDDED_DATABASE must be "on" or "off"/,
    );
  });
});
//# sourceMappingURL=database-policy.test.js.map
