var __importDefault = (this && this.__importDefault) || ((mod) => (mod && mod.__esModule ? mod : { default: mod }));
Object.defineProperty(exports, '__esModule', { value: true });
exports.failureOf = failureOf;
const strict_1 = __importDefault(require('node:assert/strict'));
const common_1 = require('@temporalio/common');
/** The ApplicationFailure a call must end in (it fails the test when the call succeeds). */
async function failureOf(promise) {
  const err = await promise.then(
    () => strict_1.default.fail('the send should have failed'),
    (e) => e,
  );
  strict_1.default.ok(err instanceof common_1.ApplicationFailure, `an ApplicationFailure, got ${String(err)}`);
  return err;
}
//# sourceMappingURL=failures.js.map
