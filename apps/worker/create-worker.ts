import type { DataConverter } from '@temporalio/common';
import { type NativeConnection, Worker } from '@temporalio/worker';
import type { RecoveryActivities } from '../../activities/contract';
import { workflowSource } from './workflow-source';

// Sleeping checkouts need no cache: a bounded cache keeps memory flat as their number grows,
// and an evicted checkout is replayed from history when its timer fires.
const MAX_CACHED_WORKFLOWS = 1_000;
// Long enough for an in-flight SES call (30 s attempt timeout) to finish before shutdown.
const SHUTDOWN_GRACE_TIME = '30s';

export interface RecoveryWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  activities: RecoveryActivities;
  /** The payload codec and failure converter (config/encryption/data-converter.ts). */
  dataConverter: DataConverter;
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
  });
}
