Object.defineProperty(exports, '__esModule', { value: true });
exports.DEFAULT_PREFERENCES = void 0;
exports.preferencesErrors = preferencesErrors;
exports.toPreferences = toPreferences;
exports.preferencesOf = preferencesOf;
// What a customer has told us about being contacted: channels, opt-out, quiet hours, zone.
// Plain data and validation, no I/O: the API validates PUT bodies with it, the workflow reads
// the snapshot in its input and the copies signalled on change.
const checkout_1 = require('./checkout');
const quiet_hours_1 = require('./quiet-hours');
exports.DEFAULT_PREFERENCES = { optedOut: false };
const FIELDS = ['optedOut', 'channels', 'quietHours', 'timezone'];
/** Checks a PUT body: every field optional, unknown fields refused, errors named by field. */
function preferencesErrors(value, field = '') {
  const at = (name) => (field ? `${field}.${name}` : name);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return [{ field: field || 'body', reason: 'must be an object' }];
  }
  const body = value;
  const errors = [];
  for (const key of Object.keys(body)) {
    if (!FIELDS.includes(key)) errors.push({ field: at(key), reason: `is not a preference (${FIELDS.join(', ')})` });
  }
  if (body.optedOut !== undefined && typeof body.optedOut !== 'boolean') {
    errors.push({ field: at('optedOut'), reason: 'must be true or false' });
  }
  if (body.channels !== undefined) {
    const channels = body.channels;
    if (!Array.isArray(channels)) errors.push({ field: at('channels'), reason: 'must be an array of channels' });
    else
      channels.forEach((c, i) => {
        if (!checkout_1.CHANNELS.includes(c)) {
          errors.push({ field: `${at('channels')}[${i}]`, reason: `must be one of ${checkout_1.CHANNELS.join(', ')}` });
        } else if (channels.indexOf(c) !== i) {
          errors.push({ field: `${at('channels')}[${i}]`, reason: 'is listed twice' });
        }
      });
  }
  if (body.quietHours !== undefined && body.quietHours !== null) {
    const q = body.quietHours;
    if (typeof q !== 'object' || Array.isArray(q)) {
      errors.push({ field: at('quietHours'), reason: 'must be {"start":"HH:MM","end":"HH:MM"} or null' });
    } else {
      if (!(0, quiet_hours_1.isHhMm)(q.start))
        errors.push({ field: at('quietHours.start'), reason: 'must be a time "HH:MM"' });
      if (!(0, quiet_hours_1.isHhMm)(q.end))
        errors.push({ field: at('quietHours.end'), reason: 'must be a time "HH:MM"' });
      for (const k of Object.keys(q)) {
        if (k !== 'start' && k !== 'end') errors.push({ field: at(`quietHours.${k}`), reason: 'is not start or end' });
      }
    }
  }
  if (body.timezone !== undefined && !(0, quiet_hours_1.isTimeZone)(body.timezone)) {
    errors.push({ field: at('timezone'), reason: 'must be an IANA time zone like "Europe/Berlin"' });
  }
  return errors;
}
/** A validated PUT body as preferences: what it leaves out goes back to the default. */
function toPreferences(body) {
  const q = body.quietHours;
  return {
    optedOut: body.optedOut === true,
    ...(Array.isArray(body.channels) && { channels: [...body.channels] }),
    ...(q !== undefined && { quietHours: q === null ? null : { start: q.start, end: q.end } }),
    ...(typeof body.timezone === 'string' && { timezone: body.timezone }),
  };
}
/** Only the fields the workflow needs (no timestamps): what travels in inputs and signals. */
function preferencesOf(stored) {
  return {
    optedOut: stored.optedOut,
    ...(stored.channels && { channels: [...stored.channels] }),
    ...(stored.quietHours !== undefined && { quietHours: stored.quietHours }),
    ...(stored.timezone && { timezone: stored.timezone }),
  };
}
//# sourceMappingURL=customer-preferences.js.map
