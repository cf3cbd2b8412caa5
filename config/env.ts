// The environment, validated once at boot into one typed object. Every address, port and
// name has a default for the embedded stack and an override for real infrastructure.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ScheduleStep } from '../common/checkout';
import { DEFAULT_SCHEDULE, resolveSchedule, scheduleFromList } from '../common/schedule';
import { describeErrors } from '../common/validate-checkout';
import { ConfigError } from './config-error';
import { type PayloadKey, parsePayloadKeys } from './encryption/payload-keys';

export { ConfigError };

/** Payload encryption: on with its keys (the first encrypts), or explicitly off. */
export type EncryptionConfig = { enabled: true; keys: PayloadKey[] } | { enabled: false };

export interface AppConfig {
  temporal: { address: string; namespace: string; taskQueue: string };
  api: {
    host: string;
    port: number;
    apiKey: string | undefined;
    publicUrl: string;
    /** Browser origins (the Temporal UI) allowed to call the codec endpoint. */
    codecCorsOrigins: string[];
  };
  ses: { endpoint: string | undefined; region: string; from: string };
  /** PostgreSQL URL; unset means the embedded engine (PGlite) under `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
  schedule: ScheduleStep[];
  encryption: EncryptionConfig;
}

const PROJECT_ROOT = join(__dirname, '..', __dirname.includes(`${join('dist', 'config')}`) ? '..' : '');
export const DEFAULT_SCHEDULE_FILE = join(PROJECT_ROOT, 'config', 'schedule.json');
/** Where the Temporal UI of `temporal server start-dev` runs. */
export const DEFAULT_CODEC_CORS_ORIGINS = 'http://localhost:8233,http://127.0.0.1:8233';

function port(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 65_535) throw new ConfigError(`${name} must be a port number, got "${raw}"`);
  return n;
}

/** DATA_DIR, or `.data/` in the project. */
export function dataDirOf(env: NodeJS.ProcessEnv): string {
  return env.DATA_DIR || join(PROJECT_ROOT, '.data');
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

function origins(env: NodeJS.ProcessEnv): string[] {
  const raw = env.CODEC_CORS_ORIGINS ?? DEFAULT_CODEC_CORS_ORIGINS;
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
      throw new ConfigError(`CODEC_CORS_ORIGINS: "${origin}" is not an origin like "http://localhost:8233"`);
    }
  }
  return list;
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

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const apiPort = port(env, 'PORT', 3000);
  const host = env.HOST || '127.0.0.1';
  return {
    temporal: {
      address: env.TEMPORAL_ADDRESS || '127.0.0.1:7233',
      namespace: env.TEMPORAL_NAMESPACE || 'default',
      taskQueue: env.TASK_QUEUE || 'checkout-recovery',
    },
    api: {
      host,
      port: apiPort,
      apiKey: env.API_KEY || undefined,
      publicUrl: (env.PUBLIC_API_URL || `http://${host}:${apiPort}`).replace(/\/$/, ''),
      codecCorsOrigins: origins(env),
    },
    ses: {
      endpoint: env.SES_ENDPOINT || undefined,
      region: env.AWS_REGION || env.AWS_DEFAULT_REGION || 'us-east-1',
      from: env.MAIL_FROM || 'Your Shop <shop@example.com>',
    },
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: dataDirOf(env),
    schedule: loadSchedule(env),
    encryption: loadEncryption(env),
  };
}
