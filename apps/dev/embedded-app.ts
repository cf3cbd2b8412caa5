// `npm start` on the embedded database: the API and the worker in one process, sharing one PGlite
// (an embedded engine can be opened by one process only, and both need the customer preferences).
// With DATABASE_URL set, npm start runs them as separate processes instead, as production does.
import 'reflect-metadata';
import { loadConfig } from '../../config/env';
import { openStores } from '../../storage/send-ledger';
import { serveApi } from '../api/main';
import { runMain } from '../shared/run-main';
import { runWorker } from '../worker/run-worker';
import { installWorkerRuntime } from '../worker/runtime';

async function main(): Promise<void> {
  const config = loadConfig();
  installWorkerRuntime(config.metrics.workerAddress); // before any connection
  const stores = await openStores({ databaseUrl: undefined, dataDir: config.dataDir, reconcileFacts: true });
  try {
    const api = await serveApi(config, stores);
    try {
      await runWorker(config, stores); // until SIGINT/SIGTERM (the worker runtime's signals), drained
    } finally {
      await api.close();
    }
  } finally {
    await stores.close();
  }
}

runMain(main);
