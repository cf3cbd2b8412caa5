var __importDefault = (this && this.__importDefault) || ((mod) => (mod && mod.__esModule ? mod : { default: mod }));
Object.defineProperty(exports, '__esModule', { value: true });
// Metric names are an interface: dashboards and alerts query them. Each one the code exports must be
// in the tables of docs/metrics.md under the name a scraper sees.
const strict_1 = __importDefault(require('node:assert/strict'));
const node_fs_1 = require('node:fs');
const node_path_1 = require('node:path');
const node_test_1 = require('node:test');
const metrics_1 = require('../../activities/metrics');
const api_metrics_1 = require('../../apps/api/metrics/api-metrics');
const METRICS_DOC = (0, node_fs_1.readFileSync)(
  (0, node_path_1.join)(__dirname, '..', '..', '..', 'docs', 'metrics.md'),
  'utf8',
);
/** The worker's exporter appends `_total` to counters (apps/worker/runtime.ts); histograms keep their name. */
const scrapedWorkerName = (name) => (name.endsWith('_seconds') ? name : `${name}_total`);
(0, node_test_1.test)('every worker and API metric name appears in docs/metrics.md as it is scraped', () => {
  const names = [
    ...Object.values(metrics_1.SEND_METRICS).map(scrapedWorkerName),
    ...Object.values(api_metrics_1.API_METRICS),
  ];
  const missing = names.filter((name) => !METRICS_DOC.includes(`\`${name}\``));
  strict_1.default.deepEqual(missing, [], 'metric names missing from docs/metrics.md');
});
(0, node_test_1.test)(
  'metric names follow Prometheus conventions: one prefix, counters in _total, durations in _seconds',
  () => {
    for (const name of [...Object.values(metrics_1.SEND_METRICS), ...Object.values(api_metrics_1.API_METRICS)]) {
      strict_1.default.match(name, /^checkout_recovery_[a-z_]+$/, name);
    }
    for (const name of Object.values(api_metrics_1.API_METRICS))
      strict_1.default.match(name, /_(total|seconds)$/, name);
  },
);
//# sourceMappingURL=metric-names.test.js.map
