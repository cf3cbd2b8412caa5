// The SMS rules are policy data (config/policy.json, SMS_RULES overrides), validated at boot and
// at the API edge with the field named; the SNS endpoint and region come from the environment.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validatePolicy } from '../../common/validate-policy';
import { ConfigError, loadConfig, loadPolicy } from '../../config/env';
import { loadSmsSafety } from '../../config/sms-config';
import { TEST_LINK_SECRET } from '../support/links';
import { TEST_ENCRYPTION_ENV } from '../support/payload-keys';

describe('SMS rules in the recovery policy', () => {
  it('default to one abandoned-cart text within 48 h of the abandonment', () => {
    assert.deepEqual(loadPolicy({}).smsRules, { maxTexts: 1, within: '48h' });
  });

  it('SMS_RULES sets them as texts/window, or switches them off', () => {
    assert.deepEqual(loadPolicy({ SMS_RULES: '2/24h' }).smsRules, { maxTexts: 2, within: '24h' });
    assert.equal(loadPolicy({ SMS_RULES: 'off' }).smsRules, null);
  });

  it('refuses rules it cannot apply, naming the field', () => {
    assert.throws(
      () => loadPolicy({ SMS_RULES: 'many/48h' }),
      (err: unknown) => {
        return err instanceof ConfigError && /policy\.smsRules\.maxTexts must be a whole number/.test(err.message);
      },
    );
    assert.throws(() => loadPolicy({ SMS_RULES: '1/soon' }), /policy\.smsRules\.within must be a duration/);
    const base = { quietHours: null, defaultTimezone: 'UTC' };
    assert.deepEqual(validatePolicy({ ...base, smsRules: { maxTexts: 1.5, within: '31d' } }), [
      { field: 'policy.smsRules.maxTexts', reason: 'must be a whole number from 0 to 10' },
      { field: 'policy.smsRules.within', reason: 'must be a duration like "48h" (at most 30d)' },
    ]);
    assert.deepEqual(validatePolicy({ ...base, smsRules: 'one' }), [
      { field: 'policy.smsRules', reason: 'must be {"maxTexts": 1, "within": "48h"} or null' },
    ]);
    assert.deepEqual(validatePolicy({ ...base, smsRules: null }), []);
  });
});

describe('SNS settings', () => {
  const load = (env: NodeJS.ProcessEnv) =>
    loadConfig({ LINK_SIGNING_SECRET: TEST_LINK_SECRET, ...TEST_ENCRYPTION_ENV, ...env });

  it('the real regional SNS unless SNS_ENDPOINT names a local one', () => {
    assert.deepEqual(load({ AWS_REGION: 'eu-west-1' }).sns, { endpoint: undefined, region: 'eu-west-1' });
    assert.deepEqual(load({ SNS_ENDPOINT: 'http://127.0.0.1:8006' }).sns, {
      endpoint: 'http://127.0.0.1:8006',
      region: 'us-east-1',
    });
  });
});

describe('SMS_ALLOWED_COUNTRIES and SMS_PHONE_CAP', () => {
  it('allow no country unless set, map countries to calling codes, cap 2 texts per number per 24 h by default', () => {
    assert.deepEqual(loadSmsSafety({}), {
      allowedCallingCodes: [],
      phoneCap: { maxTexts: 2, withinMs: 24 * 3_600_000, spec: '2/24h' },
    });
    assert.deepEqual(loadSmsSafety({ SMS_ALLOWED_COUNTRIES: 'de, AT,US,CA,+353', SMS_PHONE_CAP: 'off' }), {
      allowedCallingCodes: ['+49', '+43', '+1', '+353'],
      phoneCap: null,
    });
    assert.throws(() => loadSmsSafety({ SMS_ALLOWED_COUNTRIES: 'DE,XX' }), /"XX" is neither a known country/);
    assert.throws(() => loadSmsSafety({ SMS_PHONE_CAP: 'lots' }), /SMS_PHONE_CAP must be texts\/window/);
  });
});
