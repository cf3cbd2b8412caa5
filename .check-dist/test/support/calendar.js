Object.defineProperty(exports, '__esModule', { value: true });
exports.isoOf = exports.nextBerlinSpringForward = exports.nextBerlinWinterNight = void 0;
exports.utcOffsetMinutes = utcOffsetMinutes;
exports.nextNight = nextNight;
exports.nextLocalHour = nextLocalHour;
// Dates for tests that drive a server whose clock starts at the machine's "now": every date is
// found from that clock, never written down, so a test passes on any day of any year.
const DAY_MS = 86_400_000;
/** Far enough to find any zone's next transition or winter night from any date. */
const SCAN_DAYS = 400;
/** The zone's offset from UTC at `ms`, in minutes (Berlin: 60 in winter, 120 in summer). */
function utcOffsetMinutes(ms, timeZone) {
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(ms)
    .find((p) => p.type === 'timeZoneName')?.value;
  const match = /^GMT(?:([+-])(\d{2}):(\d{2}))?$/.exec(name ?? '');
  if (!match) throw new Error(`no UTC offset for ${timeZone}: ${name}`);
  const [, sign, hours = '0', minutes = '0'] = match;
  return (sign === '-' ? -1 : 1) * (Number(hours) * 60 + Number(minutes));
}
/** Midnight UTC of the day of `ms`. */
const utcDay = (ms) => Math.floor(ms / DAY_MS) * DAY_MS;
const at = (day, utcHour) => day + utcHour * 3_600_000;
/**
 * The first UTC day after `fromMs` (with at least `marginMs` to spare) whose `eveningUtcHour` and
 * the next day's `morningUtcHour` both satisfy `test`, as the two instants.
 */
function nextNight(fromMs, eveningUtcHour, morningUtcHour, test, timeZone, marginMs = 60_000) {
  for (let day = utcDay(fromMs), n = 0; n < SCAN_DAYS; day += DAY_MS, n++) {
    const evening = at(day, eveningUtcHour);
    const morning = at(day + DAY_MS, morningUtcHour);
    if (evening < fromMs + marginMs) continue;
    if (test(utcOffsetMinutes(evening, timeZone), utcOffsetMinutes(morning, timeZone))) return { evening, morning };
  }
  throw new Error(`no such night in ${timeZone} within ${SCAN_DAYS} days of ${new Date(fromMs).toISOString()}`);
}
/** Berlin's next winter evening at 20:00 CET (19:00Z) after `fromMs`, and 08:00 CET (07:00Z) the morning after. */
const nextBerlinWinterNight = (fromMs) =>
  nextNight(fromMs, 19, 7, (evening, morning) => evening === 60 && morning === 60, 'Europe/Berlin');
exports.nextBerlinWinterNight = nextBerlinWinterNight;
/**
 * Berlin's next spring-forward night after `fromMs`: 20:00 CET (19:00Z) on the evening before,
 * and 08:00 CEST (06:00Z) the morning after the clocks jump from 02:00 to 03:00.
 */
const nextBerlinSpringForward = (fromMs) =>
  nextNight(fromMs, 19, 6, (evening, morning) => evening === 60 && morning === 120, 'Europe/Berlin');
exports.nextBerlinSpringForward = nextBerlinSpringForward;
const isoOf = (ms) => new Date(ms).toISOString();
exports.isoOf = isoOf;
/** The first instant after `fromMs` (with `marginMs` to spare) when the zone's clock shows `hh:00`. */
function nextLocalHour(fromMs, timeZone, hour, marginMs = 60_000) {
  const QUARTER = 15 * 60_000;
  const clock = new Intl.DateTimeFormat('en-US', { timeZone, hour: 'numeric', minute: 'numeric', hourCycle: 'h23' });
  for (let ms = Math.ceil((fromMs + marginMs) / QUARTER) * QUARTER, n = 0; n < 4 * 48; ms += QUARTER, n++) {
    if (clock.format(ms) === `${String(hour).padStart(2, '0')}:00`) return ms;
  }
  throw new Error(`${timeZone} never shows ${hour}:00 within two days of ${new Date(fromMs).toISOString()}`);
}
//# sourceMappingURL=calendar.js.map
