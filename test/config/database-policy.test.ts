// Outside development the embedded database needs saying so: two replicas on it would each keep a
// ledger of their own. Development and the tests keep running on it without a word.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkDatabase } from '../../config/database-policy';
import { ConfigError, loadConfig } from '../../config/env';
import { TEST_LINK_SECRET } from '../support/links';
import { TEST_ENCRYPTION_ENV } from '../support/payload-keys';

const config = (env: NodeJS.ProcessEnv) =>
  loadConfig({ LINK_SIGNING_SECRET: TEST_LINK_SECRET, ...TEST_ENCRYPTION_ENV, ...env });

describe('the database policy', () => {
  test('production without DATABASE_URL is refused, naming the setting that allows the embedded engine', () => {
    assert.throws(
      () => checkDatabase(config({ NODE_ENV: 'production' })),
      (err: unknown) =>
        err instanceof ConfigError &&
        /DATABASE_URL is not set/.test(err.message) &&
        /ALLOW_EMBEDDED_DATABASE=true/.test(err.message),
    );
  });

  test('production with DATABASE_URL, or with ALLOW_EMBEDDED_DATABASE=true, passes', () => {
    checkDatabase(config({ NODE_ENV: 'production', DATABASE_URL: 'postgres://app@db:5432/ledger' }));
    checkDatabase(config({ NODE_ENV: 'production', ALLOW_EMBEDDED_DATABASE: 'true' }));
  });

  test('development (NODE_ENV unset or development) runs on the embedded engine', () => {
    checkDatabase(config({}));
    checkDatabase(config({ NODE_ENV: 'development' }));
  });

  test('a junk ALLOW_EMBEDDED_DATABASE stops the start, naming it', () => {
    assert.throws(() => config({ ALLOW_EMBEDDED_DATABASE: 'maybe' }), /ALLOW_EMBEDDED_DATABASE must be "on" or "off"/);
  });
});
