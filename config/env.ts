// The environment, validated once at boot into one typed object: the assembly of AppConfig from
// the generic parsers (parsers.ts), the schedule and policy files (policy-file.ts), the secrets
// (secrets.ts) and each feature's own settings. Every address, port and name has a default for the
// embedded stack and an override for real infrastructure.
import type { RecoveryPolicy, ScheduleStep } from '../common/checkout';
import { type AnalyticsConfig, loadAnalytics } from './analytics-config';
import { type BrandConfig, loadBrand } from './brand';
import { type CheckoutConfig, loadCheckoutConfig } from './checkout-config';
import { ConfigError } from './config-error';
import type { EncryptionConfig } from './encryption/encryption-config';
import { loadEncryption } from './encryption/encryption-config';
import { legacyCheckoutUrl } from './legacy-route';
import { type LogFormat, loadLogFormat } from './log-format';
import { duration, listenAddress, onOff, origins, port } from './parsers';
import { loadPolicy, loadSchedule } from './policy-file';
import { dataDirFrom } from './project-paths';
import { loadPush, loadPushEndpointPolicy, type PushConfig, type PushEndpointPolicy } from './push-config';
import { loadRateLimits, type RateLimitConfig } from './rate-limits';
import { apiAuth, codecAuthToken, customerIdSecret, linkSecrets } from './secrets';
import { loadSmsSafety, type SmsSafetyConfig } from './sms-config';
import { loadTracing, type TracingConfig } from './tracing';
import { loadWorkerConfig, type WorkerConfig } from './worker-config';

export { DEFAULT_POLICY_FILE, DEFAULT_SCHEDULE_FILE, loadPolicy, loadSchedule } from './policy-file';
export { dataDirFrom } from './project-paths';
export { MIN_API_KEY_LENGTH, MIN_LINK_SECRET_LENGTH } from './secrets';
// What callers imported from here before the parsers, the policy files and the secrets had files of their own.
export { ConfigError, type EncryptionConfig, loadEncryption, type PushConfig, type PushEndpointPolicy };

export interface AppConfig {
  /** NODE_ENV=production (the Dockerfiles set it); anything else is development. */
  production: boolean;
  temporal: { address: string; namespace: string; taskQueue: string };
  api: {
    host: string;
    port: number;
    /** API_KEY; undefined leaves the routes open, which config/api-edge.ts allows only in development or with API_AUTH=off. */
    apiKey: string | undefined;
    /** API_AUTH=off: no key on purpose (a gateway in front authenticates). */
    authOff: boolean;
    publicUrl: string;
    /** Browser origins (the Temporal UI) allowed to call the codec endpoint. */
    codecCorsOrigins: string[];
    /**
     * CUSTOMER_ID_SECRET: keys the HMAC that turns a legacy checkout's email into its customer id (a
     * search attribute, never encrypted). Unset: the legacy route answers 503.
     */
    customerIdSecret: string | undefined;
    /** LEGACY_CHECKOUT_URL: where the legacy route's reminders send the shopper, `{id}` its checkout id. */
    legacyCheckoutUrl: string;
    /** Requests per client, link token and API key (config/rate-limits.ts). */
    rateLimits: RateLimitConfig;
    /** SHOP_ORIGINS: the only origins a checkoutUrl, and so a resume link's redirect, may point to. */
    shopOrigins: string[];
  };
  ses: { endpoint: string | undefined; region: string; from: string };
  /** The shop's name, logo, colours and sender in every message (config/brand.ts). */
  brand: BrandConfig;
  /**
   * TEMPLATE_OVERRIDES_DIR: the shop's own copy, <template>/<locale>.json, checked at worker and API
   * boot (activities/templates/i18n/overrides.ts); undefined: the shipped catalogues only.
   */
  templateOverridesDir: string | undefined;
  /** SMS through SNS Publish; `endpoint` set for a local SNS (npm start serves one). */
  sns: { endpoint: string | undefined; region: string };
  /** Countries texts may go to and the cap per phone number (config/sms-config.ts). */
  sms: SmsSafetyConfig;
  /** PostgreSQL URL; unset means the embedded engine (PGlite) under `dataDir`. */
  databaseUrl: string | undefined;
  /** ALLOW_EMBEDDED_DATABASE=true: production may run without DATABASE_URL (config/database-policy.ts). */
  allowEmbeddedDatabase: boolean;
  dataDir: string;
  schedule: ScheduleStep[];
  encryption: EncryptionConfig;
  /** ORDER_CONFIRMATION=off: the shop confirms orders itself, the workflow sends none. */
  orderConfirmation: boolean;
  /**
   * ORDER_ACK_TIMEOUT: how long POST /orders waits for the checkout's workflow to acknowledge the
   * order (`confirmed: true`) before it falls back to the durable signal (`confirmed: false`).
   */
  orderAckTimeoutMs: number;
  /** Quiet hours and zone defaults, copied into every new checkout's workflow input. */
  policy: RecoveryPolicy;
  /** SUPERSEDE=off: a customer's newer checkout leaves their older running ones alone. */
  supersede: boolean;
  links: LinkConfig;
  metrics: MetricsConfig;
  codec: CodecConfig;
  /** Web push's VAPID keys (config/push-config.ts); undefined: the push channel is not configured. */
  push: PushConfig | undefined;
  /** Which push endpoints the API accepts and the sender connects to (config/push-config.ts). */
  pushEndpoints: PushEndpointPolicy;
  /** The worker's health endpoint, boot setup, deployment version and activity rate (config/worker-config.ts). */
  worker: WorkerConfig;
  /** LOG_FORMAT: json (production default) or text (config/log-format.ts). */
  logFormat: LogFormat;
  /** OpenTelemetry spans to an OTLP endpoint (config/tracing.ts); undefined: tracing off. */
  tracing: TracingConfig | undefined;
  /** The holdout, the attribution window and the dashboard's links (config/analytics-config.ts). */
  analytics: AnalyticsConfig;
  /** The one-click checkout: vault keys, payment providers, the page (config/checkout-config.ts). */
  checkout: CheckoutConfig;
}

export interface LinkConfig {
  /** LINK_SIGNING_SECRET split on commas: the first signs, all verify (rotation). */
  secrets: string[];
  /** How long a resume link works after the send. */
  resumeTtlMs: number;
  /** How long an unsubscribe link works after the send. */
  unsubscribeTtlMs: number;
}

/** The Temporal UI's codec endpoint: it decrypts customer data, so it has a listener of its own. */
export interface CodecConfig {
  /** host:port of the codec listener (CODEC_ADDRESS), apart from the public port; undefined: no codec. */
  address: string | undefined;
  /** CODEC_AUTH_TOKEN: when set, codec calls need `Authorization: Bearer <it>` (the CLI's --codec-auth). */
  authToken: string | undefined;
}

export interface MetricsConfig {
  /** host:port of the worker's Prometheus endpoint (the SDK's exporter); undefined: none. */
  workerAddress: string | undefined;
  /** host:port of the API's Prometheus endpoint, apart from the public port; undefined: none. */
  apiAddress: string | undefined;
}

/** Where the Temporal UI of `temporal server start-dev` runs. */
export const DEFAULT_CODEC_CORS_ORIGINS = 'http://localhost:8233,http://127.0.0.1:8233';
/** Development only: the example shop of the README and the tests. Production must name its own. */
export const DEV_SHOP_ORIGINS = 'https://shop.example.com';
const DEFAULT_RESUME_TTL = '7d';
// The law expects an unsubscribe link to work for at least 30 days after the send (CAN-SPAM);
// 90 days leaves room for mail read late.
const DEFAULT_UNSUBSCRIBE_TTL = '90d';
const MIN_UNSUBSCRIBE_TTL_MS = 30 * 86_400_000;
// A polling worker acknowledges an order in milliseconds (a send in flight adds its provider call);
// after 5 s none is serving the task queue, and the shop should not wait longer for its answer.
const DEFAULT_ORDER_ACK_TIMEOUT = '5s';
export const DEFAULT_WORKER_METRICS_ADDRESS = '127.0.0.1:9464';
export const DEFAULT_API_METRICS_ADDRESS = '127.0.0.1:9465';
export const DEFAULT_CODEC_ADDRESS = '127.0.0.1:8234';

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const apiPort = port(env, 'PORT', 3000);
  const host = env.HOST || '127.0.0.1';
  const production = env.NODE_ENV === 'production';
  const brand = loadBrand(env);
  // Read before the payload keys: a missing link secret is the first thing a new operator must fix.
  const signingSecrets = linkSecrets(env);
  const config: Omit<AppConfig, 'checkout'> = {
    production,
    temporal: {
      address: env.TEMPORAL_ADDRESS || '127.0.0.1:7233',
      namespace: env.TEMPORAL_NAMESPACE || 'default',
      taskQueue: env.TASK_QUEUE || 'checkout-recovery',
    },
    api: {
      host,
      port: apiPort,
      ...apiAuth(env),
      publicUrl: (env.PUBLIC_API_URL || `http://${host}:${apiPort}`).replace(/\/$/, ''),
      customerIdSecret: customerIdSecret(env),
      legacyCheckoutUrl: legacyCheckoutUrl(env),
      rateLimits: loadRateLimits(env),
      codecCorsOrigins: origins(
        'CODEC_CORS_ORIGINS',
        env.CODEC_CORS_ORIGINS ?? DEFAULT_CODEC_CORS_ORIGINS,
        'http://localhost:8233',
      ),
      // No default outside development: config/api-edge.ts refuses to start the API without it.
      shopOrigins: origins(
        'SHOP_ORIGINS',
        env.SHOP_ORIGINS ?? (production ? '' : DEV_SHOP_ORIGINS),
        'https://shop.example.com',
      ),
    },
    ses: {
      endpoint: env.SES_ENDPOINT || undefined,
      region: env.AWS_REGION || env.AWS_DEFAULT_REGION || 'us-east-1',
      from: brand.sender,
    },
    sns: {
      endpoint: env.SNS_ENDPOINT || undefined,
      region: env.AWS_REGION || env.AWS_DEFAULT_REGION || 'us-east-1',
    },
    brand,
    templateOverridesDir: env.TEMPLATE_OVERRIDES_DIR?.trim() || undefined,
    sms: loadSmsSafety(env),
    databaseUrl: env.DATABASE_URL || undefined,
    allowEmbeddedDatabase: onOff(env, 'ALLOW_EMBEDDED_DATABASE', false),
    dataDir: dataDirFrom(env),
    schedule: loadSchedule(env),
    orderConfirmation: onOff(env, 'ORDER_CONFIRMATION', true),
    orderAckTimeoutMs: duration(env, 'ORDER_ACK_TIMEOUT', DEFAULT_ORDER_ACK_TIMEOUT, 1_000),
    policy: loadPolicy(env),
    supersede: onOff(env, 'SUPERSEDE', true),
    links: {
      secrets: signingSecrets,
      resumeTtlMs: duration(env, 'LINK_RESUME_TTL', DEFAULT_RESUME_TTL, 60_000),
      unsubscribeTtlMs: duration(env, 'LINK_UNSUBSCRIBE_TTL', DEFAULT_UNSUBSCRIBE_TTL, MIN_UNSUBSCRIBE_TTL_MS),
    },
    metrics: {
      workerAddress: listenAddress(env, 'WORKER_METRICS_ADDRESS', DEFAULT_WORKER_METRICS_ADDRESS),
      apiAddress: listenAddress(env, 'API_METRICS_ADDRESS', DEFAULT_API_METRICS_ADDRESS),
    },
    codec: {
      address: listenAddress(env, 'CODEC_ADDRESS', DEFAULT_CODEC_ADDRESS),
      authToken: codecAuthToken(env),
    },
    push: loadPush(env),
    pushEndpoints: loadPushEndpointPolicy(env),
    encryption: loadEncryption(env),
    worker: loadWorkerConfig(env, production),
    logFormat: loadLogFormat(env, production),
    tracing: loadTracing(env),
    analytics: loadAnalytics(env, env.CODEC_CORS_ORIGINS ?? DEFAULT_CODEC_CORS_ORIGINS),
  };
  // After the rest: its vault keys default to the payload keys, checked above.
  return { ...config, checkout: loadCheckoutConfig(env, config.encryption) };
}
