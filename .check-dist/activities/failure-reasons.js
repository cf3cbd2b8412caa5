Object.defineProperty(exports, '__esModule', { value: true });
exports.SEND_FAILURE_REASONS = void 0;
exports.failureReasonOf = failureReasonOf;
// Why a send attempt failed, in a few words fit for a metric label. The activity's failures carry
// it as `details[0].reason`; the workflow keeps recording their type and message as before.
const common_1 = require('@temporalio/common');
exports.SEND_FAILURE_REASONS = [
  /** SES refused this message or sender for good (unverified address, rejected content). */
  'rejected',
  /** The message could not be built (a template or link error): retrying cannot help. */
  'invalid_message',
  /** SES's per-second sending rate. */
  'throttled',
  /** SES's daily quota. */
  'quota',
  /** SES refused our credentials. */
  'credentials',
  /** 5xx, timeouts, refused or reset connections. */
  'unavailable',
  /** Another attempt is sending the same message right now. */
  'busy',
  /** Anything else, e.g. the send ledger's database. */
  'error',
];
function failureReasonOf(err) {
  if (!(err instanceof common_1.ApplicationFailure)) return 'error';
  const reason = err.details?.[0]?.reason;
  return exports.SEND_FAILURE_REASONS.find((r) => r === reason) ?? 'error';
}
//# sourceMappingURL=failure-reasons.js.map
