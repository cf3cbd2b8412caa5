Object.defineProperty(exports, '__esModule', { value: true });
exports.DAILY_QUOTA_RETRY_DELAY_MS = exports.THROTTLE_RETRY_DELAY_MS = exports.CREDENTIALS_RETRY_DELAY_MS = void 0;
exports.redactAddresses = redactAddresses;
exports.classifySesError = classifySesError;
// Turns whatever the SES client threw into the ApplicationFailure Temporal should act on:
// non-retryable when resending the same message cannot succeed, retryable (with a delay that
// fits the cause) otherwise. The shared AWS rules are in aws-failures.ts.
const common_1 = require('@temporalio/common');
const aws_failures_1 = require('./aws-failures');
const contract_1 = require('./contract');
var aws_failures_2 = require('./aws-failures');
Object.defineProperty(exports, 'CREDENTIALS_RETRY_DELAY_MS', {
  enumerable: true,
  get: () => aws_failures_2.CREDENTIALS_RETRY_DELAY_MS,
});
Object.defineProperty(exports, 'THROTTLE_RETRY_DELAY_MS', {
  enumerable: true,
  get: () => aws_failures_2.THROTTLE_RETRY_DELAY_MS,
});
// The daily quota is a rolling 24 h window: retrying within minutes only burns attempts.
exports.DAILY_QUOTA_RETRY_DELAY_MS = 60 * 60_000;
/** Rejections of this message or this sender that a retry cannot fix. */
const PERMANENT_CODES = new Set([
  'MessageRejected',
  'MailFromDomainNotVerified',
  'MailFromDomainNotVerifiedException',
  'ConfigurationSetDoesNotExist',
  'ConfigurationSetDoesNotExistException',
  'ConfigurationSetSendingPausedException',
  'InvalidParameterValue',
  'AccountSendingPausedException',
]);
const THROTTLING_CODES = new Set(aws_failures_1.AWS_THROTTLING_CODES);
const CREDENTIAL_CODES = new Set([
  ...aws_failures_1.AWS_CREDENTIAL_CODES,
  'ExpiredTokenException',
  'UnrecognizedClientException',
]);
// An address-like run: the lookbehind starts a match only where a run starts, so a long run without
// an "@" is scanned once, not once from each of its characters (quadratic).
const ADDRESS = /(?<![^\s@<>:,;"'])[^\s@<>:,;"']+@[^\s@<>:,;"']+/g;
/** SES quotes rejected addresses in its messages; failure messages land in workflow history. */
function redactAddresses(text) {
  return text.replace(ADDRESS, '<address>');
}
function classifySesError(err) {
  return (0, aws_failures_1.classifyAwsError)(err, {
    messages: {
      throttled: 'SES throttled the send',
      credentials: 'SES refused our credentials',
      rejected: 'SES rejected the message',
      unavailable: 'SES send failed',
    },
    throttlingCodes: THROTTLING_CODES,
    throttlingMessage: /maximum sending rate exceeded/i,
    credentialCodes: CREDENTIAL_CODES,
    permanentCodes: PERMANENT_CODES,
    redact: redactAddresses,
    // SES reports the daily quota as throttling too; only the message tells it apart.
    classifyFirst: ({ code, message, details }) =>
      /daily message quota exceeded/i.test(message)
        ? common_1.ApplicationFailure.create({
            type: contract_1.TRANSIENT_SEND_FAILURE,
            message: `SES daily quota exceeded: ${code}: ${message}`,
            nextRetryDelay: exports.DAILY_QUOTA_RETRY_DELAY_MS,
            details: details('quota'),
          })
        : undefined,
  });
}
//# sourceMappingURL=ses-failures.js.map
