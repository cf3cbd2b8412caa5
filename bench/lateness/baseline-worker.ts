// The bench worker for the baseline workflow, as its own process like the real worker: the same
// cache bound, a bundle made at start-up, the same payload encryption. Env: TEMPORAL_ADDRESS,
// TASK_QUEUE, RECORDER_URL, PAYLOAD_ENCRYPTION_KEYS, WORKER_GRPC_COMPRESSION.
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { dataConverterFor } from '../../config/encryption/data-converter';
import { loadEncryption } from '../../config/env';
import { grpcCompressionOf } from '../../config/worker-config';
import { createArrivalActivities } from './baseline-activities';

// The same bound as apps/worker/create-worker.ts, so both workers cache alike.
const MAX_CACHED_WORKFLOWS = 1_000;

async function main(): Promise<void> {
  const { TEMPORAL_ADDRESS, TASK_QUEUE, RECORDER_URL } = process.env;
  if (!TEMPORAL_ADDRESS || !TASK_QUEUE || !RECORDER_URL) throw new Error('TEMPORAL_ADDRESS, TASK_QUEUE, RECORDER_URL');
  const dataConverter = dataConverterFor(loadEncryption(process.env));
  Runtime.install({ logger: new DefaultLogger('WARN') });
  // Compressed or not as the real worker's connection (WORKER_GRPC_COMPRESSION): the floor is the
  // same engine, configured alike.
  const grpcCompression = { codec: grpcCompressionOf(process.env) };
  const connection = await NativeConnection.connect({ address: TEMPORAL_ADDRESS, grpcCompression });
  try {
    const worker = await Worker.create({
      connection,
      taskQueue: TASK_QUEUE,
      workflowsPath: require.resolve('./baseline-workflow'),
      activities: createArrivalActivities(RECORDER_URL),
      dataConverter,
      maxCachedWorkflows: MAX_CACHED_WORKFLOWS,
    });
    console.log(`baseline worker polling ${TASK_QUEUE}`);
    await worker.run();
  } finally {
    await connection.close();
  }
}

main().catch((err: unknown) => {
  console.error(`baseline worker failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
