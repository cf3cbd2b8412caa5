// The environment, validated once at boot into one typed object. Every address, port and
// name has a default for the embedded stack and an override for real infrastructure.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RecoveryPolicy, ScheduleStep } from '../common/checkout';
import { DEFAULT_SCHEDULE, resolveSchedule, scheduleFromList } from '../common/schedule';
import { describeErrors } from '../common/validate-checkout';
import { validatePolicy } from '../common/validate-policy';

export interface AppConfig {
  temporal: { address: string; namespace: string; taskQueue: string };
  api: { host: string; port: number; apiKey: string | undefined; publicUrl: string };
  ses: { endpoint: string | undefined; region: string; from: string };
  /** PostgreSQL URL; unset means the embedded engine (PGlite) under `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
  schedule: ScheduleStep[];
  /** ORDER_CONFIRMATION=off: the shop confirms orders itself, the workflow sends none. */
  orderConfirmation: boolean;
  /** Quiet hours and zone defaults, copied into every new checkout's workflow input. */
  policy: RecoveryPolicy;
}

export class ConfigError extends Error {}

const PROJECT_ROOT = join(__dirname, '..', __dirname.includes(`${join('dist', 'config')}`) ? '..' : '');
export const DEFAULT_SCHEDULE_FILE = join(PROJECT_ROOT, 'config', 'schedule.json');
export const DEFAULT_POLICY_FILE = join(PROJECT_ROOT, 'config', 'policy.json');
const BUILT_IN_POLICY: RecoveryPolicy = { quietHours: { start: '21:00', end: '08:00' }, defaultTimezone: 'UTC' };

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
 * RECOVERY_POLICY_FILE (or config/policy.json), then QUIET_HOURS ("21:00-08:00" or "off") and
 * DEFAULT_TIMEZONE override its fields.
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
  const errors = validatePolicy(policy, 'policy');
  if (errors.length > 0) throw new ConfigError(`invalid recovery policy in ${source}: ${describeErrors(errors)}`);
  return policy;
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
    },
    ses: {
      endpoint: env.SES_ENDPOINT || undefined,
      region: env.AWS_REGION || env.AWS_DEFAULT_REGION || 'us-east-1',
      from: env.MAIL_FROM || 'Your Shop <shop@example.com>',
    },
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.DATA_DIR || join(PROJECT_ROOT, '.data'),
    schedule: loadSchedule(env),
    orderConfirmation: onOff(env, 'ORDER_CONFIRMATION', true),
    policy: loadPolicy(env),
  };
}
