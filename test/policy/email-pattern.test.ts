// The email pattern runs on input from anyone who can start a checkout (the API and the workflow's
// own check), the SES redaction on failure texts that quote addresses: both must take time linear
// in their input, or one long string ties up a process for seconds.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { redactAddresses } from '../../activities/ses-failures';
import { EMAIL_PATTERN } from '../../common/validate-checkout';

/** The pattern as it was: right, but quadratic on a failing match. */
const QUADRATIC_EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

// A quadratic pattern needs seconds on these (5.6 s measured for the old one); a linear one a
// millisecond or two. The budget is far from both, so a loaded CI machine cannot make it flaky.
const LONG = 100_000;
const BUDGET_MS = 1_500;

function timed(run: () => unknown): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}

describe('EMAIL_PATTERN', () => {
  test('decides a 100 KB hostile string at once', () => {
    for (const hostile of [
      `a@${'.'.repeat(LONG)}@`,
      `a@${'a.'.repeat(LONG / 2)}@`,
      `a@b${'.'.repeat(LONG)} `,
      `${'a'.repeat(LONG)}@`,
    ]) {
      const ms = timed(() => EMAIL_PATTERN.test(hostile));
      assert.ok(ms < BUDGET_MS, `${ms.toFixed(0)} ms for ${hostile.slice(0, 8)}…`);
    }
  });

  test('property: accepts exactly what the old pattern accepted', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', '.', '@', ' ', '\t', '-'), maxLength: 14 });
    fc.assert(
      fc.property(text, (s) => {
        assert.equal(EMAIL_PATTERN.test(s), QUADRATIC_EMAIL.test(s), JSON.stringify(s));
      }),
      { numRuns: 20_000, examples: [['a@b.c'], ['a@.b.c'], ['a@b.'], ['a@.b'], ['a@b..c'], ['.@..'], ['a@b.c@d']] },
    );
  });
});

describe('the SES address redaction', () => {
  test('redacts addresses SES quotes, wherever they stand', () => {
    assert.equal(
      redactAddresses('Email address is not verified: <ada@example.com>, bo@example.org; "cy@x.io"'),
      'Email address is not verified: <<address>>, <address>; "<address>"',
    );
  });

  test('reads a 100 KB failure text without an address at once', () => {
    for (const hostile of ['a'.repeat(LONG), `${'a'.repeat(LONG)}@`, '@'.repeat(LONG)]) {
      const ms = timed(() => redactAddresses(hostile));
      assert.ok(ms < BUDGET_MS, `${ms.toFixed(0)} ms for ${hostile.slice(0, 8)}…`);
    }
  });
});
