Object.defineProperty(exports, '__esModule', { value: true });
exports.DEFAULT_WORKER_HEALTH_ADDRESS = void 0;
exports.loadWorkerConfig = loadWorkerConfig;
// The worker's own runtime settings (config/env.ts reads them into AppConfig.worker): its health
// endpoint, whether it does the one-shot setup at boot, its Worker Deployment version, and the
// task-queue activity rate that keeps the providers' sending quotas.
const node_child_process_1 = require('node:child_process');
const config_error_1 = require('./config-error');
const parsers_1 = require('./parsers');
/** The production default; the image binds 0.0.0.0 (apps/worker/Dockerfile) for the kubelet's probes. */
exports.DEFAULT_WORKER_HEALTH_ADDRESS = '127.0.0.1:9466';
function positiveRate(env, name) {
  const raw = env[name]?.trim();
  if (!raw || raw === 'off') return undefined;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0)
    throw new config_error_1.ConfigError(`${name} must be a positive number per second, got "${raw}"`);
  return n;
}
function gitCommit() {
  try {
    return (0, node_child_process_1.execFileSync)('git', ['rev-parse', '--short=12', 'HEAD'], {
      stdio: ['ignore', 'pipe', 'ignore'],
    })
      .toString()
      .trim();
  } catch {
    return undefined;
  }
}
function deployment(env) {
  const deploymentName = env.TEMPORAL_DEPLOYMENT_NAME?.trim();
  if (!deploymentName) return undefined;
  const buildId = env.BUILD_ID?.trim() || gitCommit();
  if (!buildId)
    throw new config_error_1.ConfigError(
      'BUILD_ID is not set: a versioned worker (TEMPORAL_DEPLOYMENT_NAME) needs its build id, e.g. the git commit',
    );
  if (/[.\s]/.test(deploymentName))
    throw new config_error_1.ConfigError(
      `TEMPORAL_DEPLOYMENT_NAME must have no dots or spaces, got "${deploymentName}"`,
    );
  return { deploymentName, buildId };
}
/**
 * Each send activity makes at most one provider call (one SES SendEmail or one SNS Publish), so a
 * task-queue rate at the lower of the two quotas keeps both, whichever channel the messages take.
 */
function activityRate(env) {
  const explicit = positiveRate(env, 'TASK_QUEUE_ACTIVITIES_PER_SECOND');
  if (explicit !== undefined) return explicit;
  const quotas = [positiveRate(env, 'SES_MAX_SEND_RATE'), positiveRate(env, 'SNS_MAX_SEND_RATE')].filter(
    (n) => n !== undefined,
  );
  return quotas.length > 0 ? Math.min(...quotas) : undefined;
}
function loadWorkerConfig(env, production) {
  return {
    healthAddress:
      env.WORKER_HEALTH_ADDRESS === undefined && !production
        ? undefined // development: off unless asked for, so workers started side by side do not collide
        : (0, parsers_1.listenAddress)(env, 'WORKER_HEALTH_ADDRESS', exports.DEFAULT_WORKER_HEALTH_ADDRESS),
    setupAtBoot: (0, parsers_1.onOff)(env, 'WORKER_SETUP_AT_BOOT', true),
    deployment: deployment(env),
    taskQueueActivitiesPerSecond: activityRate(env),
  };
}
//# sourceMappingURL=worker-config.js.map
