// The environment, validated once at boot into one typed object. Every address, port and
// name has a default for the embedded stack and an override for real infrastructure.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RecoveryPolicy, ScheduleStep } from '../common/checkout';
import { formatDuration, parseDuration } from '../common/duration';
import { DEFAULT_SCHEDULE, resolveSchedule, scheduleFromList } from '../common/schedule';
import { describeErrors } from '../common/validate-checkout';
import { validatePolicy } from '../common/validate-policy';
import { ConfigError } from './config-error';
import { type PayloadKey, parsePayloadKeys } from './encryption/payload-keys';
import { loadPush, loadPushEndpointPolicy, type PushConfig, type PushEndpointPolicy } from './push-config';
import { loadRateLimits, type RateLimitConfig } from './rate-limits';
import { loadSmsSafety, type SmsSafetyConfig } from './sms-config';

export { ConfigError, type PushConfig, type PushEndpointPolicy };

/** Payload encryption: on with its keys (the first encrypts), or explicitly off. */
export type EncryptionConfig = { enabled: true; keys: PayloadKey[] } | { enabled: false };

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
    /** Requests per client, link token and API key (config/rate-limits.ts). */
    rateLimits: RateLimitConfig;
    /** SHOP_ORIGINS: the only origins a checkoutUrl, and so a resume link's redirect, may point to. */
    shopOrigins: string[];
  };
  ses: { endpoint: string | undefined; region: string; from: string };
  /** SMS through SNS Publish; `endpoint` set for a local SNS (npm start serves one). */
  sns: { endpoint: string | undefined; region: string };
  /** Countries texts may go to and the cap per phone number (config/sms-config.ts). */
  sms: SmsSafetyConfig;
  /** PostgreSQL URL; unset means the embedded engine (PGlite) under `dataDir`. */
  databaseUrl: string | undefined;
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

const PROJECT_ROOT = join(__dirname, '..', __dirname.includes(`${join('dist', 'config')}`) ? '..' : '');
export const DEFAULT_SCHEDULE_FILE = join(PROJECT_ROOT, 'config', 'schedule.json');
export const DEFAULT_POLICY_FILE = join(PROJECT_ROOT, 'config', 'policy.json');
const BUILT_IN_POLICY: RecoveryPolicy = {
  quietHours: { start: '21:00', end: '08:00' },
  defaultTimezone: 'UTC',
  frequencyCap: '16h',
  smsRules: { maxTexts: 1, within: '48h' },
};
/** Where the Temporal UI of `temporal server start-dev` runs. */
export const DEFAULT_CODEC_CORS_ORIGINS = 'http://localhost:8233,http://127.0.0.1:8233';
/** Development only: the example shop of the README and the tests. Production must name its own. */
export const DEV_SHOP_ORIGINS = 'https://shop.example.com';

function port(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 65_535) throw new ConfigError(`${name} must be a port number, got "${raw}"`);
  return n;
}

function onOff(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (!raw) return fallback;
  if (['on', 'true', '1', 'yes'].includes(raw)) return true;
  if (['off', 'false', '0', 'no'].includes(raw)) return false;
  throw new ConfigError(`${name} must be "on" or "off", got "${env[name]}"`);
}

// One signed link lets an attacker guess the secret offline, so no passwords: `openssl rand
// -base64 32` gives 44 characters (256 bits).
export const MIN_LINK_SECRET_LENGTH = 32;
// The API key guards sending mail and texts in the shop's name: as long as a link secret.
export const MIN_API_KEY_LENGTH = 32;
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

/** Where the embedded parts keep their files (npm start also keeps its dev link secret there). */
export function dataDirFrom(env: NodeJS.ProcessEnv): string {
  return env.DATA_DIR || join(PROJECT_ROOT, '.data');
}

function linkSecrets(env: NodeJS.ProcessEnv): string[] {
  const secrets = (env.LINK_SIGNING_SECRET ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (secrets.length === 0)
    throw new ConfigError(
      'LINK_SIGNING_SECRET is not set: it signs the resume and unsubscribe links in emails. ' +
        'Generate one with `openssl rand -base64 32` and give the same value to the API and the worker ' +
        '(`npm start` makes one for development in DATA_DIR).',
    );
  if (secrets.some((s) => s.length < MIN_LINK_SECRET_LENGTH))
    throw new ConfigError(
      `every LINK_SIGNING_SECRET must be at least ${MIN_LINK_SECRET_LENGTH} characters (\`openssl rand -base64 32\`)`,
    );
  return secrets;
}

function customerIdSecret(env: NodeJS.ProcessEnv): string | undefined {
  const secret = env.CUSTOMER_ID_SECRET?.trim() || undefined;
  if (secret && secret.length < MIN_LINK_SECRET_LENGTH) {
    throw new ConfigError(
      `CUSTOMER_ID_SECRET must be at least ${MIN_LINK_SECRET_LENGTH} characters (\`openssl rand -base64 32\`)`,
    );
  }
  return secret;
}

function ttl(env: NodeJS.ProcessEnv, name: string, fallback: string, minMs: number): number {
  const raw = env[name] || fallback;
  const parsed = parseDuration(raw);
  if (!parsed.ok) throw new ConfigError(`${name}: ${parsed.reason}`);
  if (parsed.ms < minMs) throw new ConfigError(`${name} must be at least ${formatDuration(minMs)}, got "${raw}"`);
  return parsed.ms;
}

/** host:port; unset means the default, an empty value switches the endpoint off. */
function listenAddress(env: NodeJS.ProcessEnv, name: string, fallback: string): string | undefined {
  const raw = env[name] ?? fallback;
  if (raw.trim() === '') return undefined;
  const match = /^(.+):(\d{1,5})$/.exec(raw.trim());
  if (!match || Number(match[2]) > 65_535)
    throw new ConfigError(`${name} must be host:port (e.g. ${fallback}), or empty to switch it off; got "${raw}"`);
  return raw.trim();
}

/**
 * PAYLOAD_ENCRYPTION_KEYS is required: customer data must not reach Temporal in plain text by
 * accident. PAYLOAD_ENCRYPTION=off is the explicit, documented way to run without it.
 */
export function loadEncryption(env: NodeJS.ProcessEnv = process.env): EncryptionConfig {
  const mode = (env.PAYLOAD_ENCRYPTION || 'on').toLowerCase();
  const keys = env.PAYLOAD_ENCRYPTION_KEYS?.trim() || undefined;
  if (mode === 'off') {
    if (keys) throw new ConfigError('PAYLOAD_ENCRYPTION=off and PAYLOAD_ENCRYPTION_KEYS are both set: unset one');
    return { enabled: false };
  }
  if (mode !== 'on') throw new ConfigError(`PAYLOAD_ENCRYPTION must be "on" or "off", got "${env.PAYLOAD_ENCRYPTION}"`);
  if (!keys) {
    throw new ConfigError(
      'PAYLOAD_ENCRYPTION_KEYS is not set: give "<key id>:<base64 of 32 random bytes>" (openssl rand -base64 32), ' +
        'the same on API and worker, or set PAYLOAD_ENCRYPTION=off to store customer data in Temporal unencrypted',
    );
  }
  return { enabled: true, keys: parsePayloadKeys(keys) };
}

/** A comma-separated list of origins ("https://shop.example.com"), each exactly as URL.origin spells it. */
function origins(name: string, raw: string, example: string): string[] {
  const list = raw
    .split(',')
    .map((o) => o.trim())
    .filter((o) => o !== '');
  for (const origin of list) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(origin);
    } catch {
      // reported below
    }
    if (!parsed || !/^https?:$/.test(parsed.protocol) || parsed.origin !== origin) {
      throw new ConfigError(`${name}: "${origin}" is not an origin like "${example}"`);
    }
  }
  return list;
}

/**
 * API_KEY, at least MIN_API_KEY_LENGTH characters when set. API_AUTH=off says on purpose that there
 * is none, as PAYLOAD_ENCRYPTION=off does for encryption; API_AUTH=on insists on one.
 */
function apiAuth(env: NodeJS.ProcessEnv): { apiKey: string | undefined; authOff: boolean } {
  const apiKey = env.API_KEY || undefined;
  const authOff = !onOff(env, 'API_AUTH', true);
  if (apiKey !== undefined && apiKey.length < MIN_API_KEY_LENGTH)
    throw new ConfigError(
      `API_KEY must be at least ${MIN_API_KEY_LENGTH} characters (\`openssl rand -base64 32\`), got ${apiKey.length}`,
    );
  if (authOff && apiKey) throw new ConfigError('API_AUTH=off and API_KEY are both set: unset one');
  if (env.API_AUTH && !authOff && !apiKey) throw new ConfigError('API_AUTH=on but API_KEY is not set');
  return { apiKey, authOff };
}

function codecAuthToken(env: NodeJS.ProcessEnv): string | undefined {
  const token = env.CODEC_AUTH_TOKEN || undefined;
  if (token !== undefined && token.length < MIN_API_KEY_LENGTH)
    throw new ConfigError(`CODEC_AUTH_TOKEN must be at least ${MIN_API_KEY_LENGTH} characters, got ${token.length}`);
  return token;
}

/** RECOVERY_SCHEDULE ("30m,1d,3d") wins over RECOVERY_SCHEDULE_FILE, which wins over config/schedule.json. */
export function loadSchedule(env: NodeJS.ProcessEnv = process.env): ScheduleStep[] {
  let specs: unknown = DEFAULT_SCHEDULE;
  let source = 'the built-in default';
  if (env.RECOVERY_SCHEDULE) {
    specs = scheduleFromList(env.RECOVERY_SCHEDULE);
    source = 'RECOVERY_SCHEDULE';
  } else {
    const file = env.RECOVERY_SCHEDULE_FILE || DEFAULT_SCHEDULE_FILE;
    try {
      specs = (JSON.parse(readFileSync(file, 'utf8')) as { schedule?: unknown }).schedule;
      source = file;
    } catch (err) {
      if (env.RECOVERY_SCHEDULE_FILE)
        throw new ConfigError(`cannot read RECOVERY_SCHEDULE_FILE ${file}: ${String(err)}`);
    }
  }
  const resolved = resolveSchedule(specs);
  if (!resolved.ok) throw new ConfigError(`invalid reminder schedule in ${source}: ${describeErrors(resolved.errors)}`);
  return resolved.steps;
}

/**
 * RECOVERY_POLICY_FILE (or config/policy.json), then QUIET_HOURS ("21:00-08:00" or "off"),
 * DEFAULT_TIMEZONE, FREQUENCY_CAP ("16h" or "off"), SMS_RULES ("1/48h": texts/window, or "off") and
 * DISCOUNT_OFFERS ("off") override its fields.
 */
export function loadPolicy(env: NodeJS.ProcessEnv = process.env): RecoveryPolicy {
  let policy: RecoveryPolicy = BUILT_IN_POLICY;
  let source = 'the built-in default';
  const file = env.RECOVERY_POLICY_FILE || DEFAULT_POLICY_FILE;
  try {
    policy = JSON.parse(readFileSync(file, 'utf8')) as RecoveryPolicy;
    source = file;
  } catch (err) {
    if (env.RECOVERY_POLICY_FILE) throw new ConfigError(`cannot read RECOVERY_POLICY_FILE ${file}: ${String(err)}`);
  }
  if (env.QUIET_HOURS) {
    const raw = env.QUIET_HOURS.trim();
    const [start = '', end = ''] = raw.split('-').map((s) => s.trim());
    policy = { ...policy, quietHours: raw.toLowerCase() === 'off' ? null : { start, end } };
    source += ' with QUIET_HOURS';
  }
  if (env.DEFAULT_TIMEZONE) policy = { ...policy, defaultTimezone: env.DEFAULT_TIMEZONE.trim() };
  if (env.FREQUENCY_CAP) {
    const raw = env.FREQUENCY_CAP.trim();
    policy = { ...policy, frequencyCap: raw.toLowerCase() === 'off' ? null : raw };
  }
  if (env.SMS_RULES) {
    const raw = env.SMS_RULES.trim();
    const [maxTexts = '', within = ''] = raw.split('/').map((s) => s.trim());
    policy = {
      ...policy,
      smsRules:
        raw.toLowerCase() === 'off' ? null : { maxTexts: /^\d+$/.test(maxTexts) ? Number(maxTexts) : -1, within },
    };
  }
  const offers = env.DISCOUNT_OFFERS?.trim().toLowerCase();
  if (offers === 'off') policy = { ...policy, discount: null };
  else if (offers && offers !== 'on') throw new ConfigError(`DISCOUNT_OFFERS must be "on" or "off", got "${offers}"`);
  const errors = validatePolicy(policy, 'policy');
  if (errors.length > 0) throw new ConfigError(`invalid recovery policy in ${source}: ${describeErrors(errors)}`);
  return policy;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const apiPort = port(env, 'PORT', 3000);
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
      ...apiAuth(env),
      publicUrl: (env.PUBLIC_API_URL || `http://${host}:${apiPort}`).replace(/\/$/, ''),
      customerIdSecret: customerIdSecret(env),
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
      from: env.MAIL_FROM || 'Your Shop <shop@example.com>',
    },
    sns: {
      endpoint: env.SNS_ENDPOINT || undefined,
      region: env.AWS_REGION || env.AWS_DEFAULT_REGION || 'us-east-1',
    },
    sms: loadSmsSafety(env),
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: dataDirFrom(env),
    schedule: loadSchedule(env),
    orderConfirmation: onOff(env, 'ORDER_CONFIRMATION', true),
    orderAckTimeoutMs: ttl(env, 'ORDER_ACK_TIMEOUT', DEFAULT_ORDER_ACK_TIMEOUT, 1_000),
    policy: loadPolicy(env),
    supersede: onOff(env, 'SUPERSEDE', true),
    links: {
      secrets: linkSecrets(env),
      resumeTtlMs: ttl(env, 'LINK_RESUME_TTL', DEFAULT_RESUME_TTL, 60_000),
      unsubscribeTtlMs: ttl(env, 'LINK_UNSUBSCRIBE_TTL', DEFAULT_UNSUBSCRIBE_TTL, MIN_UNSUBSCRIBE_TTL_MS),
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
  };
}
