// The worker's own runtime settings (config/env.ts reads them into AppConfig.worker): its health
// endpoint, whether it does the one-shot setup at boot, its Worker Deployment version, and the
// task-queue activity rate that keeps the providers' sending quotas, and its gRPC compression.
import { execFileSync } from 'node:child_process';
import { ConfigError } from './config-error';
import { type Env, listenAddress, onOff } from './parsers';

/** The production default; the image binds 0.0.0.0 (apps/worker/Dockerfile) for the kubelet's probes. */
export const DEFAULT_WORKER_HEALTH_ADDRESS = '127.0.0.1:9466';

export interface WorkerDeployment {
  /** TEMPORAL_DEPLOYMENT_NAME: one name for every version of this worker (e.g. "checkout-recovery"). */
  deploymentName: string;
  /** BUILD_ID: this build's version; defaults to the git commit when run from a checkout. */
  buildId: string;
}

export interface WorkerConfig {
  /** WORKER_HEALTH_ADDRESS (host:port): /health/live and /health/ready; undefined: none (development default). */
  healthAddress: string | undefined;
  /** WORKER_SETUP_AT_BOOT: migrate the ledger and register search attributes at boot, else only check. */
  setupAtBoot: boolean;
  /** Worker Versioning (Temporal worker deployments); undefined: an unversioned worker. */
  deployment: WorkerDeployment | undefined;
  /**
   * Activities per second on the whole task queue (every worker together), from SES_MAX_SEND_RATE and
   * SNS_MAX_SEND_RATE or TASK_QUEUE_ACTIVITIES_PER_SECOND; undefined: no limit.
   */
  taskQueueActivitiesPerSecond: number | undefined;
  /** WORKER_GRPC_COMPRESSION: gzip between the worker and Temporal, both ways (grpcCompressionOf says why none). */
  grpcCompression: GrpcCodec;
}

export type GrpcCodec = 'gzip' | 'none';

/**
 * WORKER_GRPC_COMPRESSION, gzip or none (default). The SDK gzips every request of the worker's
 * connection and asks for gzipped responses unless told otherwise; here most of the bytes are
 * payloads, already compressed and then encrypted, which gzip cannot shrink, so it would cost CPU on
 * both ends for little: about 4 M instructions per reminder in the worker (callgrind,
 * docs/benchmarks.md), and the server's work on its side. gzip pays only on a slow or metered link.
 */
export function grpcCompressionOf(env: Env): GrpcCodec {
  const raw = env.WORKER_GRPC_COMPRESSION?.trim().toLowerCase();
  if (!raw) return 'none';
  if (raw === 'gzip' || raw === 'none') return raw;
  throw new ConfigError(`WORKER_GRPC_COMPRESSION must be "gzip" or "none", got "${env.WORKER_GRPC_COMPRESSION}"`);
}

function positiveRate(env: Env, name: string): number | undefined {
  const raw = env[name]?.trim();
  if (!raw || raw === 'off') return undefined;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0)
    throw new ConfigError(`${name} must be a positive number per second, got "${raw}"`);
  return n;
}

function gitCommit(): string | undefined {
  try {
    return execFileSync('git', ['rev-parse', '--short=12', 'HEAD'], { stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim();
  } catch {
    return undefined;
  }
}

function deployment(env: Env): WorkerDeployment | undefined {
  const deploymentName = env.TEMPORAL_DEPLOYMENT_NAME?.trim();
  if (!deploymentName) return undefined;
  const buildId = env.BUILD_ID?.trim() || gitCommit();
  if (!buildId)
    throw new ConfigError(
      'BUILD_ID is not set: a versioned worker (TEMPORAL_DEPLOYMENT_NAME) needs its build id, e.g. the git commit',
    );
  if (/[.\s]/.test(deploymentName))
    throw new ConfigError(`TEMPORAL_DEPLOYMENT_NAME must have no dots or spaces, got "${deploymentName}"`);
  return { deploymentName, buildId };
}

/**
 * Each send activity makes at most one provider call (one SES SendEmail or one SNS Publish), so a
 * task-queue rate at the lower of the two quotas keeps both, whichever channel the messages take.
 */
function activityRate(env: Env): number | undefined {
  const explicit = positiveRate(env, 'TASK_QUEUE_ACTIVITIES_PER_SECOND');
  if (explicit !== undefined) return explicit;
  const quotas = [positiveRate(env, 'SES_MAX_SEND_RATE'), positiveRate(env, 'SNS_MAX_SEND_RATE')].filter(
    (n): n is number => n !== undefined,
  );
  return quotas.length > 0 ? Math.min(...quotas) : undefined;
}

export function loadWorkerConfig(env: Env, production: boolean): WorkerConfig {
  return {
    healthAddress:
      env.WORKER_HEALTH_ADDRESS === undefined && !production
        ? undefined // development: off unless asked for, so workers started side by side do not collide
        : listenAddress(env, 'WORKER_HEALTH_ADDRESS', DEFAULT_WORKER_HEALTH_ADDRESS),
    setupAtBoot: onOff(env, 'WORKER_SETUP_AT_BOOT', true),
    deployment: deployment(env),
    taskQueueActivitiesPerSecond: activityRate(env),
    grpcCompression: grpcCompressionOf(env),
  };
}
