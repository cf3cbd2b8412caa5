Object.defineProperty(exports, '__esModule', { value: true });
exports.SHUTDOWN_GRACE_SECONDS = void 0;
exports.createRecoveryWorker = createRecoveryWorker;
const worker_1 = require('@temporalio/worker');
const workflow_source_1 = require('./workflow-source');
// Sleeping checkouts need no cache: a bounded cache keeps memory flat as their number grows,
// and an evicted checkout is replayed from history when its timer fires.
const MAX_CACHED_WORKFLOWS = 1_000;
// Long enough for an in-flight SES call (30 s attempt timeout) to finish before shutdown. Every
// deployment must give the process longer than this before it kills it (docs/operations.md).
exports.SHUTDOWN_GRACE_SECONDS = 30;
const SHUTDOWN_GRACE_TIME = `${exports.SHUTDOWN_GRACE_SECONDS}s`;
function createRecoveryWorker(options) {
  return worker_1.Worker.create({
    ...(0, workflow_source_1.workflowSource)(),
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
//# sourceMappingURL=create-worker.js.map
