// The settings the SES and SNS clients share. The SDK's own retries are off: Temporal's retry
// policy owns them, so every attempt is visible in the workflow's history and the UI.
Object.defineProperty(exports, '__esModule', { value: true });
exports.awsClientSettings = awsClientSettings;
// Connecting to SES or SNS takes milliseconds; 5 s means the network is gone.
const CONNECT_TIMEOUT_MS = 5_000;
// Below the send activities' 30 s attempt timeout, so an attempt ends on its own (and releases its
// ledger claim) before Temporal gives up on it and starts the next one.
const REQUEST_TIMEOUT_MS = 20_000;
function awsClientSettings(config, options = {}) {
  const env = options.env ?? process.env;
  const settings = {
    region: config.region,
    maxAttempts: 1,
    requestHandler: {
      connectionTimeout: CONNECT_TIMEOUT_MS,
      requestTimeout: options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS,
      // Without it the SDK only logs a warning and keeps waiting.
      throwOnRequestTimeout: true,
    },
  };
  if (config.endpoint) {
    settings.endpoint = config.endpoint;
    // A local service only wants a signed request, any key will do; real keys in the env still win.
    if (!env.AWS_ACCESS_KEY_ID && !env.AWS_PROFILE) {
      settings.credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
    }
  }
  return settings;
}
//# sourceMappingURL=aws-client.js.map
