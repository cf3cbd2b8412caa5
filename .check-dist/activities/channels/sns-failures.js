Object.defineProperty(exports, '__esModule', { value: true });
exports.classifySnsError = classifySnsError;
const aws_failures_1 = require('../aws-failures');
const THROTTLING_CODES = new Set(['Throttled', ...aws_failures_1.AWS_THROTTLING_CODES]);
/** This number or this message cannot be texted: retrying the same publish cannot help. */
const PERMANENT_CODES = new Set([
  'InvalidParameter',
  'InvalidParameterException',
  'InvalidParameterValue',
  'InvalidParameterValueException',
  'ValidationException',
  'EndpointDisabled',
  'EndpointDisabledException',
  'OptedOut',
  'OptedOutException',
  'NotFound',
  'NotFoundException',
]);
const CREDENTIAL_CODES = new Set([
  'AuthorizationError',
  'AuthorizationErrorException',
  ...aws_failures_1.AWS_CREDENTIAL_CODES,
]);
/** SNS quotes the number in its messages; failure messages land in workflow history. */
function redactNumbers(text) {
  return text.replace(/\+?\d[\d\s-]{6,}\d/g, '<number>');
}
function classifySnsError(err) {
  return (0, aws_failures_1.classifyAwsError)(err, {
    messages: {
      throttled: 'SNS throttled the text',
      credentials: 'SNS refused our credentials',
      rejected: 'SNS rejected the text',
      unavailable: 'SNS publish failed',
    },
    throttlingCodes: THROTTLING_CODES,
    credentialCodes: CREDENTIAL_CODES,
    permanentCodes: PERMANENT_CODES,
    redact: redactNumbers,
  });
}
//# sourceMappingURL=sns-failures.js.map
