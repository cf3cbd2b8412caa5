Object.defineProperty(exports, '__esModule', { value: true });
exports.DEV_SMS_ALLOWED_COUNTRIES = exports.DEFAULT_TEMPORAL_UI_PORT = void 0;
exports.hasRealAwsCredentials = hasRealAwsCredentials;
exports.loadDevConfig = loadDevConfig;
exports.devAppDefaults = devAppDefaults;
exports.provideDevSecrets = provideDevSecrets;
// The settings of `npm start` itself (apps/dev/start.ts): which parts it runs embedded, on which
// ports, and the development defaults it gives the worker and the API. Read once, through the same
// parsers as the product's settings, before anything starts or is written.
const node_path_1 = require('node:path');
const dev_link_secret_1 = require('./dev-link-secret');
const parsers_1 = require('./parsers');
const project_paths_1 = require('./project-paths');
const stand_ins_1 = require('./stand-ins');
/** Where the Temporal UI of `temporal server start-dev` listens. */
exports.DEFAULT_TEMPORAL_UI_PORT = 8233;
/** Texts go to the local SNS: a few countries, so the README's +1 and +49 examples reach it. */
exports.DEV_SMS_ALLOWED_COUNTRIES = 'US,CA,GB,DE,AT,CH';
/** Credentials the AWS SDK would use: then mail and texts go to AWS, not to the local stand-ins. */
function hasRealAwsCredentials(env) {
  return Boolean(
    env.AWS_ACCESS_KEY_ID ||
      env.AWS_PROFILE ||
      env.AWS_WEB_IDENTITY_TOKEN_FILE ||
      env.AWS_CONTAINER_CREDENTIALS_FULL_URI,
  );
}
function loadDevConfig(env = process.env) {
  const dataDir = (0, project_paths_1.dataDirFrom)(env);
  const realAws = hasRealAwsCredentials(env);
  // Parsed whether or not they run: a malformed setting is refused either way.
  const localSes = (0, stand_ins_1.loadLocalSesConfig)(env);
  const localSns = (0, stand_ins_1.loadLocalSnsConfig)(env);
  return {
    dataDir,
    temporal: {
      embedded: !env.TEMPORAL_ADDRESS,
      uiPort: (0, parsers_1.port)(env, 'TEMPORAL_UI_PORT', exports.DEFAULT_TEMPORAL_UI_PORT),
    },
    localSes: !env.SES_ENDPOINT && !realAws ? localSes : undefined,
    localSns: !env.SNS_ENDPOINT && !realAws ? localSns : undefined,
    // Kept in the data directory always, so subscriptions made in its viewer survive a restart.
    localPush: {
      ...(0, stand_ins_1.loadLocalPushConfig)(env),
      stateFile: (0, node_path_1.join)(dataDir, stand_ins_1.LOCAL_PUSH_STATE_FILE),
    },
  };
}
/**
 * What npm start gives the worker and the API where the environment says nothing: development
 * settings the product itself never defaults to.
 */
function devAppDefaults(dev) {
  return {
    // The UI calls the codec endpoint from the browser, so its origin needs CORS.
    CODEC_CORS_ORIGINS: `http://localhost:${dev.temporal.uiPort},http://127.0.0.1:${dev.temporal.uiPort}`,
    // The local push service listens on loopback over http: development only (refused in production).
    PUSH_ALLOW_LOOPBACK: 'on',
    SMS_ALLOWED_COUNTRIES: exports.DEV_SMS_ALLOWED_COUNTRIES,
  };
}
/**
 * Sets LINK_SIGNING_SECRET and CUSTOMER_ID_SECRET for the worker and the API unless the environment
 * gave them: kept in the data directory, so links in emails sent before a restart still work after
 * it, and the legacy route's customer ids (and their stored preferences) stay the same.
 */
function provideDevSecrets(env, dataDir) {
  if (!env.LINK_SIGNING_SECRET) env.LINK_SIGNING_SECRET = (0, dev_link_secret_1.devLinkSecret)(dataDir);
  env.CUSTOMER_ID_SECRET ||= (0, dev_link_secret_1.devLinkSecret)(
    dataDir,
    dev_link_secret_1.DEV_CUSTOMER_ID_SECRET_FILE,
  );
}
//# sourceMappingURL=dev-stack.js.map
