// The worker process: opens the ledger's database (sends, frequency cap, preferences), then serves
// the checkout-recovery workflow and its activities until SIGINT/SIGTERM (run-worker.ts).

import { prepareTemplates } from '../../activities/templates/prepare';
import { checkDatabase } from '../../config/database-policy';
import { loadConfig } from '../../config/env';
import { openStores } from '../../storage/send-ledger';
import { sdkLogger } from '../shared/process-log';
import { runMain } from '../shared/run-main';
import { runWorker } from './run-worker';
import { installWorkerRuntime } from './runtime';

async function main(): Promise<void> {
  const config = loadConfig();
  checkDatabase(config); // before the runtime or a connection: a refused start names the setting
  await prepareTemplates(config); // a broken override stops the start here, naming file and key
  const logger = sdkLogger(config.logFormat); // JSON lines with the SDK's correlation fields
  installWorkerRuntime(config.metrics.workerAddress, logger ? { logger } : {}); // before any connection
  const stores = await openStores({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    // Without the setup at boot, the setup job (setup.ts) migrates; this worker only checks it did.
    migrations: config.worker.setupAtBoot ? 'apply' : 'check',
    // As the setup job: the analytics of checkouts written without their upkeep (the migration window).
    reconcileFacts: config.worker.setupAtBoot,
  });
  try {
    await runWorker(config, stores);
  } finally {
    await stores.close();
  }
}

runMain(main, 'worker');
