// Turns whatever the SES client threw into the ApplicationFailure Temporal should act on:
// non-retryable when resending the same message cannot succeed, retryable (with a delay that
// fits the cause) otherwise.
import { ApplicationFailure } from '@temporalio/common';
import { PERMANENT_SEND_FAILURE, TRANSIENT_SEND_FAILURE } from './contract';
import type { SendFailureReason } from './failure-reasons';

// SES's sending rate is a per-second budget: a few seconds lets the window pass without piling
// every throttled reminder onto the next second.
export const THROTTLE_RETRY_DELAY_MS = 5_000;
// The daily quota is a rolling 24 h window: retrying within minutes only burns attempts.
export const DAILY_QUOTA_RETRY_DELAY_MS = 60 * 60_000;
// Bad or expired credentials are our configuration, not the message's fault: give an operator
// time to fix them instead of failing every reminder permanently.
export const CREDENTIALS_RETRY_DELAY_MS = 5 * 60_000;

const THROTTLING_CODES = new Set(['Throttling', 'ThrottlingException', 'TooManyRequestsException']);

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

const CREDENTIAL_CODES = new Set([
  'InvalidClientTokenId',
  'SignatureDoesNotMatch',
  'IncompleteSignature',
  'MissingAuthenticationToken',
  'ExpiredToken',
  'ExpiredTokenException',
  'RequestExpired',
  'UnrecognizedClientException',
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

/** SES quotes rejected addresses in its messages; failure messages land in workflow history. */
function redactAddresses(text: string): string {
  return text.replace(/[^\s@<>:,;"']+@[^\s@<>:,;"']+/g, '<address>');
}

export function classifySesError(err: unknown): ApplicationFailure {
  if (err instanceof ApplicationFailure) return err;
  const e = (typeof err === 'object' && err !== null ? err : { message: String(err) }) as SdkErrorShape;
  const code = e.Code ?? e.name ?? 'Error';
  const status = e.$metadata?.httpStatusCode;
  const message = redactAddresses(e.message ?? String(err));
  // `reason` labels the failure in the worker's metrics (failure-reasons.ts).
  const details = (reason: SendFailureReason) => [{ code, status, requestId: e.$metadata?.requestId, reason }];
  // No `cause`: the SDK error's own message would carry the unredacted address into history.

  if (/daily message quota exceeded/i.test(message)) {
    return ApplicationFailure.create({
      type: TRANSIENT_SEND_FAILURE,
      message: `SES daily quota exceeded: ${code}: ${message}`,
      nextRetryDelay: DAILY_QUOTA_RETRY_DELAY_MS,
      details: details('quota'),
    });
  }
  if (THROTTLING_CODES.has(code) || /maximum sending rate exceeded/i.test(message)) {
    return ApplicationFailure.create({
      type: TRANSIENT_SEND_FAILURE,
      message: `SES throttled the send: ${code}: ${message}`,
      nextRetryDelay: THROTTLE_RETRY_DELAY_MS,
      details: details('throttled'),
    });
  }
  if (CREDENTIAL_CODES.has(code)) {
    return ApplicationFailure.create({
      type: TRANSIENT_SEND_FAILURE,
      message: `SES refused our credentials: ${code}: ${message}`,
      nextRetryDelay: CREDENTIALS_RETRY_DELAY_MS,
      details: details('credentials'),
    });
  }
  if (PERMANENT_CODES.has(code) || (status !== undefined && status >= 400 && status < 500)) {
    return ApplicationFailure.create({
      type: PERMANENT_SEND_FAILURE,
      message: `SES rejected the message: ${code}: ${message}`,
      nonRetryable: true,
      details: details('rejected'),
    });
  }
  // 5xx, timeouts, refused or reset connections: the next attempt may well succeed.
  return ApplicationFailure.create({
    type: TRANSIENT_SEND_FAILURE,
    message: `SES send failed${status ? ` (HTTP ${status})` : ''}: ${code}: ${message}`,
    details: details('unavailable'),
  });
}
