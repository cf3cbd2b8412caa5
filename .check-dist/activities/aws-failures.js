Object.defineProperty(exports, '__esModule', { value: true });
exports.AWS_CREDENTIAL_CODES =
  exports.AWS_THROTTLING_CODES =
  exports.CREDENTIALS_RETRY_DELAY_MS =
  exports.THROTTLE_RETRY_DELAY_MS =
    void 0;
exports.classifyAwsError = classifyAwsError;
// What SES and SNS errors have in common: the SDK error's shape, and the order in which a failed
// call is classified — throttling and bad credentials retry after a delay, a 4xx (or a code the
// provider lists as permanent) is non-retryable, anything else (5xx, timeouts, refused or reset
// connections) retries on Temporal's policy. Each provider keeps its own codes and messages
// (ses-failures.ts, channels/sns-failures.ts).
const common_1 = require('@temporalio/common');
const contract_1 = require('./contract');
// Sending rates are per-second budgets: a few seconds lets the window pass without piling every
// throttled reminder onto the next second.
exports.THROTTLE_RETRY_DELAY_MS = 5_000;
// Bad or expired credentials are our configuration, not the message's fault: give an operator
// time to fix them instead of failing every reminder permanently.
exports.CREDENTIALS_RETRY_DELAY_MS = 5 * 60_000;
/** Throttling codes every AWS query API uses; providers add their own. */
exports.AWS_THROTTLING_CODES = ['Throttling', 'ThrottlingException', 'TooManyRequestsException'];
/** Signing and credential errors every AWS query API uses; providers add their own. */
exports.AWS_CREDENTIAL_CODES = [
  'InvalidClientTokenId',
  'SignatureDoesNotMatch',
  'IncompleteSignature',
  'MissingAuthenticationToken',
  'ExpiredToken',
  'RequestExpired',
  'AccessDenied',
  'AccessDeniedException',
  'CredentialsProviderError',
];
function classifyAwsError(err, rules) {
  if (err instanceof common_1.ApplicationFailure) return err;
  const e = typeof err === 'object' && err !== null ? err : { message: String(err) };
  const code = e.Code ?? e.name ?? 'Error';
  const status = e.$metadata?.httpStatusCode;
  const message = rules.redact(e.message ?? String(err));
  // No `cause`: the SDK error's own message would carry the unredacted recipient into history.
  const details = (reason) => [{ code, status, requestId: e.$metadata?.requestId, reason }];
  const error = { code, status, message, details };
  const first = rules.classifyFirst?.(error);
  if (first) return first;
  if (rules.throttlingCodes.has(code) || rules.throttlingMessage?.test(message)) {
    return common_1.ApplicationFailure.create({
      type: contract_1.TRANSIENT_SEND_FAILURE,
      message: `${rules.messages.throttled}: ${code}: ${message}`,
      nextRetryDelay: exports.THROTTLE_RETRY_DELAY_MS,
      details: details('throttled'),
    });
  }
  if (rules.credentialCodes.has(code)) {
    return common_1.ApplicationFailure.create({
      type: contract_1.TRANSIENT_SEND_FAILURE,
      message: `${rules.messages.credentials}: ${code}: ${message}`,
      nextRetryDelay: exports.CREDENTIALS_RETRY_DELAY_MS,
      details: details('credentials'),
    });
  }
  if (rules.permanentCodes.has(code) || (status !== undefined && status >= 400 && status < 500)) {
    return common_1.ApplicationFailure.create({
      type: contract_1.PERMANENT_SEND_FAILURE,
      message: `${rules.messages.rejected}: ${code}: ${message}`,
      nonRetryable: true,
      details: details('rejected'),
    });
  }
  // 5xx, timeouts, refused or reset connections: the next attempt may well succeed.
  return common_1.ApplicationFailure.create({
    type: contract_1.TRANSIENT_SEND_FAILURE,
    message: `${rules.messages.unavailable}${status ? ` (HTTP ${status})` : ''}: ${code}: ${message}`,
    details: details('unavailable'),
  });
}
//# sourceMappingURL=aws-failures.js.map
