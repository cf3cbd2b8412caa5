// The worker process: opens the ledger's database (sends, frequency cap, preferences), then serves
// the checkout-recovery workflow and its activities until SIGINT/SIGTERM (run-worker.ts).
Object.defineProperty(exports, '__esModule', { value: true });
const database_policy_1 = require('../../config/database-policy');
const env_1 = require('../../config/env');
const send_ledger_1 = require('../../storage/send-ledger');
const process_log_1 = require('../shared/process-log');
const run_main_1 = require('../shared/run-main');
const run_worker_1 = require('./run-worker');
const runtime_1 = require('./runtime');
async function main() {
  const config = (0, env_1.loadConfig)();
  (0, database_policy_1.checkDatabase)(config); // before the runtime or a connection: a refused start names the setting
  const logger = (0, process_log_1.sdkLogger)(config.logFormat); // JSON lines with the SDK's correlation fields
  (0, runtime_1.installWorkerRuntime)(config.metrics.workerAddress, logger ? { logger } : {}); // before any connection
  const stores = await (0, send_ledger_1.openStores)({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    // Without the setup at boot, the setup job (setup.ts) migrates; this worker only checks it did.
    migrations: config.worker.setupAtBoot ? 'apply' : 'check',
  });
  try {
    await (0, run_worker_1.runWorker)(config, stores);
  } finally {
    await stores.close();
  }
}
(0, run_main_1.runMain)(main, 'worker');
//# sourceMappingURL=main.js.map
