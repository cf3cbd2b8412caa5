Object.defineProperty(exports, '__esModule', { value: true });
exports.DEFAULT_POLICY_FILE = exports.DEFAULT_SCHEDULE_FILE = void 0;
exports.loadSchedule = loadSchedule;
exports.loadPolicy = loadPolicy;
// The reminder schedule and the recovery policy: a file each (config/schedule.json and
// config/policy.json by default), which environment variables override field by field; validated
// with the same checks the API applies to a checkout's own schedule and policy.
const node_fs_1 = require('node:fs');
const node_path_1 = require('node:path');
const schedule_1 = require('../common/schedule');
const validate_checkout_1 = require('../common/validate-checkout');
const validate_policy_1 = require('../common/validate-policy');
const config_error_1 = require('./config-error');
const project_paths_1 = require('./project-paths');
exports.DEFAULT_SCHEDULE_FILE = (0, node_path_1.join)(project_paths_1.PROJECT_ROOT, 'config', 'schedule.json');
exports.DEFAULT_POLICY_FILE = (0, node_path_1.join)(project_paths_1.PROJECT_ROOT, 'config', 'policy.json');
const BUILT_IN_POLICY = {
  quietHours: { start: '21:00', end: '08:00' },
  quietHoursSpread: '10m',
  defaultTimezone: 'UTC',
  frequencyCap: '16h',
  smsRules: { maxTexts: 1, within: '48h' },
};
/** RECOVERY_SCHEDULE ("30m,1d,3d") wins over RECOVERY_SCHEDULE_FILE, which wins over config/schedule.json. */
function loadSchedule(env = process.env) {
  let specs = schedule_1.DEFAULT_SCHEDULE;
  let source = 'the built-in default';
  if (env.RECOVERY_SCHEDULE) {
    specs = (0, schedule_1.scheduleFromList)(env.RECOVERY_SCHEDULE);
    source = 'RECOVERY_SCHEDULE';
  } else {
    const file = env.RECOVERY_SCHEDULE_FILE || exports.DEFAULT_SCHEDULE_FILE;
    try {
      specs = JSON.parse((0, node_fs_1.readFileSync)(file, 'utf8')).schedule;
      source = file;
    } catch (err) {
      if (env.RECOVERY_SCHEDULE_FILE)
        throw new config_error_1.ConfigError(`cannot read RECOVERY_SCHEDULE_FILE ${file}: ${String(err)}`);
    }
  }
  const resolved = (0, schedule_1.resolveSchedule)(specs);
  if (!resolved.ok)
    throw new config_error_1.ConfigError(
      `invalid reminder schedule in ${source}: ${(0, validate_checkout_1.describeErrors)(resolved.errors)}`,
    );
  return resolved.steps;
}
/**
 * RECOVERY_POLICY_FILE (or config/policy.json), then QUIET_HOURS ("21:00-08:00" or "off"),
 * DEFAULT_TIMEZONE, FREQUENCY_CAP ("16h" or "off"), SMS_RULES ("1/48h": texts/window, or "off") and
 * DISCOUNT_OFFERS ("off") override its fields.
 */
function loadPolicy(env = process.env) {
  let policy = BUILT_IN_POLICY;
  let source = 'the built-in default';
  const file = env.RECOVERY_POLICY_FILE || exports.DEFAULT_POLICY_FILE;
  try {
    policy = JSON.parse((0, node_fs_1.readFileSync)(file, 'utf8'));
    source = file;
  } catch (err) {
    if (env.RECOVERY_POLICY_FILE)
      throw new config_error_1.ConfigError(`cannot read RECOVERY_POLICY_FILE ${file}: ${String(err)}`);
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
  else if (offers && offers !== 'on')
    throw new config_error_1.ConfigError(`DISCOUNT_OFFERS must be "on" or "off", got "${offers}"`);
  const errors = (0, validate_policy_1.validatePolicy)(policy, 'policy');
  if (errors.length > 0)
    throw new config_error_1.ConfigError(
      `invalid recovery policy in ${source}: ${(0, validate_checkout_1.describeErrors)(errors)}`,
    );
  return policy;
}
//# sourceMappingURL=policy-file.js.map
