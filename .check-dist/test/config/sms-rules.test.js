var __importDefault = (this && this.__importDefault) || ((mod) => (mod && mod.__esModule ? mod : { default: mod }));
Object.defineProperty(exports, '__esModule', { value: true });
// The SMS rules are policy data (config/policy.json, SMS_RULES overrides), validated at boot and
// at the API edge with the field named; the SNS endpoint and region come from the environment.
const strict_1 = __importDefault(require('node:assert/strict'));
const node_test_1 = require('node:test');
const validate_policy_1 = require('../../common/validate-policy');
const env_1 = require('../../config/env');
const sms_config_1 = require('../../config/sms-config');
const links_1 = require('../support/links');
const payload_keys_1 = require('../support/payload-keys');
(0, node_test_1.describe)('SMS rules in the recovery policy', () => {
  (0, node_test_1.it)('default to one abandoned-cart text within 48 h of the abandonment', () => {
    strict_1.default.deepEqual((0, env_1.loadPolicy)({}).smsRules, { maxTexts: 1, within: '48h' });
  });
  (0, node_test_1.it)('SMS_RULES sets them as texts/window, or switches them off', () => {
    strict_1.default.deepEqual((0, env_1.loadPolicy)({ SMS_RULES: '2/24h' }).smsRules, { maxTexts: 2, within: '24h' });
    strict_1.default.equal((0, env_1.loadPolicy)({ SMS_RULES: 'off' }).smsRules, null);
  });
  (0, node_test_1.it)('refuses rules it cannot apply, naming the field', () => {
    strict_1.default.throws(
      () => (0, env_1.loadPolicy)({ SMS_RULES: 'many/48h' }),
      (err) => {
        return (
          err instanceof env_1.ConfigError && /policy\.smsRules\.maxTexts must be a whole number/.test(err.message)
        );
      },
    );
    strict_1.default.throws(
      () => (0, env_1.loadPolicy)({ SMS_RULES: '1/soon' }),
      /policy\.smsRules\.within must be a duration/,
    );
    const base = { quietHours: null, defaultTimezone: 'UTC' };
    strict_1.default.deepEqual(
      (0, validate_policy_1.validatePolicy)({ ...base, smsRules: { maxTexts: 1.5, within: '31d' } }),
      [
        { field: 'policy.smsRules.maxTexts', reason: 'must be a whole number from 0 to 10' },
        { field: 'policy.smsRules.within', reason: 'must be a duration like "48h" (at most 30d)' },
      ],
    );
    strict_1.default.deepEqual((0, validate_policy_1.validatePolicy)({ ...base, smsRules: 'one' }), [
      { field: 'policy.smsRules', reason: 'must be {"maxTexts": 1, "within": "48h"} or null' },
    ]);
    strict_1.default.deepEqual((0, validate_policy_1.validatePolicy)({ ...base, smsRules: null }), []);
  });
});
(0, node_test_1.describe)('SNS settings', () => {
  const load = (env) =>
    (0, env_1.loadConfig)({
      LINK_SIGNING_SECRET: links_1.TEST_LINK_SECRET,
      ...payload_keys_1.TEST_ENCRYPTION_ENV,
      ...env,
    });
  (0, node_test_1.it)('the real regional SNS unless SNS_ENDPOINT names a local one', () => {
    strict_1.default.deepEqual(load({ AWS_REGION: 'eu-west-1' }).sns, { endpoint: undefined, region: 'eu-west-1' });
    strict_1.default.deepEqual(load({ SNS_ENDPOINT: 'http://127.0.0.1:8006' }).sns, {
      endpoint: 'http://127.0.0.1:8006',
      region: 'us-east-1',
    });
  });
});
(0, node_test_1.describe)('SMS_ALLOWED_COUNTRIES and SMS_PHONE_CAP', () => {
  (0, node_test_1.it)(
    'allow no country unless set, map countries to calling codes, cap 2 texts per number per 24 h by default',
    () => {
      strict_1.default.deepEqual((0, sms_config_1.loadSmsSafety)({}), {
        allowedCallingCodes: [],
        phoneCap: { maxTexts: 2, withinMs: 24 * 3_600_000, spec: '2/24h' },
      });
      strict_1.default.deepEqual(
        (0, sms_config_1.loadSmsSafety)({ SMS_ALLOWED_COUNTRIES: 'de, AT,US,CA,+353', SMS_PHONE_CAP: 'off' }),
        {
          allowedCallingCodes: ['+49', '+43', '+1', '+353'],
          phoneCap: null,
        },
      );
      strict_1.default.throws(
        () => (0, sms_config_1.loadSmsSafety)({ SMS_ALLOWED_COUNTRIES: 'DE,XX' }),
        /"XX" is neither a known country/,
      );
      strict_1.default.throws(
        () => (0, sms_config_1.loadSmsSafety)({ SMS_PHONE_CAP: 'lots' }),
        /SMS_PHONE_CAP must be texts\/window/,
      );
    },
  );
});
//# sourceMappingURL=sms-rules.test.js.map
