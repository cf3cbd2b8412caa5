Object.defineProperty(exports, '__esModule', { value: true });
exports.temporalTarget = temporalTarget;
exports.connectClient = connectClient;
// Connection settings the Temporal ecosystem's way (@temporalio/envconfig: TEMPORAL_ADDRESS,
// TEMPORAL_NAMESPACE, TEMPORAL_API_KEY, TEMPORAL_TLS*, temporal.toml profiles), with our defaults.
const client_1 = require('@temporalio/client');
const envconfig_1 = require('@temporalio/envconfig');
const data_converter_1 = require('./encryption/data-converter');
function temporalTarget(config) {
  const loaded = (0, envconfig_1.loadClientConnectConfig)();
  return {
    connectionOptions: {
      ...loaded.connectionOptions,
      address: loaded.connectionOptions.address ?? config.temporal.address,
    },
    namespace: loaded.namespace ?? config.temporal.namespace,
  };
}
/** A client for the API and tools, encrypting payloads; the caller owns `client.connection` and closes it. */
async function connectClient(config) {
  const target = temporalTarget(config);
  const connection = await client_1.Connection.connect(target.connectionOptions);
  return new client_1.Client({
    connection,
    namespace: target.namespace,
    dataConverter: (0, data_converter_1.dataConverterFor)(config.encryption),
  });
}
//# sourceMappingURL=temporal.js.map
