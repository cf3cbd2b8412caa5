Object.defineProperty(exports, '__esModule', { value: true });
// The one-shot setup a production deployment runs as a job before (or beside) rolling out workers:
// applies the ledger's migrations and registers the search attributes, then exits 0. The workers
// then run with WORKER_SETUP_AT_BOOT=false and only check that the schema is current.
//   node dist/apps/worker/setup.js     (npm run setup)
const client_1 = require('@temporalio/client');
const database_policy_1 = require('../../config/database-policy');
const env_1 = require('../../config/env');
const search_attributes_registration_1 = require('../../config/search-attributes-registration');
const temporal_1 = require('../../config/temporal');
const send_ledger_1 = require('../../storage/send-ledger');
const run_main_1 = require('../shared/run-main');
async function main() {
  const config = (0, env_1.loadConfig)();
  (0, database_policy_1.checkDatabase)(config);
  const stores = await (0, send_ledger_1.openStores)({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await stores.close();
  console.log('ledger migrations applied');
  const target = (0, temporal_1.temporalTarget)(config);
  const connection = await client_1.Connection.connect(target.connectionOptions);
  try {
    let refused = false; // Temporal Cloud refuses the call: there they are created with tcld, once
    await (0, search_attributes_registration_1.registerSearchAttributes)(connection, target.namespace, (message) => {
      refused = true;
      console.warn(message);
    });
    if (!refused) console.log(`search attributes registered in namespace ${target.namespace}`);
  } finally {
    await connection.close();
  }
}
(0, run_main_1.runMain)(main, 'setup');
//# sourceMappingURL=setup.js.map
