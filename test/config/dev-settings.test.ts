// npm start's and the stand-ins' settings: their defaults, and a ConfigError naming the variable
// and the value for junk, from the same parsers as the product's settings.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { devAppDefaults, loadDevConfig } from '../../config/dev-stack';
import { ConfigError, dataDirFrom } from '../../config/env';
import { loadLocalPushConfig, loadLocalSesConfig, loadLocalSnsConfig } from '../../config/stand-ins';

const refused = (load: () => unknown, message: string) =>
  assert.throws(load, (err: unknown) => err instanceof ConfigError && err.message === message, message);

describe('the stand-ins settings', () => {
  test('default to ports 8005 (SES), 8006 (SNS) and 8007 (push), no rejected numbers, no kept subscriptions', () => {
    assert.deepEqual(loadLocalSesConfig({}), { port: 8005 });
    assert.deepEqual(loadLocalSnsConfig({}), { port: 8006, invalidNumbers: [], optedOutNumbers: [] });
    assert.deepEqual(loadLocalPushConfig({}), { port: 8007, stateFile: undefined });
  });

  test('take ports (0: any free one), the numbers SNS rejects and DATA_DIR', () => {
    assert.deepEqual(loadLocalSesConfig({ SES_PORT: '9005' }), { port: 9005 });
    assert.deepEqual(
      loadLocalSnsConfig({
        SNS_PORT: '0',
        LOCAL_SNS_INVALID_NUMBERS: ' +15550000001 , ,+15550000002',
        LOCAL_SNS_OPTED_OUT_NUMBERS: '+4915100000000',
      }),
      { port: 0, invalidNumbers: ['+15550000001', '+15550000002'], optedOutNumbers: ['+4915100000000'] },
    );
    assert.deepEqual(loadLocalPushConfig({ PUSH_PORT: '', DATA_DIR: '/tmp/d' }), {
      port: 8007,
      stateFile: join('/tmp/d', 'local-push-subscriptions.json'),
    });
  });

  test('refuse a port that is not one, naming the variable and the value', () => {
    for (const junk of ['abc', '8o05', '-1', '1.5', '65536', 'NaN'])
      refused(() => loadLocalSesConfig({ SES_PORT: junk }), `SES_PORT must be a port number, got "${junk}"`);
    refused(() => loadLocalSnsConfig({ SNS_PORT: 'abc' }), 'SNS_PORT must be a port number, got "abc"');
    refused(() => loadLocalPushConfig({ PUSH_PORT: 'abc' }), 'PUSH_PORT must be a port number, got "abc"');
  });
});

describe('npm start settings', () => {
  test('by default run everything embedded, on the default ports, in the default data directory', () => {
    const dev = loadDevConfig({});
    assert.deepEqual(dev, {
      dataDir: dataDirFrom({}),
      temporal: { embedded: true, uiPort: 8233 },
      localSes: { port: 8005 },
      localSns: { port: 8006, invalidNumbers: [], optedOutNumbers: [] },
      localPush: { port: 8007, stateFile: join(dataDirFrom({}), 'local-push-subscriptions.json') },
      localStripe: { port: 8420 },
    });
    assert.deepEqual(devAppDefaults(dev), {
      CODEC_CORS_ORIGINS: 'http://localhost:8233,http://127.0.0.1:8233',
      PUSH_ALLOW_LOOPBACK: 'on',
      SMS_ALLOWED_COUNTRIES: 'US,CA,GB,DE,AT,CH',
    });
  });

  test('leave out what the environment names elsewhere: a Temporal server, SES or SNS endpoints, AWS credentials', () => {
    const named = loadDevConfig({ TEMPORAL_ADDRESS: 'temporal:7233', SES_ENDPOINT: 'http://ses', SNS_ENDPOINT: '' });
    assert.equal(named.temporal.embedded, false);
    assert.equal(named.localSes, undefined);
    assert.ok(named.localSns, 'an empty SNS_ENDPOINT is unset');
    const aws = loadDevConfig({ AWS_PROFILE: 'shop' });
    assert.equal(aws.localSes, undefined);
    assert.equal(aws.localSns, undefined);
  });

  test('the UI port moves the codec CORS origins with it', () => {
    assert.equal(
      devAppDefaults(loadDevConfig({ TEMPORAL_UI_PORT: '9233' })).CODEC_CORS_ORIGINS,
      'http://localhost:9233,http://127.0.0.1:9233',
    );
  });

  test('refuse a junk port, naming the variable, also of a stand-in that would not run', () => {
    refused(() => loadDevConfig({ TEMPORAL_UI_PORT: 'abc' }), 'TEMPORAL_UI_PORT must be a port number, got "abc"');
    refused(() => loadDevConfig({ SES_PORT: 'abc' }), 'SES_PORT must be a port number, got "abc"');
    refused(
      () => loadDevConfig({ SES_ENDPOINT: 'http://ses', SES_PORT: 'abc' }),
      'SES_PORT must be a port number, got "abc"',
    );
    refused(() => loadDevConfig({ SNS_PORT: '99999' }), 'SNS_PORT must be a port number, got "99999"');
    refused(() => loadDevConfig({ PUSH_PORT: 'eighty' }), 'PUSH_PORT must be a port number, got "eighty"');
  });
});
