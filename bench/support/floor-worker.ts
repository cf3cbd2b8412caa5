// A floor workflow's worker, as its own process like the real worker: the same cache bound, a
// bundle made at start-up, the same payload encryption (the stack's client encrypts with
// PAYLOAD_ENCRYPTION_KEYS) and gRPC compression (WORKER_GRPC_COMPRESSION): the floor is the same
// engine, configured alike. Its one activity reports arrivals to RECORDER_URL.
// Env: TEMPORAL_ADDRESS, TASK_QUEUE, RECORDER_URL, PAYLOAD_ENCRYPTION_KEYS, WORKER_GRPC_COMPRESSION.
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { dataConverterFor } from '../../config/encryption/data-converter';
import { loadEncryption } from '../../config/env';
import { grpcCompressionOf } from '../../config/worker-config';
import { createArrivalActivities } from '../lateness/baseline-activities';

// The same bound as apps/worker/create-worker.ts, so both workers cache alike.
const MAX_CACHED_WORKFLOWS = 1_000;

/** Runs until killed; prints `<label> polling <queue>` once polling, the ready line the bench waits for. */
export function runFloorWorker(label: string, workflowsPath: string): void {
  serve(label, workflowsPath).catch((err: unknown) => {
    console.error(`${label} failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
}

async function serve(label: string, workflowsPath: string): Promise<void> {
  const { TEMPORAL_ADDRESS, TASK_QUEUE, RECORDER_URL } = process.env;
  if (!TEMPORAL_ADDRESS || !TASK_QUEUE || !RECORDER_URL) throw new Error('TEMPORAL_ADDRESS, TASK_QUEUE, RECORDER_URL');
  const dataConverter = dataConverterFor(loadEncryption(process.env));
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const grpcCompression = { codec: grpcCompressionOf(process.env) };
  const connection = await NativeConnection.connect({ address: TEMPORAL_ADDRESS, grpcCompression });
  try {
    const worker = await Worker.create({
      connection,
      taskQueue: TASK_QUEUE,
      workflowsPath,
      activities: createArrivalActivities(RECORDER_URL),
      dataConverter,
      maxCachedWorkflows: MAX_CACHED_WORKFLOWS,
    });
    console.log(`${label} polling ${TASK_QUEUE}`);
    await worker.run();
  } finally {
    await connection.close();
  }
}
