import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import {
  cachedTimeZoneFormatters,
  isQuiet,
  isTimeZone,
  nextAllowedMoment,
  type QuietHours,
} from '../../common/quiet-hours';

const NIGHT: QuietHours = { start: '21:00', end: '08:00' };
const at = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();

describe('quiet hours in the customer’s time zone', () => {
  test('a reminder due in the evening moves to 08:00 the next morning, local time', () => {
    // 22:30 in Berlin (CET, UTC+1) → 08:00 CET = 07:00Z next day.
    assert.equal(
      iso(nextAllowedMoment(at('2026-11-23T21:30:00Z'), NIGHT, 'Europe/Berlin')),
      '2026-11-24T07:00:00.000Z',
    );
  });

  test('a reminder due after midnight moves to 08:00 the same morning', () => {
    // 03:15 in New York (EST, UTC-5) → 08:00 EST = 13:00Z.
    assert.equal(
      iso(nextAllowedMoment(at('2026-11-24T08:15:00Z'), NIGHT, 'America/New_York')),
      '2026-11-24T13:00:00.000Z',
    );
  });

  test('a reminder due outside quiet hours keeps its time to the millisecond', () => {
    const due = at('2026-11-23T12:34:56.789Z'); // 13:34 in Berlin
    assert.equal(nextAllowedMoment(due, NIGHT, 'Europe/Berlin'), due);
    assert.equal(nextAllowedMoment(due, null, 'Europe/Berlin'), due);
  });

  test('the end of quiet hours is allowed, the start is not', () => {
    assert.equal(isQuiet(at('2026-11-24T07:00:00Z'), NIGHT, 'Europe/Berlin'), false); // 08:00 local
    assert.equal(isQuiet(at('2026-11-23T20:00:00Z'), NIGHT, 'Europe/Berlin'), true); // 21:00 local
  });

  test('a window that does not wrap midnight (lunch 12:00–14:00) ends the same day', () => {
    const lunch = { start: '12:00', end: '14:00' };
    assert.equal(
      iso(nextAllowedMoment(at('2026-11-23T11:30:00Z'), lunch, 'Europe/Berlin')),
      '2026-11-23T13:00:00.000Z',
    );
  });

  test('across the spring-forward night the morning is counted in summer time', () => {
    // Berlin, 2027-03-28: 02:00 CET → 03:00 CEST. 22:00 CET on the 27th → 08:00 CEST = 06:00Z.
    assert.equal(
      iso(nextAllowedMoment(at('2027-03-27T21:00:00Z'), NIGHT, 'Europe/Berlin')),
      '2027-03-28T06:00:00.000Z',
    );
  });

  test('across the fall-back night the morning is counted in winter time', () => {
    // New York, 2026-11-01: 02:00 EDT → 01:00 EST. 23:00 EDT on Oct 31 → 08:00 EST = 13:00Z.
    assert.equal(
      iso(nextAllowedMoment(at('2026-11-01T03:00:00Z'), NIGHT, 'America/New_York')),
      '2026-11-01T13:00:00.000Z',
    );
  });

  test('an end time skipped by the DST change resolves to just after the gap', () => {
    const gapEnd = { start: '01:00', end: '02:30' }; // 02:30 does not exist in Berlin on 2027-03-28
    const moved = nextAllowedMoment(at('2027-03-28T00:15:00Z'), gapEnd, 'Europe/Berlin'); // 01:15 CET
    assert.equal(iso(moved), '2027-03-28T01:30:00.000Z'); // 03:30 CEST
    assert.equal(isQuiet(moved, gapEnd, 'Europe/Berlin'), false);
  });

  test('a spring-forward night that swallows the whole allowed slot moves the send to the next day’s slot', () => {
    // New York, 2026-03-08: 02:00 EST → 03:00 EDT, so a window open only 02:00–03:00 is not open that day.
    const quiet = { start: '03:00', end: '02:00' };
    const moved = nextAllowedMoment(at('2026-03-07T08:00:00Z'), quiet, 'America/New_York'); // 03:00 EST on the 7th
    assert.equal(iso(moved), '2026-03-09T06:00:00.000Z'); // 02:00 EDT on the 9th
    assert.equal(isQuiet(moved, quiet, 'America/New_York'), false);
  });

  test('inside the repeated hour of a fall-back night, the quiet hours end at their second occurrence', () => {
    // New York, 2030-11-03: 02:00 EDT → 01:00 EST. At 01:00 EST (06:00Z), quiet until 01:01 is 01:01 EST.
    const quiet = { start: '00:00', end: '01:01' };
    assert.equal(
      iso(nextAllowedMoment(at('2030-11-03T06:00:00Z'), quiet, 'America/New_York')),
      '2030-11-03T06:01:00.000Z',
    );
  });

  test('for any instant, zone and window: never earlier, never quiet, at most a day and an hour later', () => {
    const zones = [
      'Europe/Berlin',
      'America/New_York',
      'Australia/Sydney',
      'Asia/Kolkata',
      'UTC',
      'America/St_Johns',
      'Australia/Lord_Howe',
    ];
    const hhmm = fc
      .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
      .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
    const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
    fc.assert(
      fc.property(
        fc.integer({ min: at('2026-01-01T00:00:00Z'), max: at('2035-12-31T00:00:00Z') }),
        fc.constantFrom(...zones),
        hhmm,
        hhmm,
        (instant, zone, start, end) => {
          const quiet = { start, end };
          const allowed = nextAllowedMoment(instant, quiet, zone);
          assert.ok(allowed >= instant);
          // A day and an hour (a DST night) at most, unless that night swallowed a slot of an hour or less.
          const slot = (toMinutes(start) - toMinutes(end) + 24 * 60) % (24 * 60);
          const bound = (slot > 60 ? 25 : 49) * 3_600_000;
          assert.ok(allowed - instant <= bound, `${iso(instant)} ${zone} ${start}-${end} → ${iso(allowed)}`);
          if (start !== end) assert.equal(isQuiet(allowed, quiet, zone), false, `${iso(allowed)} is quiet`);
        },
      ),
      { numRuns: 2_000 },
    );
  });

  test('time zones: known ones are accepted every time they are asked, unknown ones never', () => {
    for (let i = 0; i < 2; i++) {
      assert.equal(isTimeZone('Europe/Berlin'), true);
      assert.equal(isTimeZone('America/Los_Angeles'), true);
      assert.equal(isTimeZone('Mars/Olympus_Mons'), false);
      assert.equal(isTimeZone(''), false);
      assert.equal(isTimeZone(42), false);
    }
    // A zone first seen by the check is then used by quiet hours: 17:50Z is 23:35 in Kathmandu (UTC+5:45).
    assert.equal(isTimeZone('Asia/Kathmandu'), true);
    assert.equal(isQuiet(at('2026-01-14T17:50:00Z'), NIGHT, 'Asia/Kathmandu'), true);
  });

  test('spellings of a zone cannot grow the kept formatters: 5,000 casings of one name keep at most 100 more', () => {
    const name = 'America/Argentina/ComodRivadavia';
    const before = cachedTimeZoneFormatters();
    for (let i = 0; i < 5_000; i++) {
      const spelled = [...name].map((c, j) => ((i >> (j % 13)) & 1 ? c.toUpperCase() : c.toLowerCase())).join('');
      assert.equal(isTimeZone(spelled), true);
    }
    assert.ok(cachedTimeZoneFormatters() - before <= 100, `kept ${cachedTimeZoneFormatters() - before} more`);
    assert.equal(isQuiet(at('2026-01-15T03:30:00Z'), NIGHT, 'us/eastern'), true, 'other spellings still work');
  });
});
