// Validation of the recovery policy, shared by the config loader, the API and the workflow input.
import { CHANNELS, type RecoveryPolicy } from './checkout';
import { parseDuration } from './duration';
import { isHhMm, isTimeZone } from './quiet-hours';

const MAX_FREQUENCY_CAP_MS = 30 * 86_400_000;

import type { FieldError } from './schedule';

function quietHoursErrors(value: unknown, field: string): FieldError[] {
  if (value === null) return [];
  const q = value as { start?: unknown; end?: unknown } | undefined;
  if (typeof q !== 'object' || q === undefined) {
    return [{ field, reason: 'must be {"start":"HH:MM","end":"HH:MM"} or null' }];
  }
  const errors: FieldError[] = [];
  if (!isHhMm(q.start)) errors.push({ field: `${field}.start`, reason: 'must be a time "HH:MM" (00:00-23:59)' });
  if (!isHhMm(q.end)) errors.push({ field: `${field}.end`, reason: 'must be a time "HH:MM" (00:00-23:59)' });
  return errors;
}

const MAX_SMS_WINDOW_MS = 30 * 86_400_000;

function smsRulesErrors(value: unknown, field: string): FieldError[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return [{ field, reason: 'must be {"maxTexts": 1, "within": "48h"} or null' }];
  }
  const rules = value as Record<string, unknown>;
  const errors: FieldError[] = [];
  const max = rules.maxTexts;
  if (typeof max !== 'number' || !Number.isInteger(max) || max < 0 || max > 10) {
    errors.push({ field: `${field}.maxTexts`, reason: 'must be a whole number from 0 to 10' });
  }
  const within = typeof rules.within === 'string' ? parseDuration(rules.within) : undefined;
  if (!within?.ok || within.ms > MAX_SMS_WINDOW_MS) {
    errors.push({ field: `${field}.within`, reason: 'must be a duration like "48h" (at most 30d)' });
  }
  return errors;
}

export function validatePolicy(policy: unknown, field = 'policy'): FieldError[] {
  if (typeof policy !== 'object' || policy === null) return [{ field, reason: 'must be an object' }];
  const p = policy as Partial<RecoveryPolicy>;
  const errors = quietHoursErrors(p.quietHours, `${field}.quietHours`);
  if (p.channelQuietHours !== undefined) {
    if (typeof p.channelQuietHours !== 'object' || p.channelQuietHours === null) {
      errors.push({ field: `${field}.channelQuietHours`, reason: 'must be an object keyed by channel' });
    } else {
      for (const [channel, rule] of Object.entries(p.channelQuietHours)) {
        const at = `${field}.channelQuietHours.${channel}`;
        if (!(CHANNELS as readonly string[]).includes(channel)) {
          errors.push({ field: at, reason: `is not a channel (${CHANNELS.join(', ')})` });
        } else errors.push(...quietHoursErrors(rule, at));
      }
    }
  }
  if (p.frequencyCap !== undefined && p.frequencyCap !== null) {
    const cap = typeof p.frequencyCap === 'string' ? parseDuration(p.frequencyCap) : undefined;
    if (!cap?.ok || cap.ms > MAX_FREQUENCY_CAP_MS) {
      errors.push({ field: `${field}.frequencyCap`, reason: 'must be a duration like "16h" (at most 30d), or null' });
    }
  }
  if (p.smsRules !== undefined && p.smsRules !== null) errors.push(...smsRulesErrors(p.smsRules, `${field}.smsRules`));
  if (!isTimeZone(p.defaultTimezone)) {
    errors.push({ field: `${field}.defaultTimezone`, reason: 'must be an IANA time zone like "Europe/Berlin"' });
  }
  return errors;
}
