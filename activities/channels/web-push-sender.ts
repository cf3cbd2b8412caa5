// Web push (RFC 8030) with VAPID (RFC 8292) and aes128gcm message encryption (RFC 8291). The
// `web-push` package builds the request — encrypted body, VAPID Authorization, TTL, Urgency —
// and push-request.ts sends it to a public address only: web-push's own sendNotification speaks
// HTTPS only, hides Retry-After in an error object and has no overall timeout.
import { randomUUID } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/common';
import { generateRequestDetails, type RequestDetails, type Urgency } from 'web-push';
import { type PushSubscriptionJSON, pushEndpointPolicyError } from '../../common/push-subscription';
import { PERMANENT_SEND_FAILURE, TRANSIENT_SEND_FAILURE } from '../contract';
import type { SendFailureReason } from '../failure-reasons';
import { PushAddressRefused, PushTimeout, postToPushService } from './push-request';

export { type PushSubscriptionJSON, pushSubscriptionErrors } from '../../common/push-subscription';

export interface VapidDetails {
  /** `mailto:` or `https:` contact the push service can reach the sender at. */
  subject: string;
  /** base64url uncompressed P-256 public key (the `applicationServerKey` browsers subscribe with). */
  publicKey: string;
  /** base64url 32-byte P-256 private key. */
  privateKey: string;
}

export interface WebPushSenderOptions {
  vapid: VapidDetails;
  /** How long the push service keeps an undelivered message (the TTL header). */
  ttlSeconds?: number;
  urgency?: Urgency;
  /** The whole request, connect to last byte. */
  requestTimeoutMs?: number;
  /** PUSH_ALLOW_LOOPBACK (development, tests): the local push service on loopback may be reached. */
  allowLoopback?: boolean;
  /** Where details of a failure go (the activity's log); callers and history get generic texts. */
  log?: (message: string, attrs: Record<string, unknown>) => void;
}

export interface PushPayload {
  title: string;
  body: string;
  /** Where a click on the notification goes. */
  url: string;
  /** Notifications with the same tag replace each other on the device (and, as Topic, in the push service). */
  tag?: string;
}

export interface WebPushSender {
  send(subscription: PushSubscriptionJSON, payload: PushPayload): Promise<{ messageId: string }>;
}

/** Why a push failed: the send failure reasons, plus the one only push has. */
export type PushFailureReason = SendFailureReason | 'subscription_gone';

// A cart reminder a day late is stale: let the push service drop it instead of waking the phone.
export const DEFAULT_PUSH_TTL_SECONDS = 24 * 60 * 60;
// Push services answer in well under a second; 10 s covers a slow network inside the activity's
// 30 s attempt.
export const DEFAULT_PUSH_REQUEST_TIMEOUT_MS = 10_000;
// A push service that says neither "wait this long" nor anything else about a 429: a few seconds.
export const PUSH_THROTTLE_RETRY_DELAY_MS = 5_000;
// 401/403 means our VAPID keys or the subscription's applicationServerKey disagree: configuration
// an operator can fix, so retry slowly instead of failing every reminder for good (as for SES).
export const PUSH_CREDENTIALS_RETRY_DELAY_MS = 5 * 60_000;
/** RFC 8030 §8.4: a Topic is at most 32 characters of the URL-safe base64 alphabet. */
const TOPIC_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;

function failure(
  reason: PushFailureReason,
  message: string,
  opts: { permanent: boolean; status?: number; nextRetryDelay?: number },
): ApplicationFailure {
  return ApplicationFailure.create({
    type: opts.permanent ? PERMANENT_SEND_FAILURE : TRANSIENT_SEND_FAILURE,
    nonRetryable: opts.permanent,
    message,
    nextRetryDelay: opts.nextRetryDelay,
    details: [{ reason, status: opts.status }],
  });
}

/** Retry-After (RFC 9110 §10.2.3): delay-seconds or an HTTP date; ms from now, or undefined. */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/**
 * The failure a push service's non-2xx answer means (RFC 8030 §5, §8; RFC 8292 §4.2). The text
 * names no host: it reaches the checkout's status, and the endpoint is the browser's choice.
 */
export function classifyPushResponse(status: number, retryAfter: string | null): ApplicationFailure {
  const answered = `push service answered ${status}`;
  if (status === 404 || status === 410) {
    return failure('subscription_gone', `${answered}: the subscription no longer exists`, {
      permanent: true,
      status,
    });
  }
  if (status === 413) {
    return failure('rejected', `${answered}: the payload is too large`, { permanent: true, status });
  }
  if (status === 401 || status === 403) {
    return failure('credentials', `${answered}: the VAPID authorization was refused`, {
      permanent: false,
      status,
      nextRetryDelay: retryAfterMs(retryAfter) ?? PUSH_CREDENTIALS_RETRY_DELAY_MS,
    });
  }
  if (status === 429) {
    return failure('throttled', `${answered}: too many requests`, {
      permanent: false,
      status,
      nextRetryDelay: retryAfterMs(retryAfter) ?? PUSH_THROTTLE_RETRY_DELAY_MS,
    });
  }
  if (status >= 500) {
    return failure('unavailable', answered, { permanent: false, status, nextRetryDelay: retryAfterMs(retryAfter) });
  }
  // 400 and any other 4xx: this request is wrong, sending it again cannot help.
  return failure('rejected', `${answered}: the request was refused`, { permanent: true, status });
}

export function createWebPushSender(options: WebPushSenderOptions): WebPushSender {
  const ttl = options.ttlSeconds ?? DEFAULT_PUSH_TTL_SECONDS;
  const timeoutMs = options.requestTimeoutMs ?? DEFAULT_PUSH_REQUEST_TIMEOUT_MS;
  const allowLoopback = options.allowLoopback ?? false;
  const log = options.log ?? (() => {});
  return {
    async send(subscription, payload) {
      // Checked again here: a subscription may come from another client than the API.
      const refused = pushEndpointPolicyError(subscription.endpoint, allowLoopback);
      if (refused) {
        throw failure('rejected', `push subscription refused: its endpoint ${refused}`, { permanent: true });
      }
      let request: RequestDetails;
      try {
        request = generateRequestDetails(
          { endpoint: subscription.endpoint, keys: subscription.keys },
          JSON.stringify(payload),
          {
            vapidDetails: options.vapid,
            TTL: ttl,
            contentEncoding: 'aes128gcm',
            urgency: options.urgency ?? 'normal',
            topic: payload.tag && TOPIC_PATTERN.test(payload.tag) ? payload.tag : undefined,
          },
        );
      } catch (err) {
        // A malformed subscription or VAPID key: this message can never be built.
        throw failure('invalid_message', `cannot build the push message: ${(err as Error).message}`, {
          permanent: true,
        });
      }
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(request.headers)) headers[name.toLowerCase()] = String(value);
      let response: Awaited<ReturnType<typeof postToPushService>>;
      try {
        response = await postToPushService(request.endpoint, headers, request.body ?? Buffer.alloc(0), {
          timeoutMs,
          allowLoopback,
        });
      } catch (err) {
        // The details (address, errno) go to the log only: the failure's text reaches the status.
        const service = new URL(subscription.endpoint).origin;
        log('push request failed', { service, error: String(err) });
        if (err instanceof PushAddressRefused) {
          throw failure('rejected', 'push service refused: it resolves to a non-public address', { permanent: true });
        }
        const what = err instanceof PushTimeout ? `did not answer within ${timeoutMs} ms` : 'unreachable';
        throw failure('unavailable', `push service ${what}`, { permanent: false });
      }
      if (response.status < 200 || response.status > 299) {
        throw classifyPushResponse(response.status, response.retryAfter);
      }
      return { messageId: response.location ?? `push-${randomUUID()}` };
    },
  };
}
