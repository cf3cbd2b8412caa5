// What the send activities count. Recorded through the activity's metric meter, so the worker's
// Runtime serves them on the same Prometheus endpoint as the SDK's own metrics, with the
// activity's `namespace`, `taskQueue` and `activityType` labels added.
import type { MetricMeter } from '@temporalio/common';
import type { SendFailureReason } from './failure-reasons';

/**
 * Metric names as created; the Prometheus exporter appends `_total` to counters
 * (apps/worker/runtime.ts). Dashboards and alerts depend on them: docs/metrics.md lists each one.
 */
export const SEND_METRICS = {
  remindersSent: 'checkout_recovery_reminders_sent',
  remindersSuppressed: 'checkout_recovery_reminders_suppressed',
  remindersFailed: 'checkout_recovery_reminders_failed',
  confirmationsSent: 'checkout_recovery_confirmations_sent',
  confirmationsSuppressed: 'checkout_recovery_confirmations_suppressed',
  confirmationsFailed: 'checkout_recovery_confirmations_failed',
  sendDuration: 'checkout_recovery_send_duration_seconds',
} as const;

// The SES call: tens of milliseconds normally, up to the mailer's 20 s request timeout.
export const SEND_DURATION_BUCKETS = [0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20];

/**
 * `already_sent`: an earlier attempt sent it (dedupe ledger); `ordered`, `cancelled`: the re-check's
 * state; `frequency_cap`: not sent now, the workflow tries again when the cap allows; `no_channel`: none
 * of the step's channels could be used (no address, consent, SMS rules).
 */
export type SuppressionReason =
  | 'already_sent'
  | 'ordered'
  | 'cancelled'
  | 'superseded'
  | 'frequency_cap'
  | 'unsubscribed'
  | 'channel_refused'
  | 'no_channel';

export type MessageKind = 'reminder' | 'confirmation';

export interface MessageLabels {
  kind: MessageKind;
  channel: string;
  /** Reminders only. */
  step?: number;
}

export interface SendMetrics {
  sent(message: MessageLabels): void;
  suppressed(message: MessageLabels, reason: SuppressionReason): void;
  /** Every failed attempt, wherever it failed. */
  failed(message: MessageLabels, reason: SendFailureReason): void;
  /** How long the provider took to accept or refuse the message. */
  providerCall(message: MessageLabels, result: 'sent' | 'failed', seconds: number): void;
}

const COUNTERS = {
  reminder: {
    sent: SEND_METRICS.remindersSent,
    suppressed: SEND_METRICS.remindersSuppressed,
    failed: SEND_METRICS.remindersFailed,
  },
  confirmation: {
    sent: SEND_METRICS.confirmationsSent,
    suppressed: SEND_METRICS.confirmationsSuppressed,
    failed: SEND_METRICS.confirmationsFailed,
  },
} as const;

const DESCRIPTIONS = {
  sent: 'Messages the provider accepted',
  suppressed: 'Messages deliberately not sent (label reason)',
  failed: 'Send attempts that failed (label reason); a retried message counts once per attempt',
} as const;

function labels({ channel, step }: MessageLabels): Record<string, string> {
  return step === undefined ? { channel } : { channel, step: String(step) };
}

/**
 * Records on `meter`, usually `Context.current().metricMeter`. Instruments are looked up by name
 * in the Runtime, so making them per activity is cheap next to an SES call.
 */
export function sendMetrics(meter: MetricMeter): SendMetrics {
  const count = (outcome: keyof typeof DESCRIPTIONS, message: MessageLabels, extra: Record<string, string> = {}) =>
    meter
      .createCounter(COUNTERS[message.kind][outcome], undefined, `${DESCRIPTIONS[outcome]}: ${message.kind}s`)
      .add(1, { ...labels(message), ...extra });
  return {
    sent: (message) => count('sent', message),
    suppressed: (message, reason) => count('suppressed', message, { reason }),
    failed: (message, reason) => count('failed', message, { reason }),
    providerCall(message, result, seconds) {
      meter
        .createHistogram(SEND_METRICS.sendDuration, 'float', undefined, 'Time the email provider took to answer a send')
        .record(seconds, { kind: message.kind, channel: message.channel, result });
    },
  };
}
