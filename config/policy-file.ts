// The reminder schedule and the recovery policy: a file each (config/schedule.json and
// config/policy.json by default), which environment variables override field by field; validated
// with the same checks the API applies to a checkout's own schedule and policy.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RecoveryPolicy, ScheduleStep } from '../common/checkout';
import { DEFAULT_SCHEDULE, resolveSchedule, scheduleFromList } from '../common/schedule';
import { describeErrors } from '../common/validate-checkout';
import { validatePolicy } from '../common/validate-policy';
import { ConfigError } from './config-error';
import type { Env } from './parsers';
import { PROJECT_ROOT } from './project-paths';

export const DEFAULT_SCHEDULE_FILE = join(PROJECT_ROOT, 'config', 'schedule.json');
export const DEFAULT_POLICY_FILE = join(PROJECT_ROOT, 'config', 'policy.json');
const BUILT_IN_POLICY: RecoveryPolicy = {
  quietHours: { start: '21:00', end: '08:00' },
  quietHoursSpread: '10m',
  defaultTimezone: 'UTC',
  frequencyCap: '16h',
  smsRules: { maxTexts: 1, within: '48h' },
};

/** RECOVERY_SCHEDULE ("30m,1d,3d") wins over RECOVERY_SCHEDULE_FILE, which wins over config/schedule.json. */
export function loadSchedule(env: Env = process.env): ScheduleStep[] {
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
export function loadPolicy(env: Env = process.env): RecoveryPolicy {
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
  if (env.QUIET_HOURS_SPREAD) {
    const raw = env.QUIET_HOURS_SPREAD.trim();
    policy = { ...policy, quietHoursSpread: raw.toLowerCase() === 'off' ? null : raw };
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
