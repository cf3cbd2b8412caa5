Object.defineProperty(exports, '__esModule', { value: true });
// `npm start` on the embedded database: the API and the worker in one process, sharing one PGlite
// (an embedded engine can be opened by one process only, and both need the customer preferences).
// With DATABASE_URL set, npm start runs them as separate processes instead, as production does.
require('reflect-metadata');
const env_1 = require('../../config/env');
const send_ledger_1 = require('../../storage/send-ledger');
const main_1 = require('../api/main');
const run_main_1 = require('../shared/run-main');
const run_worker_1 = require('../worker/run-worker');
const runtime_1 = require('../worker/runtime');
async function main() {
  const config = (0, env_1.loadConfig)();
  (0, runtime_1.installWorkerRuntime)(config.metrics.workerAddress); // before any connection
  const stores = await (0, send_ledger_1.openStores)({ databaseUrl: undefined, dataDir: config.dataDir });
  try {
    const api = await (0, main_1.serveApi)(config, stores);
    try {
      await (0, run_worker_1.runWorker)(config, stores); // until SIGINT/SIGTERM (the worker runtime's signals), drained
    } finally {
      await api.close();
    }
  } finally {
    await stores.close();
  }
}
(0, run_main_1.runMain)(main);
//# sourceMappingURL=embedded-app.js.map
