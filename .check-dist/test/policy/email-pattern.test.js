var __importDefault = (this && this.__importDefault) || ((mod) => (mod && mod.__esModule ? mod : { default: mod }));
Object.defineProperty(exports, '__esModule', { value: true });
// The email pattern runs on input from anyone who can start a checkout (the API and the workflow's
// own check), the SES redaction on failure texts that quote addresses: both must take time linear
// in their input, or one long string ties up a process for seconds.
const strict_1 = __importDefault(require('node:assert/strict'));
const node_test_1 = require('node:test');
const fast_check_1 = __importDefault(require('fast-check'));
const ses_failures_1 = require('../../activities/ses-failures');
const validate_checkout_1 = require('../../common/validate-checkout');
/** The pattern as it was: right, but quadratic on a failing match. */
const QUADRATIC_EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
// A quadratic pattern needs seconds on these (5.6 s measured for the old one); a linear one a
// millisecond or two. The budget is far from both, so a loaded CI machine cannot make it flaky.
const LONG = 100_000;
const BUDGET_MS = 1_500;
function timed(run) {
  const started = performance.now();
  run();
  return performance.now() - started;
}
(0, node_test_1.describe)('EMAIL_PATTERN', () => {
  (0, node_test_1.test)('decides a 100 KB hostile string at once', () => {
    for (const hostile of [
      `a@${'.'.repeat(LONG)}@`,
      `a@${'a.'.repeat(LONG / 2)}@`,
      `a@b${'.'.repeat(LONG)} `,
      `${'a'.repeat(LONG)}@`,
    ]) {
      const ms = timed(() => validate_checkout_1.EMAIL_PATTERN.test(hostile));
      strict_1.default.ok(ms < BUDGET_MS, `${ms.toFixed(0)} ms for ${hostile.slice(0, 8)}…`);
    }
  });
  (0, node_test_1.test)('property: accepts exactly what the old pattern accepted', () => {
    const text = fast_check_1.default.string({
      unit: fast_check_1.default.constantFrom('a', 'b', '.', '@', ' ', '\t', '-'),
      maxLength: 14,
    });
    fast_check_1.default.assert(
      fast_check_1.default.property(text, (s) => {
        strict_1.default.equal(validate_checkout_1.EMAIL_PATTERN.test(s), QUADRATIC_EMAIL.test(s), JSON.stringify(s));
      }),
      { numRuns: 20_000, examples: [['a@b.c'], ['a@.b.c'], ['a@b.'], ['a@.b'], ['a@b..c'], ['.@..'], ['a@b.c@d']] },
    );
  });
});
(0, node_test_1.describe)('the SES address redaction', () => {
  (0, node_test_1.test)('redacts addresses SES quotes, wherever they stand', () => {
    strict_1.default.equal(
      (0, ses_failures_1.redactAddresses)(
        'Email address is not verified: <ada@example.com>, bo@example.org; "cy@x.io"',
      ),
      'Email address is not verified: <<address>>, <address>; "<address>"',
    );
  });
  (0, node_test_1.test)('reads a 100 KB failure text without an address at once', () => {
    for (const hostile of ['a'.repeat(LONG), `${'a'.repeat(LONG)}@`, '@'.repeat(LONG)]) {
      const ms = timed(() => (0, ses_failures_1.redactAddresses)(hostile));
      strict_1.default.ok(ms < BUDGET_MS, `${ms.toFixed(0)} ms for ${hostile.slice(0, 8)}…`);
    }
  });
});
//# sourceMappingURL=email-pattern.test.js.map
