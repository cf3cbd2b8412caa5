var __importDefault = (this && this.__importDefault) || ((mod) => (mod && mod.__esModule ? mod : { default: mod }));
Object.defineProperty(exports, '__esModule', { value: true });
exports.durationSeconds = durationSeconds;
exports.workerShutdownGraceSeconds = workerShutdownGraceSeconds;
// The worker's shutdown grace, read from where the worker sets it, so every deployment's grace
// (compose stop_grace_period, Kubernetes terminationGracePeriodSeconds) is checked against the real one.
const strict_1 = __importDefault(require('node:assert/strict'));
const node_fs_1 = require('node:fs');
const node_path_1 = require('node:path');
const ROOT = (0, node_path_1.join)(__dirname, '..', '..', '..');
const WORKER_SOURCE = 'apps/worker/create-worker.ts';
/** "45s", "1m30s", "2m", 45 → seconds (the duration forms compose and Temporal write). */
function durationSeconds(value) {
  if (typeof value === 'number') return value;
  const parts = [...value.matchAll(/(\d+(?:\.\d+)?)(ms|h|m|s)/g)];
  strict_1.default.ok(parts.length > 0 && parts.map((p) => p[0]).join('') === value, `cannot read duration "${value}"`);
  const unit = { h: 3600, m: 60, s: 1, ms: 0.001 };
  return parts.reduce((sum, [, n, u]) => sum + Number(n) * unit[u], 0);
}
/** The worker's shutdownGraceTime in seconds. */
function workerShutdownGraceSeconds() {
  const source = (0, node_fs_1.readFileSync)((0, node_path_1.join)(ROOT, WORKER_SOURCE), 'utf8');
  // Either form: `SHUTDOWN_GRACE_SECONDS = 30` or `SHUTDOWN_GRACE_TIME = '30s'`.
  const seconds = /SHUTDOWN_GRACE_SECONDS\s*=\s*(\d+)/.exec(source)?.[1];
  if (seconds) return Number(seconds);
  const duration = /SHUTDOWN_GRACE_TIME\s*=\s*'([^']+)'/.exec(source)?.[1];
  strict_1.default.ok(
    duration,
    `${WORKER_SOURCE} sets neither SHUTDOWN_GRACE_SECONDS nor SHUTDOWN_GRACE_TIME; update this reader`,
  );
  return durationSeconds(duration);
}
//# sourceMappingURL=worker-grace.js.map
