Object.defineProperty(exports, '__esModule', { value: true });
exports.workerRuntimeOptions = workerRuntimeOptions;
exports.installWorkerRuntime = installWorkerRuntime;
// The worker's SDK Runtime: its Prometheus exporter serves the SDK's own worker metrics and the
// send activities' counters (activities/metrics.ts) on one endpoint, GET http://<address>/metrics.
const worker_1 = require('@temporalio/worker');
const metrics_1 = require('../../activities/metrics');
/** `base` (logging, say) plus the metrics exporter. */
function workerRuntimeOptions(metricsAddress, base = {}) {
  return {
    ...base,
    telemetryOptions: {
      ...base.telemetryOptions,
      metrics: {
        prometheus: {
          bindAddress: metricsAddress,
          // Prometheus conventions: counters end in _total, durations are in seconds. The SDK's names
          // are then temporal_<name>_total, as in Temporal's docs with the Prometheus exporter.
          countersTotalSuffix: true,
          useSecondsForDurations: true,
          // The exporter's default buckets are milliseconds; the send histogram records seconds.
          histogramBucketOverrides: { [metrics_1.SEND_METRICS.sendDuration]: metrics_1.SEND_DURATION_BUCKETS },
        },
      },
    },
  };
}
/**
 * Installs the Runtime with the metrics endpoint; must run before any connection is made. Throws
 * an Error that names the setting when the address cannot be bound (e.g. already in use).
 */
function installWorkerRuntime(metricsAddress, base = {}) {
  if (!metricsAddress) {
    if (Object.keys(base).length > 0) worker_1.Runtime.install(base); // a logger, say, without the endpoint
    return;
  }
  try {
    worker_1.Runtime.install(workerRuntimeOptions(metricsAddress, base));
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new Error(
      `cannot serve worker metrics on ${metricsAddress} (WORKER_METRICS_ADDRESS; empty switches it off): ${reason}`,
    );
  }
}
//# sourceMappingURL=runtime.js.map
