Object.defineProperty(exports, '__esModule', { value: true });
exports.MAX_OFFSET_MS = exports.MAX_STEPS = exports.MIN_STEP_MS = exports.DEFAULT_SCHEDULE = void 0;
exports.defaultTemplate = defaultTemplate;
exports.resolveSchedule = resolveSchedule;
exports.scheduleFromList = scheduleFromList;
const checkout_1 = require('./checkout');
const duration_1 = require('./duration');
/** The documented default: T+30 min, T+1 day, T+3 days after the shopper's last activity. */
exports.DEFAULT_SCHEDULE = [{ after: '30m' }, { after: '1d' }, { after: '3d' }];
// Bounds that keep a schedule sane: at least a second apart (tests use seconds-long schedules),
// at most 10 reminders, nothing later than 30 days (a reminder after that is spam, not recovery).
exports.MIN_STEP_MS = 1_000;
exports.MAX_STEPS = 10;
exports.MAX_OFFSET_MS = 30 * 86_400_000;
/** Template for a step nobody named: first is friendly, last is the last chance, others show the cart. */
function defaultTemplate(index, count) {
  if (index === 0) return 'friendly';
  if (index === count - 1) return 'last-chance';
  return 'cart';
}
/**
 * Validates and resolves a schedule. `field` prefixes error paths ("schedule[1].after").
 * `firstStepIndex`/`totalSteps` let a reschedule keep template choice consistent with the steps already sent.
 */
function resolveSchedule(specs, field = 'schedule', firstStepIndex = 0, notBeforeMs = 0) {
  if (!Array.isArray(specs)) return { ok: false, errors: [{ field, reason: 'must be an array of steps' }] };
  if (specs.length === 0) return { ok: false, errors: [{ field, reason: 'must have at least one step' }] };
  if (firstStepIndex + specs.length > exports.MAX_STEPS) {
    return { ok: false, errors: [{ field, reason: `at most ${exports.MAX_STEPS} reminders per checkout` }] };
  }
  const errors = [];
  const steps = [];
  let previous = notBeforeMs;
  specs.forEach((raw, i) => {
    const at = `${field}[${i}]`;
    if (typeof raw !== 'object' || raw === null) {
      errors.push({ field: at, reason: 'must be an object like { "after": "30m" }' });
      return;
    }
    const spec = raw;
    const parsed = (0, duration_1.parseDuration)(spec.after);
    if (!parsed.ok) {
      errors.push({ field: `${at}.after`, reason: parsed.reason });
      return;
    }
    if (parsed.ms < exports.MIN_STEP_MS) errors.push({ field: `${at}.after`, reason: 'must be at least 1s' });
    if (parsed.ms > exports.MAX_OFFSET_MS) errors.push({ field: `${at}.after`, reason: 'must be at most 30d' });
    if (steps.length > 0 || notBeforeMs > 0) {
      if (parsed.ms <= previous) {
        errors.push({ field: `${at}.after`, reason: 'must be later than the step before it' });
      }
    }
    previous = parsed.ms;
    const channels = resolveChannels(spec.channel ?? 'email', `${at}.channel`, errors);
    const template = spec.template ?? defaultTemplate(firstStepIndex + i, firstStepIndex + specs.length);
    if (!checkout_1.TEMPLATES.includes(template)) {
      errors.push({ field: `${at}.template`, reason: `must be one of ${checkout_1.TEMPLATES.join(', ')}` });
    }
    steps.push({
      after: String(spec.after).trim(),
      afterMs: parsed.ms,
      channel: channels[0] ?? 'email',
      ...(Array.isArray(spec.channel) && { channels }),
      template: template,
    });
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, steps };
}
/** A step's `channel`: one channel, or a non-empty list of distinct channels tried in that order. */
function resolveChannels(value, field, errors) {
  const isChannel = (c) => checkout_1.CHANNELS.includes(c);
  const reason = `must be one of ${checkout_1.CHANNELS.join(', ')}, or a list of them in the order to try`;
  if (!Array.isArray(value)) {
    if (isChannel(value)) return [value];
    errors.push({ field, reason });
    return [];
  }
  if (value.length === 0) errors.push({ field, reason: 'must name at least one channel' });
  value.forEach((c, i) => {
    if (!isChannel(c))
      errors.push({ field: `${field}[${i}]`, reason: `must be one of ${checkout_1.CHANNELS.join(', ')}` });
    else if (value.indexOf(c) !== i) errors.push({ field: `${field}[${i}]`, reason: 'is listed twice' });
  });
  return value.filter(isChannel);
}
/** Reads a schedule written as "30m,1d,3d" (the RECOVERY_SCHEDULE environment form). */
function scheduleFromList(list) {
  return list
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map((after) => ({ after }));
}
//# sourceMappingURL=schedule.js.map
