// A query's date range as the cohort's bounds, checked: 400 naming the field when it makes no sense.
import { InvalidFieldsException } from '../validation/invalid-fields.exception';

const DAY_MS = 86_400_000;
export const DEFAULT_RANGE_DAYS = 30;
/** Longer ranges are a report, not a dashboard: ask for them in pieces. */
export const MAX_RANGE_DAYS = 366;

export interface ResolvedRange {
  from: Date;
  /** Exclusive. */
  to: Date;
}

const isDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s);

function parse(field: string, raw: string, endOfDay: boolean): Date {
  const ms = Date.parse(isDate(raw) ? `${raw}T00:00:00Z` : raw);
  if (Number.isNaN(ms)) throw new InvalidFieldsException([{ field, reason: 'is not a real date' }], 'query');
  return new Date(isDate(raw) && endOfDay ? ms + DAY_MS : ms);
}

export function resolveRange(query: { from?: string; to?: string }, now: Date = new Date()): ResolvedRange {
  const to = query.to !== undefined ? parse('to', query.to, true) : now;
  const from =
    query.from !== undefined ? parse('from', query.from, false) : new Date(to.getTime() - DEFAULT_RANGE_DAYS * DAY_MS);
  if (from.getTime() >= to.getTime())
    throw new InvalidFieldsException([{ field: 'to', reason: 'must be after from' }], 'query');
  if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * DAY_MS)
    throw new InvalidFieldsException(
      [{ field: 'from', reason: `must be at most ${MAX_RANGE_DAYS} days before to` }],
      'query',
    );
  return { from, to };
}
