// Why a send attempt failed, in a few words fit for a metric label. The activity's failures carry
// it as `details[0].reason`; the workflow keeps recording their type and message as before.
import { ApplicationFailure } from '@temporalio/common';

export const SEND_FAILURE_REASONS = [
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
] as const;
export type SendFailureReason = (typeof SEND_FAILURE_REASONS)[number];

export function failureReasonOf(err: unknown): SendFailureReason {
  if (!(err instanceof ApplicationFailure)) return 'error';
  const reason = (err.details?.[0] as { reason?: unknown } | undefined)?.reason;
  return SEND_FAILURE_REASONS.find((r) => r === reason) ?? 'error';
}
