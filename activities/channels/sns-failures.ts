// Turns what the SNS client threw into the ApplicationFailure Temporal should act on, like
// ses-failures.ts: a number SNS will never text (invalid, opted out) is permanent, so the send
// activity moves on to the step's next channel; throttling, 5xx and network errors retry.
import { ApplicationFailure } from '@temporalio/common';
import { PERMANENT_SEND_FAILURE, TRANSIENT_SEND_FAILURE } from '../contract';
import type { SendFailureReason } from '../failure-reasons';
import { CREDENTIALS_RETRY_DELAY_MS, THROTTLE_RETRY_DELAY_MS } from '../ses-failures';

const THROTTLING_CODES = new Set(['Throttled', 'Throttling', 'ThrottlingException', 'TooManyRequestsException']);

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
  'InvalidClientTokenId',
  'SignatureDoesNotMatch',
  'IncompleteSignature',
  'MissingAuthenticationToken',
  'ExpiredToken',
  'RequestExpired',
  'AccessDenied',
  'AccessDeniedException',
  'CredentialsProviderError',
]);

interface SdkErrorShape {
  name?: string;
  Code?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number; requestId?: string };
}

/** SNS quotes the number in its messages; failure messages land in workflow history. */
function redactNumbers(text: string): string {
  return text.replace(/\+?\d[\d\s-]{6,}\d/g, '<number>');
}

export function classifySnsError(err: unknown): ApplicationFailure {
  if (err instanceof ApplicationFailure) return err;
  const e = (typeof err === 'object' && err !== null ? err : { message: String(err) }) as SdkErrorShape;
  const code = e.Code ?? e.name ?? 'Error';
  const status = e.$metadata?.httpStatusCode;
  const message = redactNumbers(e.message ?? String(err));
  const details = (reason: SendFailureReason) => [{ code, status, requestId: e.$metadata?.requestId, reason }];

  if (THROTTLING_CODES.has(code)) {
    return ApplicationFailure.create({
      type: TRANSIENT_SEND_FAILURE,
      message: `SNS throttled the text: ${code}: ${message}`,
      nextRetryDelay: THROTTLE_RETRY_DELAY_MS,
      details: details('throttled'),
    });
  }
  if (CREDENTIAL_CODES.has(code)) {
    return ApplicationFailure.create({
      type: TRANSIENT_SEND_FAILURE,
      message: `SNS refused our credentials: ${code}: ${message}`,
      nextRetryDelay: CREDENTIALS_RETRY_DELAY_MS,
      details: details('credentials'),
    });
  }
  if (PERMANENT_CODES.has(code) || (status !== undefined && status >= 400 && status < 500)) {
    return ApplicationFailure.create({
      type: PERMANENT_SEND_FAILURE,
      message: `SNS rejected the text: ${code}: ${message}`,
      nonRetryable: true,
      details: details('rejected'),
    });
  }
  return ApplicationFailure.create({
    type: TRANSIENT_SEND_FAILURE,
    message: `SNS publish failed${status ? ` (HTTP ${status})` : ''}: ${code}: ${message}`,
    details: details('unavailable'),
  });
}
