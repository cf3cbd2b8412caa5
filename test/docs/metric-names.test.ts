// Metric names are an interface: dashboards and alerts query them. Each one the code exports must be
// in the tables of docs/metrics.md under the name a scraper sees.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { SEND_METRICS } from '../../activities/metrics';
import { API_METRICS } from '../../apps/api/metrics/api-metrics';

const METRICS_DOC = readFileSync(join(__dirname, '..', '..', '..', 'docs', 'metrics.md'), 'utf8');

/** The worker's exporter appends `_total` to counters (apps/worker/runtime.ts); histograms keep their name. */
const scrapedWorkerName = (name: string) => (name.endsWith('_seconds') ? name : `${name}_total`);

test('every worker and API metric name appears in docs/metrics.md as it is scraped', () => {
  const names = [...Object.values(SEND_METRICS).map(scrapedWorkerName), ...Object.values(API_METRICS)];
  const missing = names.filter((name) => !METRICS_DOC.includes(`\`${name}\``));
  assert.deepEqual(missing, [], 'metric names missing from docs/metrics.md');
});

test('metric names follow Prometheus conventions: one prefix, counters in _total, durations in _seconds', () => {
  for (const name of [...Object.values(SEND_METRICS), ...Object.values(API_METRICS)]) {
    assert.match(name, /^checkout_recovery_[a-z_]+$/, name);
  }
  for (const name of Object.values(API_METRICS)) assert.match(name, /_(total|seconds)$/, name);
});
