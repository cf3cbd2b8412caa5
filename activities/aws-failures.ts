// What SES and SNS errors have in common: the SDK error's shape, and the order in which a failed
// call is classified — throttling and bad credentials retry after a delay, a 4xx (or a code the
// provider lists as permanent) is non-retryable, anything else (5xx, timeouts, refused or reset
// connections) retries on Temporal's policy. Each provider keeps its own codes and messages
// (ses-failures.ts, channels/sns-failures.ts).
import { ApplicationFailure } from '@temporalio/common';
import { PERMANENT_SEND_FAILURE, TRANSIENT_SEND_FAILURE } from './contract';
import type { SendFailureReason } from './failure-reasons';

// Sending rates are per-second budgets: a few seconds lets the window pass without piling every
// throttled reminder onto the next second.
export const THROTTLE_RETRY_DELAY_MS = 5_000;
// Bad or expired credentials are our configuration, not the message's fault: give an operator
// time to fix them instead of failing every reminder permanently.
export const CREDENTIALS_RETRY_DELAY_MS = 5 * 60_000;

/** Throttling codes every AWS query API uses; providers add their own. */
export const AWS_THROTTLING_CODES: readonly string[] = [
  'Throttling',
  'ThrottlingException',
  'TooManyRequestsException',
];

/** Signing and credential errors every AWS query API uses; providers add their own. */
export const AWS_CREDENTIAL_CODES: readonly string[] = [
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

interface SdkErrorShape {
  name?: string;
  Code?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number; requestId?: string };
}

/** What the classification looks at, read once from whatever the SDK threw. */
export interface SdkError {
  code: string;
  status: number | undefined;
  /** Already redacted: failure messages land in workflow history. */
  message: string;
  /** `reason` labels the failure in the worker's metrics (failure-reasons.ts). */
  details(reason: SendFailureReason): unknown[];
}

export interface AwsFailureRules {
  /** How each failure message starts, e.g. `SES throttled the send`. */
  messages: { throttled: string; credentials: string; rejected: string; unavailable: string };
  throttlingCodes: ReadonlySet<string>;
  /** Some throttling arrives under a generic code, recognisable only by its message. */
  throttlingMessage?: RegExp;
  credentialCodes: ReadonlySet<string>;
  /** Rejections a retry cannot fix, beyond any 4xx. */
  permanentCodes: ReadonlySet<string>;
  /** Removes the recipient the provider quotes in its messages. */
  redact(text: string): string;
  /** A provider's own rule, checked before the shared ones; undefined falls through. */
  classifyFirst?(error: SdkError): ApplicationFailure | undefined;
}

export function classifyAwsError(err: unknown, rules: AwsFailureRules): ApplicationFailure {
  if (err instanceof ApplicationFailure) return err;
  const e = (typeof err === 'object' && err !== null ? err : { message: String(err) }) as SdkErrorShape;
  const code = e.Code ?? e.name ?? 'Error';
  const status = e.$metadata?.httpStatusCode;
  const message = rules.redact(e.message ?? String(err));
  // No `cause`: the SDK error's own message would carry the unredacted recipient into history.
  const details = (reason: SendFailureReason) => [{ code, status, requestId: e.$metadata?.requestId, reason }];
  const error: SdkError = { code, status, message, details };

  const first = rules.classifyFirst?.(error);
  if (first) return first;
  if (rules.throttlingCodes.has(code) || rules.throttlingMessage?.test(message)) {
    return ApplicationFailure.create({
      type: TRANSIENT_SEND_FAILURE,
      message: `${rules.messages.throttled}: ${code}: ${message}`,
      nextRetryDelay: THROTTLE_RETRY_DELAY_MS,
      details: details('throttled'),
    });
  }
  if (rules.credentialCodes.has(code)) {
    return ApplicationFailure.create({
      type: TRANSIENT_SEND_FAILURE,
      message: `${rules.messages.credentials}: ${code}: ${message}`,
      nextRetryDelay: CREDENTIALS_RETRY_DELAY_MS,
      details: details('credentials'),
    });
  }
  if (rules.permanentCodes.has(code) || (status !== undefined && status >= 400 && status < 500)) {
    return ApplicationFailure.create({
      type: PERMANENT_SEND_FAILURE,
      message: `${rules.messages.rejected}: ${code}: ${message}`,
      nonRetryable: true,
      details: details('rejected'),
    });
  }
  // 5xx, timeouts, refused or reset connections: the next attempt may well succeed.
  return ApplicationFailure.create({
    type: TRANSIENT_SEND_FAILURE,
    message: `${rules.messages.unavailable}${status ? ` (HTTP ${status})` : ''}: ${code}: ${message}`,
    details: details('unavailable'),
  });
}
