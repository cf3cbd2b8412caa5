Object.defineProperty(exports, '__esModule', { value: true });
exports.DEFAULT_CODEC_ADDRESS =
  exports.DEFAULT_API_METRICS_ADDRESS =
  exports.DEFAULT_WORKER_METRICS_ADDRESS =
  exports.DEV_SHOP_ORIGINS =
  exports.DEFAULT_CODEC_CORS_ORIGINS =
  exports.loadEncryption =
  exports.ConfigError =
  exports.MIN_LINK_SECRET_LENGTH =
  exports.MIN_API_KEY_LENGTH =
  exports.dataDirFrom =
  exports.loadSchedule =
  exports.loadPolicy =
  exports.DEFAULT_SCHEDULE_FILE =
  exports.DEFAULT_POLICY_FILE =
    void 0;
exports.loadConfig = loadConfig;
const analytics_config_1 = require('./analytics-config');
const config_error_1 = require('./config-error');
Object.defineProperty(exports, 'ConfigError', { enumerable: true, get: () => config_error_1.ConfigError });
const encryption_config_1 = require('./encryption/encryption-config');
Object.defineProperty(exports, 'loadEncryption', { enumerable: true, get: () => encryption_config_1.loadEncryption });
const legacy_route_1 = require('./legacy-route');
const log_format_1 = require('./log-format');
const parsers_1 = require('./parsers');
const policy_file_1 = require('./policy-file');
const project_paths_1 = require('./project-paths');
const push_config_1 = require('./push-config');
const rate_limits_1 = require('./rate-limits');
const secrets_1 = require('./secrets');
const sms_config_1 = require('./sms-config');
const worker_config_1 = require('./worker-config');
var policy_file_2 = require('./policy-file');
Object.defineProperty(exports, 'DEFAULT_POLICY_FILE', {
  enumerable: true,
  get: () => policy_file_2.DEFAULT_POLICY_FILE,
});
Object.defineProperty(exports, 'DEFAULT_SCHEDULE_FILE', {
  enumerable: true,
  get: () => policy_file_2.DEFAULT_SCHEDULE_FILE,
});
Object.defineProperty(exports, 'loadPolicy', { enumerable: true, get: () => policy_file_2.loadPolicy });
Object.defineProperty(exports, 'loadSchedule', { enumerable: true, get: () => policy_file_2.loadSchedule });
var project_paths_2 = require('./project-paths');
Object.defineProperty(exports, 'dataDirFrom', { enumerable: true, get: () => project_paths_2.dataDirFrom });
var secrets_2 = require('./secrets');
Object.defineProperty(exports, 'MIN_API_KEY_LENGTH', { enumerable: true, get: () => secrets_2.MIN_API_KEY_LENGTH });
Object.defineProperty(exports, 'MIN_LINK_SECRET_LENGTH', {
  enumerable: true,
  get: () => secrets_2.MIN_LINK_SECRET_LENGTH,
});
/** Where the Temporal UI of `temporal server start-dev` runs. */
exports.DEFAULT_CODEC_CORS_ORIGINS = 'http://localhost:8233,http://127.0.0.1:8233';
/** Development only: the example shop of the README and the tests. Production must name its own. */
exports.DEV_SHOP_ORIGINS = 'https://shop.example.com';
const DEFAULT_RESUME_TTL = '7d';
// The law expects an unsubscribe link to work for at least 30 days after the send (CAN-SPAM);
// 90 days leaves room for mail read late.
const DEFAULT_UNSUBSCRIBE_TTL = '90d';
const MIN_UNSUBSCRIBE_TTL_MS = 30 * 86_400_000;
// A polling worker acknowledges an order in milliseconds (a send in flight adds its provider call);
// after 5 s none is serving the task queue, and the shop should not wait longer for its answer.
const DEFAULT_ORDER_ACK_TIMEOUT = '5s';
exports.DEFAULT_WORKER_METRICS_ADDRESS = '127.0.0.1:9464';
exports.DEFAULT_API_METRICS_ADDRESS = '127.0.0.1:9465';
exports.DEFAULT_CODEC_ADDRESS = '127.0.0.1:8234';
function loadConfig(env = process.env) {
  const apiPort = (0, parsers_1.port)(env, 'PORT', 3000);
  const host = env.HOST || '127.0.0.1';
  const production = env.NODE_ENV === 'production';
  return {
    production,
    temporal: {
      address: env.TEMPORAL_ADDRESS || '127.0.0.1:7233',
      namespace: env.TEMPORAL_NAMESPACE || 'default',
      taskQueue: env.TASK_QUEUE || 'checkout-recovery',
    },
    api: {
      host,
      port: apiPort,
      ...(0, secrets_1.apiAuth)(env),
      publicUrl: (env.PUBLIC_API_URL || `http://${host}:${apiPort}`).replace(/\/$/, ''),
      customerIdSecret: (0, secrets_1.customerIdSecret)(env),
      legacyCheckoutUrl: (0, legacy_route_1.legacyCheckoutUrl)(env),
      rateLimits: (0, rate_limits_1.loadRateLimits)(env),
      codecCorsOrigins: (0, parsers_1.origins)(
        'CODEC_CORS_ORIGINS',
        env.CODEC_CORS_ORIGINS ?? exports.DEFAULT_CODEC_CORS_ORIGINS,
        'http://localhost:8233',
      ),
      // No default outside development: config/api-edge.ts refuses to start the API without it.
      shopOrigins: (0, parsers_1.origins)(
        'SHOP_ORIGINS',
        env.SHOP_ORIGINS ?? (production ? '' : exports.DEV_SHOP_ORIGINS),
        'https://shop.example.com',
      ),
    },
    ses: {
      endpoint: env.SES_ENDPOINT || undefined,
      region: env.AWS_REGION || env.AWS_DEFAULT_REGION || 'us-east-1',
      from: env.MAIL_FROM || 'Your Shop <shop@example.com>',
    },
    sns: {
      endpoint: env.SNS_ENDPOINT || undefined,
      region: env.AWS_REGION || env.AWS_DEFAULT_REGION || 'us-east-1',
    },
    sms: (0, sms_config_1.loadSmsSafety)(env),
    databaseUrl: env.DATABASE_URL || undefined,
    allowEmbeddedDatabase: (0, parsers_1.onOff)(env, 'ALLOW_EMBEDDED_DATABASE', false),
    dataDir: (0, project_paths_1.dataDirFrom)(env),
    schedule: (0, policy_file_1.loadSchedule)(env),
    orderConfirmation: (0, parsers_1.onOff)(env, 'ORDER_CONFIRMATION', true),
    orderAckTimeoutMs: (0, parsers_1.duration)(env, 'ORDER_ACK_TIMEOUT', DEFAULT_ORDER_ACK_TIMEOUT, 1_000),
    policy: (0, policy_file_1.loadPolicy)(env),
    supersede: (0, parsers_1.onOff)(env, 'SUPERSEDE', true),
    links: {
      secrets: (0, secrets_1.linkSecrets)(env),
      resumeTtlMs: (0, parsers_1.duration)(env, 'LINK_RESUME_TTL', DEFAULT_RESUME_TTL, 60_000),
      unsubscribeTtlMs: (0, parsers_1.duration)(
        env,
        'LINK_UNSUBSCRIBE_TTL',
        DEFAULT_UNSUBSCRIBE_TTL,
        MIN_UNSUBSCRIBE_TTL_MS,
      ),
    },
    metrics: {
      workerAddress: (0, parsers_1.listenAddress)(
        env,
        'WORKER_METRICS_ADDRESS',
        exports.DEFAULT_WORKER_METRICS_ADDRESS,
      ),
      apiAddress: (0, parsers_1.listenAddress)(env, 'API_METRICS_ADDRESS', exports.DEFAULT_API_METRICS_ADDRESS),
    },
    codec: {
      address: (0, parsers_1.listenAddress)(env, 'CODEC_ADDRESS', exports.DEFAULT_CODEC_ADDRESS),
      authToken: (0, secrets_1.codecAuthToken)(env),
    },
    push: (0, push_config_1.loadPush)(env),
    pushEndpoints: (0, push_config_1.loadPushEndpointPolicy)(env),
    encryption: (0, encryption_config_1.loadEncryption)(env),
    worker: (0, worker_config_1.loadWorkerConfig)(env, production),
    logFormat: (0, log_format_1.loadLogFormat)(env, production),
    analytics: (0, analytics_config_1.loadAnalytics)(env, env.CODEC_CORS_ORIGINS ?? exports.DEFAULT_CODEC_CORS_ORIGINS),
  };
}
//# sourceMappingURL=env.js.map
