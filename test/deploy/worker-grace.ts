// The worker's shutdown grace, read from where the worker sets it, so every deployment's grace
// (compose stop_grace_period, Kubernetes terminationGracePeriodSeconds) is checked against the real one.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');
const WORKER_SOURCE = 'apps/worker/create-worker.ts';

/** "45s", "1m30s", "2m", 45 → seconds (the duration forms compose and Temporal write). */
export function durationSeconds(value: string | number): number {
  if (typeof value === 'number') return value;
  const parts = [...value.matchAll(/(\d+(?:\.\d+)?)(ms|h|m|s)/g)];
  assert.ok(parts.length > 0 && parts.map((p) => p[0]).join('') === value, `cannot read duration "${value}"`);
  const unit = { h: 3600, m: 60, s: 1, ms: 0.001 } as const;
  return parts.reduce((sum, [, n, u]) => sum + Number(n) * unit[u as keyof typeof unit], 0);
}

/** The worker's shutdownGraceTime in seconds. */
export function workerShutdownGraceSeconds(): number {
  const source = readFileSync(join(ROOT, WORKER_SOURCE), 'utf8');
  // Either form: `SHUTDOWN_GRACE_SECONDS = 30` or `SHUTDOWN_GRACE_TIME = '30s'`.
  const seconds = /SHUTDOWN_GRACE_SECONDS\s*=\s*(\d+)/.exec(source)?.[1];
  if (seconds) return Number(seconds);
  const duration = /SHUTDOWN_GRACE_TIME\s*=\s*'([^']+)'/.exec(source)?.[1];
  assert.ok(
    duration,
    `${WORKER_SOURCE} sets neither SHUTDOWN_GRACE_SECONDS nor SHUTDOWN_GRACE_TIME; update this reader`,
  );
  return durationSeconds(duration);
}
