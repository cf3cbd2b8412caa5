Object.defineProperty(exports, '__esModule', { value: true });
exports.SUPPRESSING_STATES = exports.CONSENT_REFUSAL = exports.BUSY_RETRY_DELAY_MS = void 0;
exports.deliveryThrough = deliveryThrough;
// One message, one attempt, in named steps: claim → the routes that may carry it (skips, then
// composed) → whether it must not go out now (re-check, opt-out, no channel, frequency cap) → the
// provider call, route by route → mark sent. A failure before a provider accepted the message
// releases the claim so Temporal's retry may send; every attempt is counted (metrics.ts).
const activity_1 = require('@temporalio/activity');
const contract_1 = require('../contract');
const failure_reasons_1 = require('../failure-reasons');
const metrics_1 = require('../metrics');
// Another attempt holds a fresh claim (usually one Temporal already timed out that is still
// finishing its SES call): by 10 s it has marked the message sent or released it.
exports.BUSY_RETRY_DELAY_MS = 10_000;
/** A skip reason that starts so is the customer's refusal of that channel. */
exports.CONSENT_REFUSAL = 'customer does not accept';
exports.SUPPRESSING_STATES = ['ordered', 'cancelled', 'superseded'];
const isPermanent = (err) => err instanceof activity_1.ApplicationFailure && err.nonRetryable === true;
const describeSkips = (skipped) => skipped.map((s) => `${s.channel}: ${s.reason}`).join('; ');
/** `deliver(d)`: one attempt at one message, counted: sent, suppressed (with why) or failed (with why). */
function deliveryThrough(ledger) {
  return async function deliver(d) {
    const a = {
      d,
      metrics: (0, metrics_1.sendMetrics)(activity_1.Context.current().metricMeter),
      current: { labels: d.labels },
    };
    let result;
    try {
      result = await attempt(a);
      return result;
    } catch (err) {
      a.metrics.failed(a.current.labels, (0, failure_reasons_1.failureReasonOf)(err));
      throw err;
    } finally {
      const delivered = result?.outcome === 'sent' ? result.channel : undefined;
      for (const route of d.routes) {
        if (route.release && route.channel !== delivered) await route.release().catch(() => undefined); // expires anyway
      }
    }
  };
  async function attempt(a) {
    const { d } = a;
    const claim = await ledger.claim(d.key, d.meta);
    if (claim.state === 'sent') return alreadySent(a, claim.messageId, claim.channel);
    if (claim.state === 'busy') throw busy(d.key);
    d.onClaimed?.(claim);
    const skipped = [];
    let sent;
    try {
      // Composed first, so nothing but the provider call follows the re-check: an order acknowledged
      // after the re-check can only race that call (benchmark "races" measures the window).
      const usable = await usableRoutes(d, skipped);
      const notNow =
        (await suppression(a, usable, skipped, d.stoppable ? claim.stop : undefined)) ?? (await frequencyCapHold(a));
      if (notNow) {
        await ledger.release(d.key, claim.attempt);
        return notNow;
      }
      sent = await sendThroughRoutes(a, usable, skipped);
    } catch (err) {
      if (d.cap) await ledger.dropContact(d.cap.customerId, d.cap.checkoutId).catch(() => undefined); // expires anyway
      await ledger.release(d.key, claim.attempt).catch((releaseErr) => {
        // The claim goes stale on its own; the send's own failure is what matters here.
        activity_1.Context.current().log.warn('could not release the send claim', {
          ...d.logAttrs,
          error: String(releaseErr),
        });
      });
      throw err;
    }
    await markSent(a, sent);
    return { outcome: 'sent', ...sent, ...(skipped.length > 0 && { skipped }) };
  }
  /** Why the message must not go out on this attempt (re-check, opt-out, no channel), as the answer. */
  async function suppression({ d, metrics }, usable, skipped, stop) {
    const { log } = activity_1.Context.current();
    const skips = skipped.length > 0 ? { skipped: [...skipped] } : {};
    const state = stop ?? (await d.recheck?.());
    if (state) {
      const reason = `checkout ${state} before the send`;
      log.info('send suppressed', { ...d.logAttrs, reason });
      metrics.suppressed(d.labels, state);
      d.onStopped?.(state);
      return { outcome: 'suppressed', reason, ...skips };
    }
    if (await d.optedOut?.()) {
      const reason = 'customer unsubscribed from recovery messages';
      log.info('send suppressed', { ...d.logAttrs, reason });
      metrics.suppressed(d.labels, 'unsubscribed');
      return { outcome: 'suppressed', reason, optedOut: true };
    }
    if (usable.length === 0) {
      // One channel: its own reason; several: each one's.
      const reason =
        skipped.length === 1
          ? (skipped[0]?.reason ?? '')
          : `no channel can reach the customer: ${describeSkips(skipped)}`;
      log.info('send suppressed', { ...d.logAttrs, reason });
      const refusedAll = skipped.every((skip) => skip.reason.startsWith(exports.CONSENT_REFUSAL));
      metrics.suppressed(d.labels, refusedAll ? 'channel_refused' : 'no_channel');
      return { outcome: 'suppressed', reason, ...skips };
    }
    return undefined;
  }
  /** The frequency cap's answer when another of the customer's checkouts holds the contact. */
  async function frequencyCapHold({ d, metrics }) {
    if (!d.cap) return undefined;
    const hold = await ledger.holdContact(d.cap.customerId, d.cap.checkoutId, d.cap.capMs, d.cap.nowMs);
    if (hold.held) return undefined;
    const reason =
      hold.because === 'sent'
        ? "frequency cap: another of the customer's checkouts was messaged recently"
        : "frequency cap: a message for another of the customer's checkouts is going out now";
    activity_1.Context.current().log.info('send delayed', { ...d.logAttrs, reason, until: hold.until.toISOString() });
    metrics.suppressed(d.labels, 'frequency_cap');
    return { outcome: 'delayed', reason, until: hold.until.toISOString() };
  }
  /** Counted before the ledger write: the provider has the message whatever the ledger says. */
  async function markSent({ d, metrics, current }, sent) {
    const { log } = activity_1.Context.current();
    metrics.sent(current.labels);
    try {
      if (d.cap) await ledger.confirmContact(d.cap.customerId, d.cap.checkoutId, d.cap.nowMs);
      await ledger.markSent(d.key, sent.messageId, sent.channel);
    } catch (err) {
      // The provider has the message: failing now would make Temporal retry and send it twice.
      log.warn('message sent but not recorded in the ledger', { ...d.logAttrs, ...sent, error: String(err) });
    }
    log.info('message sent', { ...d.logAttrs, ...sent });
  }
  function alreadySent({ d, metrics }, messageId, channel) {
    activity_1.Context.current().log.info('message already sent by an earlier attempt; not sending again', {
      ...d.logAttrs,
      messageId,
    });
    metrics.suppressed(d.labels, 'already_sent');
    const known = channel ?? d.routes[0]?.channel;
    return { outcome: 'sent', messageId, deduplicated: true, ...(known && { channel: known }) };
  }
}
function busy(key) {
  return activity_1.ApplicationFailure.create({
    type: contract_1.TRANSIENT_SEND_FAILURE,
    message: `another attempt is sending ${key} right now`,
    nextRetryDelay: exports.BUSY_RETRY_DELAY_MS,
    details: [{ reason: 'busy' }],
  });
}
/** The routes in order: each one ruled out is recorded in `skipped`, the rest composed. */
async function usableRoutes(d, skipped) {
  const usable = [];
  for (const route of d.routes) {
    const why = await route.skip?.();
    if (why) skipped.push({ channel: route.channel, reason: why });
    else usable.push({ channel: route.channel, send: await compose(route) });
  }
  return usable;
}
/** Rendering is deterministic: if it fails once it fails every time, so do not retry it. */
async function compose(route) {
  try {
    return await route.prepare();
  } catch (err) {
    throw activity_1.ApplicationFailure.create({
      type: contract_1.PERMANENT_SEND_FAILURE,
      message: `cannot build the message: ${err instanceof Error ? err.message : String(err)}`,
      nonRetryable: true,
      details: [{ reason: 'invalid_message' }],
    });
  }
}
/**
 * The provider calls, route by route: the first that takes the message is the one. A route whose
 * provider refuses it for good hands over to the next; a transient failure ends the attempt.
 */
async function sendThroughRoutes({ d, metrics, current }, usable, skipped) {
  for (const [i, route] of usable.entries()) {
    current.labels = { ...d.labels, channel: route.channel };
    const started = performance.now();
    const seconds = () => (performance.now() - started) / 1000;
    try {
      const { messageId } = await route.send();
      metrics.providerCall(current.labels, 'sent', seconds());
      return { messageId, channel: route.channel };
    } catch (err) {
      metrics.providerCall(current.labels, 'failed', seconds());
      if (!isPermanent(err)) throw err;
      const reason = err instanceof Error ? err.message : String(err);
      if (i < usable.length - 1) {
        // This address can never take it: the step's next channel may.
        metrics.failed(current.labels, (0, failure_reasons_1.failureReasonOf)(err));
        activity_1.Context.current().log.info('channel rejected the message for good; trying the next', {
          ...d.logAttrs,
          channel: route.channel,
          reason,
        });
        skipped.push({ channel: route.channel, reason });
        continue;
      }
      if (skipped.length === 0) throw err;
      const failure = err;
      throw activity_1.ApplicationFailure.create({
        type: failure.type ?? contract_1.PERMANENT_SEND_FAILURE,
        message: `${reason} (after ${describeSkips(skipped)})`,
        nonRetryable: true,
        details: failure.details,
      });
    }
  }
  throw new Error('no channel sent the message'); // unreachable: suppression answered for no usable route
}
//# sourceMappingURL=delivery.js.map
