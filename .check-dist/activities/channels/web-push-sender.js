Object.defineProperty(exports, '__esModule', { value: true });
exports.PUSH_CREDENTIALS_RETRY_DELAY_MS =
  exports.PUSH_THROTTLE_RETRY_DELAY_MS =
  exports.DEFAULT_PUSH_REQUEST_TIMEOUT_MS =
  exports.DEFAULT_PUSH_TTL_SECONDS =
  exports.pushSubscriptionErrors =
    void 0;
exports.retryAfterMs = retryAfterMs;
exports.classifyPushResponse = classifyPushResponse;
exports.createWebPushSender = createWebPushSender;
// Web push (RFC 8030) with VAPID (RFC 8292) and aes128gcm message encryption (RFC 8291). The
// `web-push` package builds the request — encrypted body, VAPID Authorization, TTL, Urgency —
// and push-request.ts sends it to a public address only: web-push's own sendNotification speaks
// HTTPS only, hides Retry-After in an error object and has no overall timeout.
const node_crypto_1 = require('node:crypto');
const common_1 = require('@temporalio/common');
const web_push_1 = require('web-push');
const push_subscription_1 = require('../../common/push-subscription');
const contract_1 = require('../contract');
const push_request_1 = require('./push-request');
var push_subscription_2 = require('../../common/push-subscription');
Object.defineProperty(exports, 'pushSubscriptionErrors', {
  enumerable: true,
  get: () => push_subscription_2.pushSubscriptionErrors,
});
// A cart reminder a day late is stale: let the push service drop it instead of waking the phone.
exports.DEFAULT_PUSH_TTL_SECONDS = 24 * 60 * 60;
// Push services answer in well under a second; 10 s covers a slow network inside the activity's
// 30 s attempt.
exports.DEFAULT_PUSH_REQUEST_TIMEOUT_MS = 10_000;
// A push service that says neither "wait this long" nor anything else about a 429: a few seconds.
exports.PUSH_THROTTLE_RETRY_DELAY_MS = 5_000;
// 401/403 means our VAPID keys or the subscription's applicationServerKey disagree: configuration
// an operator can fix, so retry slowly instead of failing every reminder for good (as for SES).
exports.PUSH_CREDENTIALS_RETRY_DELAY_MS = 5 * 60_000;
/** RFC 8030 §8.4: a Topic is at most 32 characters of the URL-safe base64 alphabet. */
const TOPIC_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;
function failure(reason, message, opts) {
  return common_1.ApplicationFailure.create({
    type: opts.permanent ? contract_1.PERMANENT_SEND_FAILURE : contract_1.TRANSIENT_SEND_FAILURE,
    nonRetryable: opts.permanent,
    message,
    nextRetryDelay: opts.nextRetryDelay,
    details: [{ reason, status: opts.status }],
  });
}
/** Retry-After (RFC 9110 §10.2.3): delay-seconds or an HTTP date; ms from now, or undefined. */
function retryAfterMs(header, now = Date.now()) {
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
function classifyPushResponse(status, retryAfter) {
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
      nextRetryDelay: retryAfterMs(retryAfter) ?? exports.PUSH_CREDENTIALS_RETRY_DELAY_MS,
    });
  }
  if (status === 429) {
    return failure('throttled', `${answered}: too many requests`, {
      permanent: false,
      status,
      nextRetryDelay: retryAfterMs(retryAfter) ?? exports.PUSH_THROTTLE_RETRY_DELAY_MS,
    });
  }
  if (status >= 500) {
    return failure('unavailable', answered, { permanent: false, status, nextRetryDelay: retryAfterMs(retryAfter) });
  }
  // 400 and any other 4xx: this request is wrong, sending it again cannot help.
  return failure('rejected', `${answered}: the request was refused`, { permanent: true, status });
}
function createWebPushSender(options) {
  const ttl = options.ttlSeconds ?? exports.DEFAULT_PUSH_TTL_SECONDS;
  const timeoutMs = options.requestTimeoutMs ?? exports.DEFAULT_PUSH_REQUEST_TIMEOUT_MS;
  const allowLoopback = options.allowLoopback ?? false;
  const log = options.log ?? (() => {});
  return {
    async send(subscription, payload) {
      // Checked again here: a subscription may come from another client than the API.
      const refused = (0, push_subscription_1.pushEndpointPolicyError)(subscription.endpoint, allowLoopback);
      if (refused) {
        throw failure('rejected', `push subscription refused: its endpoint ${refused}`, { permanent: true });
      }
      let request;
      try {
        request = (0, web_push_1.generateRequestDetails)(
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
        throw failure('invalid_message', `cannot build the push message: ${err.message}`, {
          permanent: true,
        });
      }
      const headers = {};
      for (const [name, value] of Object.entries(request.headers)) headers[name.toLowerCase()] = String(value);
      let response;
      try {
        response = await (0, push_request_1.postToPushService)(
          request.endpoint,
          headers,
          request.body ?? Buffer.alloc(0),
          {
            timeoutMs,
            allowLoopback,
          },
        );
      } catch (err) {
        // The details (address, errno) go to the log only: the failure's text reaches the status.
        const service = new URL(subscription.endpoint).origin;
        log('push request failed', { service, error: String(err) });
        if (err instanceof push_request_1.PushAddressRefused) {
          throw failure('rejected', 'push service refused: it resolves to a non-public address', { permanent: true });
        }
        const what =
          err instanceof push_request_1.PushTimeout ? `did not answer within ${timeoutMs} ms` : 'unreachable';
        throw failure('unavailable', `push service ${what}`, { permanent: false });
      }
      if (response.status < 200 || response.status > 299) {
        throw classifyPushResponse(response.status, response.retryAfter);
      }
      return { messageId: response.location ?? `push-${(0, node_crypto_1.randomUUID)()}` };
    },
  };
}
//# sourceMappingURL=web-push-sender.js.map
