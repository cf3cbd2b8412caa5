import type { DataConverter } from '@temporalio/common';
import { type NativeConnection, Worker } from '@temporalio/worker';
import type { RecoveryActivities } from '../../activities/contract';
import type { OrderActivities } from '../../checkout/order-activities';
import type { WorkerDeployment } from '../../config/worker-config';
import { workflowSource } from './workflow-source';

// Sleeping checkouts need no cache: a bounded cache keeps memory flat as their number grows,
// and an evicted checkout is replayed from history when its timer fires.
const MAX_CACHED_WORKFLOWS = 1_000;
// Long enough for an in-flight SES call (30 s attempt timeout) to finish before shutdown. Every
// deployment must give the process longer than this before it kills it (docs/operations.md).
export const SHUTDOWN_GRACE_SECONDS = 30;
const SHUTDOWN_GRACE_TIME = `${SHUTDOWN_GRACE_SECONDS}s`;

export interface RecoveryWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  /** The recovery's activities, and the order saga's where the worker has the vault and providers. */
  activities: RecoveryActivities & Partial<OrderActivities>;
  /** The payload codec and failure converter (config/encryption/data-converter.ts). */
  dataConverter: DataConverter;
  /** Worker Versioning: this build's deployment version; undefined: unversioned. */
  deployment?: WorkerDeployment | undefined;
  /** The provider quotas as a task-queue rate (config/worker-config.ts); undefined: none. */
  taskQueueActivitiesPerSecond?: number | undefined;
}

export function createRecoveryWorker(options: RecoveryWorkerOptions): Promise<Worker> {
  return Worker.create({
    ...workflowSource(),
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    activities: options.activities,
    dataConverter: options.dataConverter,
    maxCachedWorkflows: MAX_CACHED_WORKFLOWS,
    shutdownGraceTime: SHUTDOWN_GRACE_TIME,
    ...(options.taskQueueActivitiesPerSecond && {
      maxTaskQueueActivitiesPerSecond: options.taskQueueActivitiesPerSecond,
    }),
    // Checkouts live for days: AUTO_UPGRADE moves them to the current version at their next task, and
    // the workflow's patches (workflows/patches.ts) keep their old histories replaying.
    ...(options.deployment && {
      workerDeploymentOptions: {
        version: options.deployment,
        useWorkerVersioning: true,
        defaultVersioningBehavior: 'AUTO_UPGRADE',
      },
    }),
  });
}
