import type { DataConverter } from '@temporalio/common';
import {
  makeWorkflowExporter,
  OpenTelemetryActivityInboundInterceptor,
  OpenTelemetryActivityOutboundInterceptor,
} from '@temporalio/interceptors-opentelemetry';
import { type NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import type { RecoveryActivities } from '../../activities/contract';
import type { OrderActivities } from '../../checkout/order-activities';
import type { WorkerDeployment } from '../../config/worker-config';
import type { Tracing } from '../shared/tracing';
import { TRACING_WORKFLOW_INTERCEPTORS, workflowSource } from './workflow-source';

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
  /** OpenTelemetry (apps/shared/tracing.ts); undefined: no tracing interceptors at all. */
  tracing?: Pick<Tracing, 'resource' | 'spanProcessor'> | undefined;
}

export function createRecoveryWorker(options: RecoveryWorkerOptions): Promise<Worker> {
  return Worker.create({
    ...workflowSource(options.tracing !== undefined),
    ...(options.tracing && tracingOptions(options.tracing)),
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

/**
 * Spans for each workflow task and activity, the trace context carried in their headers; workflow
 * spans leave the sandbox through a sink. The interceptors use the global tracer provider.
 */
function tracingOptions(
  tracing: Pick<Tracing, 'resource' | 'spanProcessor'>,
): Pick<WorkerOptions, 'interceptors' | 'sinks'> {
  return {
    interceptors: {
      workflowModules: [TRACING_WORKFLOW_INTERCEPTORS],
      activity: [
        (ctx) => ({
          inbound: new OpenTelemetryActivityInboundInterceptor(ctx),
          outbound: new OpenTelemetryActivityOutboundInterceptor(ctx),
        }),
      ],
    },
    sinks: { exporter: makeWorkflowExporter(tracing.spanProcessor, tracing.resource) },
  };
}
