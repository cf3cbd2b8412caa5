// Quiet hours in the customer's own time zone: a message due inside them moves to the next
// allowed moment, it is never dropped. Pure and deterministic (Intl's zone data, no clock), so the
// workflow and the API compute the same instants.

/** Local wall-clock window, "HH:MM" each; a start after the end wraps midnight (21:00–08:00). */
export interface QuietHours {
  start: string;
  end: string;
}

export const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function isHhMm(value: unknown): value is string {
  return typeof value === 'string' && HH_MM.test(value);
}

/** A zone Intl knows; the formatter quiet hours need is built here and kept for the zone's own name. */
export function isTimeZone(value: unknown): value is string {
  if (typeof value !== 'string' || value.length === 0) return false;
  try {
    formatter(value);
    return true;
  } catch {
    return false;
  }
}

const DAY_MS = 86_400_000;

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

// Formatters live as long as the process (the worker shares them between workflows), each holding
// ICU data (tens of KB). Intl accepts any casing of a name and old aliases ("US/Eastern"): names as
// the time-zone database spells them are kept without limit (a few hundred exist), other spellings
// in a small cache of their own that starts over when full, so no input can grow memory for good.
const formatters = new Map<string, Intl.DateTimeFormat>();
const otherSpellings = new Map<string, Intl.DateTimeFormat>();
const MAX_OTHER_SPELLINGS = 100;
function formatter(timeZone: string): Intl.DateTimeFormat {
  const known = formatters.get(timeZone) ?? otherSpellings.get(timeZone);
  if (known) return known;
  const f = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  if (f.resolvedOptions().timeZone === timeZone) formatters.set(timeZone, f);
  else {
    if (otherSpellings.size >= MAX_OTHER_SPELLINGS) otherSpellings.clear();
    otherSpellings.set(timeZone, f);
  }
  return f;
}

/** How many formatters are kept (the test that input cannot grow them reads it). */
export const cachedTimeZoneFormatters = () => formatters.size + otherSpellings.size;

interface WallClock {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallClock(instantMs: number, timeZone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(instantMs))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return {
    year: parts.year ?? 1970,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

/** The zone's offset from UTC at an instant, in ms (Berlin in summer: +7,200,000). */
function offsetAt(instantMs: number, timeZone: string): number {
  const w = wallClock(instantMs, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(instantMs / 1000) * 1000;
}

/**
 * The instant a local wall-clock time happens in the zone. A time repeated by a DST change resolves
 * to its first occurrence not before `notBefore`; one skipped (02:30 on a spring-forward night) is
 * shifted forward by the gap, as java.time and Temporal (the JS proposal) do.
 */
function instantOf(
  year: number,
  month: number,
  day: number,
  minutes: number,
  timeZone: string,
  notBefore: number,
): number {
  const guess = Date.UTC(year, month - 1, day, Math.floor(minutes / 60), minutes % 60);
  // The offsets a day either side bracket any DST change on that date.
  const candidates = [guess - offsetAt(guess - DAY_MS, timeZone), guess - offsetAt(guess + DAY_MS, timeZone)];
  const matching = candidates.filter((c) => {
    const w = wallClock(c, timeZone);
    return w.day === day && w.hour * 60 + w.minute === minutes;
  });
  // On a fall-back night 01:01 happens twice: inside the second 01:00–01:01, the end is the second.
  const ahead = matching.filter((c) => c >= notBefore);
  if (ahead.length > 0) return Math.min(...ahead);
  return matching.length > 0 ? Math.min(...matching) : Math.max(...candidates);
}

/** Whether an instant falls inside the quiet hours, in the zone's local time. */
export function isQuiet(instantMs: number, quiet: QuietHours, timeZone: string): boolean {
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  if (start === end) return false;
  const w = wallClock(instantMs, timeZone);
  const now = w.hour * 60 + w.minute;
  return start < end ? now >= start && now < end : now >= start || now < end;
}

/**
 * The instant itself when it is allowed, else the end of the quiet hours it falls in. When a DST
 * change swallows the whole allowed slot of a day (a window open 02:00–03:00 on a spring-forward
 * night), the end lands inside the next quiet hours: then the search goes on to the next day's end.
 */
export function nextAllowedMoment(instantMs: number, quiet: QuietHours | null | undefined, timeZone: string): number {
  let at = instantMs;
  // Two DST changes cannot fall on consecutive days: three rounds always reach an allowed moment.
  for (let round = 0; round < 3 && quiet && isQuiet(at, quiet, timeZone); round++)
    at = endOfQuietHours(at, quiet, timeZone);
  return at;
}

/** The end of the quiet hours `instantMs` falls in, as the zone's wall clock places it. */
function endOfQuietHours(instantMs: number, quiet: QuietHours, timeZone: string): number {
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  const w = wallClock(instantMs, timeZone);
  const now = w.hour * 60 + w.minute;
  // In a window that wraps midnight, the evening part ends tomorrow morning.
  const dayShift = start > end && now >= start ? 1 : 0;
  const day = new Date(Date.UTC(w.year, w.month - 1, w.day + dayShift));
  const allowed = instantOf(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate(), end, timeZone, instantMs);
  return Math.max(allowed, instantMs);
}
