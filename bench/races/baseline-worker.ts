// The bench worker for the order-races baseline workflow, as its own process like the real worker:
// the same cache bound, a bundle made at start-up. Env: TEMPORAL_ADDRESS, TASK_QUEUE, RECORDER_URL.
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { dataConverterFor } from '../../config/encryption/data-converter';
import { loadEncryption } from '../../config/env';
import { grpcCompressionOf } from '../../config/worker-config';
import { createArrivalActivities } from '../lateness/baseline-activities';

// The same bound as apps/worker/create-worker.ts, so both workers cache alike.
const MAX_CACHED_WORKFLOWS = 1_000;

async function main(): Promise<void> {
  const { TEMPORAL_ADDRESS, TASK_QUEUE, RECORDER_URL } = process.env;
  if (!TEMPORAL_ADDRESS || !TASK_QUEUE || !RECORDER_URL) throw new Error('TEMPORAL_ADDRESS, TASK_QUEUE, RECORDER_URL');
  Runtime.install({ logger: new DefaultLogger('WARN') });
  // The stack's client encrypts (PAYLOAD_ENCRYPTION_KEYS from the stack), so this worker must decode.
  const dataConverter = dataConverterFor(loadEncryption(process.env));
  // Compressed or not as the real worker's connection (WORKER_GRPC_COMPRESSION), as the lateness floor's.
  const grpcCompression = { codec: grpcCompressionOf(process.env) };
  const connection = await NativeConnection.connect({ address: TEMPORAL_ADDRESS, grpcCompression });
  try {
    const worker = await Worker.create({
      connection,
      taskQueue: TASK_QUEUE,
      dataConverter,
      workflowsPath: require.resolve('./baseline-workflow'),
      activities: createArrivalActivities(RECORDER_URL),
      maxCachedWorkflows: MAX_CACHED_WORKFLOWS,
    });
    console.log(`races baseline worker polling ${TASK_QUEUE}`);
    await worker.run();
  } finally {
    await connection.close();
  }
}

main().catch((err: unknown) => {
  console.error(`races baseline worker failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
