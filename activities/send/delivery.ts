// One message, one attempt, in named steps: claim → the routes that may carry it (skips, then
// composed) → whether it must not go out now (re-check, opt-out, no channel, frequency cap) → the
// provider call, route by route → mark sent. A failure before a provider accepted the message
// releases the claim so Temporal's retry may send; every attempt is counted (metrics.ts).
import { ApplicationFailure, Context } from '@temporalio/activity';
import type { Channel, ChannelSkip } from '../../common/checkout';
import type { RecoveryEvent } from '../../common/recovery-events';
import type { ClaimFacts, ClaimMeta, ContactHold, SendLedger } from '../../storage/send-ledger';
import type { PreparedSend } from '../channels/channel-sender';
import { PERMANENT_SEND_FAILURE, type SendResult, TRANSIENT_SEND_FAILURE } from '../contract';
import { failureReasonOf, type SendFailureReason } from '../failure-reasons';
import { type MessageLabels, type SendMetrics, sendMetrics } from '../metrics';

// Another attempt holds a fresh claim (usually one Temporal already timed out that is still
// finishing its SES call): by 10 s it has marked the message sent or released it.
export const BUSY_RETRY_DELAY_MS = 10_000;
/** A skip reason that starts so is the customer's refusal of that channel. */
export const CONSENT_REFUSAL = 'customer does not accept';
export const SUPPRESSING_STATES = ['ordered', 'cancelled', 'superseded'] as const;
export type SuppressingState = (typeof SUPPRESSING_STATES)[number];

/** One way a message may go out. */
export interface Route {
  channel: Channel;
  /** Why this channel cannot carry the message (no address, consent, SMS rules), or undefined. */
  skip?: () => Promise<string | undefined>;
  /** Builds the message (links are signed here, at send time); an error is permanent. */
  prepare: () => Promise<PreparedSend>;
  /** Gives back what `skip` reserved (a text under the phone cap) when this route did not deliver. */
  release?: () => Promise<void>;
}

export interface Delivery {
  key: string;
  meta: ClaimMeta;
  /** Tried in order; the first that takes the message is the one. */
  routes: Route[];
  /**
   * The checkout's state when it means the message must not go out any more, asked when the claim
   * found no stop record (the API records orders, cancels and supersedes in the claim's database).
   */
  recheck?: () => Promise<SuppressingState | undefined>;
  /** What the claim's statement read beside the claim (the stop record, the customer's consent). */
  onClaimed?: (facts: ClaimFacts) => void;
  /**
   * The analytics records of the message once sent, written in the statement that marks it sent;
   * `onRecorded` is told when they were (a failed statement keeps the mark alone, and leaves them to the caller).
   */
  sentRecords?: (sent: { messageId: string; channel: Channel }) => RecoveryEvent[];
  onRecorded?: () => void;
  /** Told when a stop (order, cancel, supersede) suppressed the message: the API recorded that close. */
  onStopped?: (state: SuppressingState) => void;
  /** A stopped checkout suppresses it (reminders; never the order's own confirmation). */
  stoppable?: boolean;
  /** True when the customer has opted out of every recovery message (refused channels are the routes'). */
  optedOut?: () => Promise<boolean>;
  /**
   * The frequency cap across the customer's checkouts, when the checkout's policy has one.
   * `nowMs`: the workflow's clock when it asked for the send, so the cap and its timers agree.
   */
  cap?: { customerId: string; checkoutId: string; capMs: number; nowMs: number };
  /** Metric labels of the first route; each provider call is labelled with its own channel. */
  labels: MessageLabels;
  logAttrs: Record<string, unknown>;
}

type Usable = { channel: Channel; send: PreparedSend };
/** One attempt's context: the delivery, its metrics, the channel being tried (a failure's label). */
interface Attempt {
  d: Delivery;
  metrics: SendMetrics;
  current: { labels: MessageLabels };
}

const isPermanent = (err: unknown) => err instanceof ApplicationFailure && err.nonRetryable === true;
const describeSkips = (skipped: ChannelSkip[]) => skipped.map((s) => `${s.channel}: ${s.reason}`).join('; ');

/** `deliver(d)`: one attempt at one message, counted: sent, suppressed (with why) or failed (with why). */
export function deliveryThrough(ledger: SendLedger): (d: Delivery) => Promise<SendResult> {
  return async function deliver(d) {
    const a: Attempt = { d, metrics: sendMetrics(Context.current().metricMeter), current: { labels: d.labels } };
    let result: SendResult | undefined;
    try {
      result = await attempt(a);
      return result;
    } catch (err) {
      a.metrics.failed(a.current.labels, failureReasonOf(err));
      throw err;
    } finally {
      const delivered = result?.outcome === 'sent' ? result.channel : undefined;
      for (const route of d.routes) {
        if (route.release && route.channel !== delivered) await route.release().catch(() => undefined); // expires anyway
      }
    }
  };

  async function attempt(a: Attempt): Promise<SendResult> {
    const { d } = a;
    // The cap's hold is taken in the claim's statement (one round trip for both); a message that
    // then does not go out drops it.
    const claim = await ledger.claim(d.key, d.cap ? { ...d.meta, cap: d.cap } : d.meta);
    if (claim.state === 'sent') return alreadySent(a, claim.messageId, claim.channel);
    if (claim.state === 'busy') throw busy(d.key);
    d.onClaimed?.(claim);

    const skipped: ChannelSkip[] = [];
    let sent: { messageId: string; channel: Channel };
    try {
      // Composed first, so nothing but the provider call follows the re-check: an order acknowledged
      // after the re-check can only race that call (benchmark "races" measures the window).
      const usable = await usableRoutes(d, skipped);
      const notNow =
        (await suppression(a, usable, skipped, d.stoppable ? claim.stop : undefined)) ??
        (await frequencyCapHold(a, claim.hold));
      if (notNow) {
        // Suppressed after the claim's statement took the hold: it blocks nobody (it expires anyway).
        if (d.cap && claim.hold?.held)
          await ledger.dropContact(d.cap.customerId, d.cap.checkoutId).catch(() => undefined);
        await ledger.release(d.key, claim.attempt);
        return notNow;
      }
      sent = await sendThroughRoutes(a, usable, skipped);
    } catch (err) {
      if (d.cap) await ledger.dropContact(d.cap.customerId, d.cap.checkoutId).catch(() => undefined); // expires anyway
      await ledger.release(d.key, claim.attempt).catch((releaseErr: unknown) => {
        // The claim goes stale on its own; the send's own failure is what matters here.
        Context.current().log.warn('could not release the send claim', { ...d.logAttrs, error: String(releaseErr) });
      });
      throw err;
    }
    await markSent(a, sent);
    return { outcome: 'sent', ...sent, ...(skipped.length > 0 && { skipped }) };
  }

  /** Why the message must not go out on this attempt (re-check, opt-out, no channel), as the answer. */
  async function suppression(
    { d, metrics }: Attempt,
    usable: Usable[],
    skipped: ChannelSkip[],
    stop: SuppressingState | undefined,
  ) {
    const { log } = Context.current();
    const skips = skipped.length > 0 ? { skipped: [...skipped] } : {};
    const state = stop ?? (await d.recheck?.());
    if (state) {
      const reason = `checkout ${state} before the send`;
      log.info('send suppressed', { ...d.logAttrs, reason });
      metrics.suppressed(d.labels, state);
      d.onStopped?.(state);
      return { outcome: 'suppressed', reason, ...skips } satisfies SendResult;
    }
    if (await d.optedOut?.()) {
      const reason = 'customer unsubscribed from recovery messages';
      log.info('send suppressed', { ...d.logAttrs, reason });
      metrics.suppressed(d.labels, 'unsubscribed');
      return { outcome: 'suppressed', reason, optedOut: true } satisfies SendResult;
    }
    if (usable.length === 0) {
      // One channel: its own reason; several: each one's.
      const reason =
        skipped.length === 1
          ? (skipped[0]?.reason ?? '')
          : `no channel can reach the customer: ${describeSkips(skipped)}`;
      log.info('send suppressed', { ...d.logAttrs, reason });
      const refusedAll = skipped.every((skip) => skip.reason.startsWith(CONSENT_REFUSAL));
      metrics.suppressed(d.labels, refusedAll ? 'channel_refused' : 'no_channel');
      return { outcome: 'suppressed', reason, ...skips } satisfies SendResult;
    }
    return undefined;
  }

  /** The frequency cap's answer when another of the customer's checkouts holds the contact. */
  async function frequencyCapHold(
    { d, metrics }: Attempt,
    held: ContactHold | undefined,
  ): Promise<SendResult | undefined> {
    if (!d.cap) return undefined;
    const hold = held ?? (await ledger.holdContact(d.cap.customerId, d.cap.checkoutId, d.cap.capMs, d.cap.nowMs));
    if (hold.held) return undefined;
    const reason =
      hold.because === 'sent'
        ? "frequency cap: another of the customer's checkouts was messaged recently"
        : "frequency cap: a message for another of the customer's checkouts is going out now";
    Context.current().log.info('send delayed', { ...d.logAttrs, reason, until: hold.until.toISOString() });
    metrics.suppressed(d.labels, 'frequency_cap');
    return { outcome: 'delayed', reason, until: hold.until.toISOString() };
  }

  /** Counted before the ledger write: the provider has the message whatever the ledger says. */
  async function markSent({ d, metrics, current }: Attempt, sent: { messageId: string; channel: Channel }) {
    const { log } = Context.current();
    metrics.sent(current.labels);
    const records = d.sentRecords?.(sent) ?? [];
    // The cap's hold is confirmed in the mark's statement: one round trip for both.
    const contact = d.cap;
    try {
      await ledger.markSent(d.key, sent.messageId, sent.channel, records, contact);
      if (records.length > 0) d.onRecorded?.();
    } catch (err) {
      // The provider has the message: failing now would make Temporal retry and send it twice. The
      // records (or the cap's row) may be what failed: the mark alone, so a retry finds the message
      // sent, then the cap's confirmation alone, so the customer's other checkouts wait out the cap.
      const ok = () => true;
      const failed = () => false;
      const marked =
        (records.length > 0 || contact !== undefined) &&
        (await ledger.markSent(d.key, sent.messageId, sent.channel).then(ok, failed));
      const capTold =
        !contact ||
        (marked &&
          (await ledger.confirmContact(contact.customerId, contact.checkoutId, contact.nowMs).then(ok, failed)));
      if (!marked)
        log.warn('message sent but not recorded in the ledger', { ...d.logAttrs, ...sent, error: String(err) });
      else if (!capTold)
        log.warn('message sent but not counted against the frequency cap', {
          ...d.logAttrs,
          ...sent,
          error: String(err),
        });
    }
    log.info('message sent', { ...d.logAttrs, ...sent });
  }

  function alreadySent({ d, metrics }: Attempt, messageId: string | undefined, channel: string | undefined) {
    Context.current().log.info('message already sent by an earlier attempt; not sending again', {
      ...d.logAttrs,
      messageId,
    });
    metrics.suppressed(d.labels, 'already_sent');
    const known = (channel ?? d.routes[0]?.channel) as Channel | undefined;
    return { outcome: 'sent', messageId, deduplicated: true, ...(known && { channel: known }) } satisfies SendResult;
  }
}

function busy(key: string): ApplicationFailure {
  return ApplicationFailure.create({
    type: TRANSIENT_SEND_FAILURE,
    message: `another attempt is sending ${key} right now`,
    nextRetryDelay: BUSY_RETRY_DELAY_MS,
    details: [{ reason: 'busy' satisfies SendFailureReason }],
  });
}

/** The routes in order: each one ruled out is recorded in `skipped`, the rest composed. */
async function usableRoutes(d: Delivery, skipped: ChannelSkip[]): Promise<Usable[]> {
  const usable: Usable[] = [];
  for (const route of d.routes) {
    const why = await route.skip?.();
    if (why) skipped.push({ channel: route.channel, reason: why });
    else usable.push({ channel: route.channel, send: await compose(route) });
  }
  return usable;
}

/** Rendering is deterministic: if it fails once it fails every time, so do not retry it. */
async function compose(route: Route): Promise<PreparedSend> {
  try {
    return await route.prepare();
  } catch (err) {
    throw ApplicationFailure.create({
      type: PERMANENT_SEND_FAILURE,
      message: `cannot build the message: ${err instanceof Error ? err.message : String(err)}`,
      nonRetryable: true,
      details: [{ reason: 'invalid_message' satisfies SendFailureReason }],
    });
  }
}

/**
 * The provider calls, route by route: the first that takes the message is the one. A route whose
 * provider refuses it for good hands over to the next; a transient failure ends the attempt.
 */
async function sendThroughRoutes(
  { d, metrics, current }: Attempt,
  usable: Usable[],
  skipped: ChannelSkip[],
): Promise<{ messageId: string; channel: Channel }> {
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
        metrics.failed(current.labels, failureReasonOf(err));
        Context.current().log.info('channel rejected the message for good; trying the next', {
          ...d.logAttrs,
          channel: route.channel,
          reason,
        });
        skipped.push({ channel: route.channel, reason });
        continue;
      }
      if (skipped.length === 0) throw err;
      const failure = err as ApplicationFailure;
      throw ApplicationFailure.create({
        type: failure.type ?? PERMANENT_SEND_FAILURE,
        message: `${reason} (after ${describeSkips(skipped)})`,
        nonRetryable: true,
        details: failure.details as unknown[] | undefined,
      });
    }
  }
  throw new Error('no channel sent the message'); // unreachable: suppression answered for no usable route
}
