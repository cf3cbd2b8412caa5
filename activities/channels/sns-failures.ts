// Turns what the SNS client threw into the ApplicationFailure Temporal should act on, like
// ses-failures.ts: a number SNS will never text (invalid, opted out) is permanent, so the send
// activity moves on to the step's next channel; throttling, 5xx and network errors retry.
// The shared AWS rules are in ../aws-failures.ts.
import type { ApplicationFailure } from '@temporalio/common';
import { AWS_CREDENTIAL_CODES, AWS_THROTTLING_CODES, classifyAwsError } from '../aws-failures';

const THROTTLING_CODES = new Set(['Throttled', ...AWS_THROTTLING_CODES]);

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

const CREDENTIAL_CODES = new Set(['AuthorizationError', 'AuthorizationErrorException', ...AWS_CREDENTIAL_CODES]);

/** SNS quotes the number in its messages; failure messages land in workflow history. */
function redactNumbers(text: string): string {
  return text.replace(/\+?\d[\d\s-]{6,}\d/g, '<number>');
}

export function classifySnsError(err: unknown): ApplicationFailure {
  return classifyAwsError(err, {
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
