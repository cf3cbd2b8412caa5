var __importDefault = (this && this.__importDefault) || ((mod) => (mod && mod.__esModule ? mod : { default: mod }));
Object.defineProperty(exports, '__esModule', { value: true });
// npm start's and the stand-ins' settings: their defaults, and a ConfigError naming the variable
// and the value for junk, from the same parsers as the product's settings.
const strict_1 = __importDefault(require('node:assert/strict'));
const node_path_1 = require('node:path');
const node_test_1 = require('node:test');
const dev_stack_1 = require('../../config/dev-stack');
const env_1 = require('../../config/env');
const stand_ins_1 = require('../../config/stand-ins');
const refused = (load, message) =>
  strict_1.default.throws(load, (err) => err instanceof env_1.ConfigError && err.message === message, message);
(0, node_test_1.describe)('the stand-ins settings', () => {
  (0, node_test_1.test)(
    'default to ports 8005 (SES), 8006 (SNS) and 8007 (push), no rejected numbers, no kept subscriptions',
    () => {
      strict_1.default.deepEqual((0, stand_ins_1.loadLocalSesConfig)({}), { port: 8005 });
      strict_1.default.deepEqual((0, stand_ins_1.loadLocalSnsConfig)({}), {
        port: 8006,
        invalidNumbers: [],
        optedOutNumbers: [],
      });
      strict_1.default.deepEqual((0, stand_ins_1.loadLocalPushConfig)({}), { port: 8007, stateFile: undefined });
    },
  );
  (0, node_test_1.test)('take ports (0: any free one), the numbers SNS rejects and DATA_DIR', () => {
    strict_1.default.deepEqual((0, stand_ins_1.loadLocalSesConfig)({ SES_PORT: '9005' }), { port: 9005 });
    strict_1.default.deepEqual(
      (0, stand_ins_1.loadLocalSnsConfig)({
        SNS_PORT: '0',
        LOCAL_SNS_INVALID_NUMBERS: ' +15550000001 , ,+15550000002',
        LOCAL_SNS_OPTED_OUT_NUMBERS: '+4915100000000',
      }),
      { port: 0, invalidNumbers: ['+15550000001', '+15550000002'], optedOutNumbers: ['+4915100000000'] },
    );
    strict_1.default.deepEqual((0, stand_ins_1.loadLocalPushConfig)({ PUSH_PORT: '', DATA_DIR: '/tmp/d' }), {
      port: 8007,
      stateFile: (0, node_path_1.join)('/tmp/d', 'local-push-subscriptions.json'),
    });
  });
  (0, node_test_1.test)('refuse a port that is not one, naming the variable and the value', () => {
    for (const junk of ['abc', '8o05', '-1', '1.5', '65536', 'NaN'])
      refused(
        () => (0, stand_ins_1.loadLocalSesConfig)({ SES_PORT: junk }),
        `SES_PORT must be a port number, got "${junk}"`,
      );
    refused(
      () => (0, stand_ins_1.loadLocalSnsConfig)({ SNS_PORT: 'abc' }),
      'SNS_PORT must be a port number, got "abc"',
    );
    refused(
      () => (0, stand_ins_1.loadLocalPushConfig)({ PUSH_PORT: 'abc' }),
      'PUSH_PORT must be a port number, got "abc"',
    );
  });
});
(0, node_test_1.describe)('npm start settings', () => {
  (0, node_test_1.test)(
    'by default run everything embedded, on the default ports, in the default data directory',
    () => {
      const dev = (0, dev_stack_1.loadDevConfig)({});
      strict_1.default.deepEqual(dev, {
        dataDir: (0, env_1.dataDirFrom)({}),
        temporal: { embedded: true, uiPort: 8233 },
        localSes: { port: 8005 },
        localSns: { port: 8006, invalidNumbers: [], optedOutNumbers: [] },
        localPush: {
          port: 8007,
          stateFile: (0, node_path_1.join)((0, env_1.dataDirFrom)({}), 'local-push-subscriptions.json'),
        },
      });
      strict_1.default.deepEqual((0, dev_stack_1.devAppDefaults)(dev), {
        CODEC_CORS_ORIGINS: 'http://localhost:8233,http://127.0.0.1:8233',
        PUSH_ALLOW_LOOPBACK: 'on',
        SMS_ALLOWED_COUNTRIES: 'US,CA,GB,DE,AT,CH',
      });
    },
  );
  (0, node_test_1.test)(
    'leave out what the environment names elsewhere: a Temporal server, SES or SNS endpoints, AWS credentials',
    () => {
      const named = (0, dev_stack_1.loadDevConfig)({
        TEMPORAL_ADDRESS: 'temporal:7233',
        SES_ENDPOINT: 'http://ses',
        SNS_ENDPOINT: '',
      });
      strict_1.default.equal(named.temporal.embedded, false);
      strict_1.default.equal(named.localSes, undefined);
      strict_1.default.ok(named.localSns, 'an empty SNS_ENDPOINT is unset');
      const aws = (0, dev_stack_1.loadDevConfig)({ AWS_PROFILE: 'shop' });
      strict_1.default.equal(aws.localSes, undefined);
      strict_1.default.equal(aws.localSns, undefined);
    },
  );
  (0, node_test_1.test)('the UI port moves the codec CORS origins with it', () => {
    strict_1.default.equal(
      (0, dev_stack_1.devAppDefaults)((0, dev_stack_1.loadDevConfig)({ TEMPORAL_UI_PORT: '9233' })).CODEC_CORS_ORIGINS,
      'http://localhost:9233,http://127.0.0.1:9233',
    );
  });
  (0, node_test_1.test)('refuse a junk port, naming the variable, also of a stand-in that would not run', () => {
    refused(
      () => (0, dev_stack_1.loadDevConfig)({ TEMPORAL_UI_PORT: 'abc' }),
      'TEMPORAL_UI_PORT must be a port number, got "abc"',
    );
    refused(() => (0, dev_stack_1.loadDevConfig)({ SES_PORT: 'abc' }), 'SES_PORT must be a port number, got "abc"');
    refused(
      () => (0, dev_stack_1.loadDevConfig)({ SES_ENDPOINT: 'http://ses', SES_PORT: 'abc' }),
      'SES_PORT must be a port number, got "abc"',
    );
    refused(() => (0, dev_stack_1.loadDevConfig)({ SNS_PORT: '99999' }), 'SNS_PORT must be a port number, got "99999"');
    refused(
      () => (0, dev_stack_1.loadDevConfig)({ PUSH_PORT: 'eighty' }),
      'PUSH_PORT must be a port number, got "eighty"',
    );
  });
});
//# sourceMappingURL=dev-settings.test.js.map
