// The one-shot setup a production deployment runs as a job before (or beside) rolling out workers:
// applies the ledger's migrations, refreshes the analytics of the checkouts written without their
// upkeep (the migration window's backlog, storage/checkout-reconcile.ts) and registers the search
// attributes, then exits 0. The workers then run with WORKER_SETUP_AT_BOOT=false and only check that the schema is current.
//   node dist/apps/worker/setup.js     (npm run setup)
import { Connection } from '@temporalio/client';
import { checkDatabase } from '../../config/database-policy';
import { loadConfig } from '../../config/env';
import { registerSearchAttributes } from '../../config/search-attributes-registration';
import { temporalTarget } from '../../config/temporal';
import { openStores } from '../../storage/send-ledger';
import { runMain } from '../shared/run-main';

async function main(): Promise<void> {
  const config = loadConfig();
  checkDatabase(config);
  const stores = await openStores({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    // The checkouts old pods wrote to without the analytics upkeep (docs/analytics.md, "Upkeep").
    reconcileFacts: ({ windows, checkouts }) =>
      windows > 0 && console.log(`analytics reconciled: ${checkouts} checkouts of ${windows} backlog window(s)`),
  });
  await stores.close();
  console.log('ledger migrations applied');
  const target = temporalTarget(config);
  const connection = await Connection.connect(target.connectionOptions);
  try {
    let refused = false; // Temporal Cloud refuses the call: there they are created with tcld, once
    await registerSearchAttributes(connection, target.namespace, (message) => {
      refused = true;
      console.warn(message);
    });
    if (!refused) console.log(`search attributes registered in namespace ${target.namespace}`);
  } finally {
    await connection.close();
  }
}

runMain(main, 'setup');
