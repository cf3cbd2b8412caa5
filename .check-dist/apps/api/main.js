Object.defineProperty(exports, '__esModule', { value: true });
exports.serveApi = serveApi;
// The API process: connect to Temporal (and, with DATABASE_URL, the customer preference store),
// serve HTTP, and on SIGINT/SIGTERM close them all.
require('reflect-metadata');
const common_1 = require('@nestjs/common');
const api_edge_1 = require('../../config/api-edge');
const database_policy_1 = require('../../config/database-policy');
const data_converter_1 = require('../../config/encryption/data-converter');
const env_1 = require('../../config/env');
const temporal_1 = require('../../config/temporal');
const send_ledger_1 = require('../../storage/send-ledger');
const create_api_app_1 = require('./create-api-app');
const metrics_server_1 = require('./metrics/metrics-server');
const openapi_1 = require('./openapi');
/**
 * Listening when it resolves; the caller closes the app. `ownsStores`: the app closes `stores` when
 * it closes (the API process); npm start's embedded stack shares them with its worker, which outlives the API.
 */
async function serveApi(config, stores, ownsStores = false) {
  const client = await (0, temporal_1.connectClient)(config);
  try {
    const app = await (0, create_api_app_1.createApiApp)(config, client, {
      closeClientOnShutdown: true,
      // LOG_FORMAT=json: one object per line (Nest 11's JSON console logger), the default in production.
      ...(config.logFormat === 'json' && { logger: new common_1.ConsoleLogger({ json: true }) }),
      ...(stores && {
        preferences: stores.preferences,
        stops: stores.stops,
        events: stores.events,
        analytics: stores.analytics,
      }),
      ...(stores && ownsStores && { closeStores: () => stores.close() }),
    });
    await app.listen(config.api.port, config.api.host);
    const logger = new common_1.Logger('Main');
    logger.log(
      `checkout-recovery API on ${config.api.publicUrl} (docs: ${config.api.publicUrl}/${openapi_1.DOCS_PATH})`,
    );
    const metricsUrl = app.get(metrics_server_1.MetricsServer).url;
    if (metricsUrl) logger.log(`API metrics on ${metricsUrl}`);
    if (!config.api.apiKey)
      logger.warn(`API_KEY is not set${config.api.authOff ? ' (API_AUTH=off)' : ''}: every route is open`);
    if (!stores) {
      logger.warn(
        'DATABASE_URL is not set: customer preferences answer 503 and an unsubscribe stops only running checkouts ' +
          '(npm start runs the API beside the worker on the embedded database instead)',
      );
    }
    if (config.encryption.enabled) logger.log((0, data_converter_1.describeEncryption)(config.encryption));
    else logger.warn((0, data_converter_1.describeEncryption)(config.encryption));
    return app;
  } catch (err) {
    await client.connection.close(); // the app never took ownership of it
    throw err;
  }
}
async function main() {
  const config = (0, env_1.loadConfig)();
  (0, api_edge_1.checkApiEdge)(config); // before any connection: a refused start names the setting, not a far server
  (0, database_policy_1.checkDatabase)(config);
  // The embedded engine belongs to the worker's process; only a real server is shared.
  const stores = config.databaseUrl
    ? await (0, send_ledger_1.openStores)({ databaseUrl: config.databaseUrl })
    : undefined;
  const app = await serveApi(config, stores, true);
  // On SIGINT/SIGTERM Nest closes the app (its requests, the Temporal connection, the store's pool).
  app.enableShutdownHooks();
}
if (require.main === module) {
  main().catch((err) => {
    console.error(err instanceof env_1.ConfigError ? `Configuration error: ${err.message}` : err);
    process.exit(1);
  });
}
//# sourceMappingURL=main.js.map
