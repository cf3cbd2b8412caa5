// What a customer has told us about being contacted: channels, opt-out, quiet hours, zone.
// Plain data and validation, no I/O: the API validates PUT bodies with it, the workflow reads
// the snapshot in its input and the copies signalled on change.
import { CHANNELS, type Channel } from './checkout';
import { isHhMm, isTimeZone, type QuietHours } from './quiet-hours';
import type { FieldError } from './schedule';

export interface CustomerPreferences {
  /** No recovery message at all (unsubscribed). */
  optedOut: boolean;
  /** Channels the customer accepts recovery messages on; absent: every channel. */
  channels?: Channel[];
  /** Replaces the shop's quiet hours for this customer; null: none; absent: the shop's. */
  quietHours?: QuietHours | null;
  /** IANA zone that replaces the one the checkout carries. */
  timezone?: string;
}

export interface StoredPreferences extends CustomerPreferences {
  customerId: string;
  updatedAt: string;
  /** When and how the customer opted out (absent while subscribed). */
  optedOutAt?: string;
  optOutSource?: OptOutSource;
}

/** `link`: the signed unsubscribe link in a message; `api`: the shop, e.g. from its account page. */
export type OptOutSource = 'link' | 'api';

export const DEFAULT_PREFERENCES: CustomerPreferences = { optedOut: false };

const FIELDS = ['optedOut', 'channels', 'quietHours', 'timezone'];

/** Checks a PUT body: every field optional, unknown fields refused, errors named by field. */
export function preferencesErrors(value: unknown, field = ''): FieldError[] {
  const at = (name: string) => (field ? `${field}.${name}` : name);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return [{ field: field || 'body', reason: 'must be an object' }];
  }
  const body = value as Record<string, unknown>;
  const errors: FieldError[] = [];
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
        if (!(CHANNELS as readonly unknown[]).includes(c)) {
          errors.push({ field: `${at('channels')}[${i}]`, reason: `must be one of ${CHANNELS.join(', ')}` });
        } else if (channels.indexOf(c) !== i) {
          errors.push({ field: `${at('channels')}[${i}]`, reason: 'is listed twice' });
        }
      });
  }
  if (body.quietHours !== undefined && body.quietHours !== null) {
    const q = body.quietHours as Record<string, unknown>;
    if (typeof q !== 'object' || Array.isArray(q)) {
      errors.push({ field: at('quietHours'), reason: 'must be {"start":"HH:MM","end":"HH:MM"} or null' });
    } else {
      if (!isHhMm(q.start)) errors.push({ field: at('quietHours.start'), reason: 'must be a time "HH:MM"' });
      if (!isHhMm(q.end)) errors.push({ field: at('quietHours.end'), reason: 'must be a time "HH:MM"' });
      for (const k of Object.keys(q)) {
        if (k !== 'start' && k !== 'end') errors.push({ field: at(`quietHours.${k}`), reason: 'is not start or end' });
      }
    }
  }
  if (body.timezone !== undefined && !isTimeZone(body.timezone)) {
    errors.push({ field: at('timezone'), reason: 'must be an IANA time zone like "Europe/Berlin"' });
  }
  return errors;
}

/** A validated PUT body as preferences: what it leaves out goes back to the default. */
export function toPreferences(body: Record<string, unknown>): CustomerPreferences {
  const q = body.quietHours as QuietHours | null | undefined;
  return {
    optedOut: body.optedOut === true,
    ...(Array.isArray(body.channels) && { channels: [...(body.channels as Channel[])] }),
    ...(q !== undefined && { quietHours: q === null ? null : { start: q.start, end: q.end } }),
    ...(typeof body.timezone === 'string' && { timezone: body.timezone }),
  };
}

/** Only the fields the workflow needs (no timestamps): what travels in inputs and signals. */
export function preferencesOf(stored: CustomerPreferences): CustomerPreferences {
  return {
    optedOut: stored.optedOut,
    ...(stored.channels && { channels: [...stored.channels] }),
    ...(stored.quietHours !== undefined && { quietHours: stored.quietHours }),
    ...(stored.timezone && { timezone: stored.timezone }),
  };
}
