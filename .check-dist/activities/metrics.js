Object.defineProperty(exports, '__esModule', { value: true });
exports.SEND_DURATION_BUCKETS = exports.SEND_METRICS = void 0;
exports.sendMetrics = sendMetrics;
/**
 * Metric names as created; the Prometheus exporter appends `_total` to counters
 * (apps/worker/runtime.ts). Dashboards and alerts depend on them: docs/metrics.md lists each one.
 */
exports.SEND_METRICS = {
  remindersSent: 'checkout_recovery_reminders_sent',
  remindersSuppressed: 'checkout_recovery_reminders_suppressed',
  remindersFailed: 'checkout_recovery_reminders_failed',
  confirmationsSent: 'checkout_recovery_confirmations_sent',
  confirmationsSuppressed: 'checkout_recovery_confirmations_suppressed',
  confirmationsFailed: 'checkout_recovery_confirmations_failed',
  sendDuration: 'checkout_recovery_send_duration_seconds',
};
// The SES call: tens of milliseconds normally, up to the mailer's 20 s request timeout.
exports.SEND_DURATION_BUCKETS = [0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20];
const COUNTERS = {
  reminder: {
    sent: exports.SEND_METRICS.remindersSent,
    suppressed: exports.SEND_METRICS.remindersSuppressed,
    failed: exports.SEND_METRICS.remindersFailed,
  },
  confirmation: {
    sent: exports.SEND_METRICS.confirmationsSent,
    suppressed: exports.SEND_METRICS.confirmationsSuppressed,
    failed: exports.SEND_METRICS.confirmationsFailed,
  },
};
const DESCRIPTIONS = {
  sent: 'Messages the provider accepted',
  suppressed: 'Messages deliberately not sent (label reason)',
  failed: 'Send attempts that failed (label reason); a retried message counts once per attempt',
};
function labels({ channel, step }) {
  return step === undefined ? { channel } : { channel, step: String(step) };
}
/**
 * Records on `meter`, usually `Context.current().metricMeter`. Instruments are looked up by name
 * in the Runtime, so making them per activity is cheap next to an SES call.
 */
function sendMetrics(meter) {
  const count = (outcome, message, extra = {}) =>
    meter
      .createCounter(COUNTERS[message.kind][outcome], undefined, `${DESCRIPTIONS[outcome]}: ${message.kind}s`)
      .add(1, { ...labels(message), ...extra });
  return {
    sent: (message) => count('sent', message),
    suppressed: (message, reason) => count('suppressed', message, { reason }),
    failed: (message, reason) => count('failed', message, { reason }),
    providerCall(message, result, seconds) {
      meter
        .createHistogram(
          exports.SEND_METRICS.sendDuration,
          'float',
          undefined,
          'Time the email provider took to answer a send',
        )
        .record(seconds, { kind: message.kind, channel: message.channel, result });
    },
  };
}
//# sourceMappingURL=metrics.js.map
