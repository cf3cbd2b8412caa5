Object.defineProperty(exports, '__esModule', { value: true });
// The bench worker for the order-races baseline workflow, as its own process like the real worker:
// the same cache bound, a bundle made at start-up. Env: TEMPORAL_ADDRESS, TASK_QUEUE, RECORDER_URL.
const worker_1 = require('@temporalio/worker');
const data_converter_1 = require('../../config/encryption/data-converter');
const env_1 = require('../../config/env');
const baseline_activities_1 = require('../lateness/baseline-activities');
// The same bound as apps/worker/create-worker.ts, so both workers cache alike.
const MAX_CACHED_WORKFLOWS = 1_000;
async function main() {
  const { TEMPORAL_ADDRESS, TASK_QUEUE, RECORDER_URL } = process.env;
  if (!TEMPORAL_ADDRESS || !TASK_QUEUE || !RECORDER_URL) throw new Error('TEMPORAL_ADDRESS, TASK_QUEUE, RECORDER_URL');
  worker_1.Runtime.install({ logger: new worker_1.DefaultLogger('WARN') });
  // The stack's client encrypts (PAYLOAD_ENCRYPTION_KEYS from the stack), so this worker must decode.
  const dataConverter = (0, data_converter_1.dataConverterFor)((0, env_1.loadEncryption)(process.env));
  const connection = await worker_1.NativeConnection.connect({ address: TEMPORAL_ADDRESS });
  try {
    const worker = await worker_1.Worker.create({
      connection,
      taskQueue: TASK_QUEUE,
      dataConverter,
      workflowsPath: require.resolve('./baseline-workflow'),
      activities: (0, baseline_activities_1.createArrivalActivities)(RECORDER_URL),
      maxCachedWorkflows: MAX_CACHED_WORKFLOWS,
    });
    console.log(`races baseline worker polling ${TASK_QUEUE}`);
    await worker.run();
  } finally {
    await connection.close();
  }
}
main().catch((err) => {
  console.error(`races baseline worker failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
//# sourceMappingURL=baseline-worker.js.map
