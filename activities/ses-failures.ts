// Turns whatever the SES client threw into the ApplicationFailure Temporal should act on:
// non-retryable when resending the same message cannot succeed, retryable (with a delay that
// fits the cause) otherwise. The shared AWS rules are in aws-failures.ts.
import { ApplicationFailure } from '@temporalio/common';
import { AWS_CREDENTIAL_CODES, AWS_THROTTLING_CODES, classifyAwsError } from './aws-failures';
import { TRANSIENT_SEND_FAILURE } from './contract';

export { CREDENTIALS_RETRY_DELAY_MS, THROTTLE_RETRY_DELAY_MS } from './aws-failures';

// The daily quota is a rolling 24 h window: retrying within minutes only burns attempts.
export const DAILY_QUOTA_RETRY_DELAY_MS = 60 * 60_000;

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

const THROTTLING_CODES = new Set(AWS_THROTTLING_CODES);

const CREDENTIAL_CODES = new Set([...AWS_CREDENTIAL_CODES, 'ExpiredTokenException', 'UnrecognizedClientException']);

// An address-like run: the lookbehind starts a match only where a run starts, so a long run without
// an "@" is scanned once, not once from each of its characters (quadratic).
const ADDRESS = /(?<![^\s@<>:,;"'])[^\s@<>:,;"']+@[^\s@<>:,;"']+/g;

/** SES quotes rejected addresses in its messages; failure messages land in workflow history. */
export function redactAddresses(text: string): string {
  return text.replace(ADDRESS, '<address>');
}

export function classifySesError(err: unknown): ApplicationFailure {
  return classifyAwsError(err, {
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
        ? ApplicationFailure.create({
            type: TRANSIENT_SEND_FAILURE,
            message: `SES daily quota exceeded: ${code}: ${message}`,
            nextRetryDelay: DAILY_QUOTA_RETRY_DELAY_MS,
            details: details('quota'),
          })
        : undefined,
  });
}
