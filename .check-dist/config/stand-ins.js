Object.defineProperty(exports, '__esModule', { value: true });
exports.LOCAL_PUSH_STATE_FILE =
  exports.DEFAULT_LOCAL_PUSH_PORT =
  exports.DEFAULT_LOCAL_SNS_PORT =
  exports.DEFAULT_LOCAL_SES_PORT =
    void 0;
exports.loadLocalSesConfig = loadLocalSesConfig;
exports.loadLocalSnsConfig = loadLocalSnsConfig;
exports.loadLocalPushConfig = loadLocalPushConfig;
// The settings of the local stand-ins for outside services (stand-ins/: SES, SNS, web push), which
// `npm start` runs and `npm run start:local-*` runs alone. Development only: the product's
// processes never read these.
const node_path_1 = require('node:path');
const parsers_1 = require('./parsers');
exports.DEFAULT_LOCAL_SES_PORT = 8005;
exports.DEFAULT_LOCAL_SNS_PORT = 8006;
exports.DEFAULT_LOCAL_PUSH_PORT = 8007;
/** The local push service's test subscriptions, in the data directory. */
exports.LOCAL_PUSH_STATE_FILE = 'local-push-subscriptions.json';
function loadLocalSesConfig(env = process.env) {
  return { port: (0, parsers_1.port)(env, 'SES_PORT', exports.DEFAULT_LOCAL_SES_PORT) };
}
function loadLocalSnsConfig(env = process.env) {
  return {
    port: (0, parsers_1.port)(env, 'SNS_PORT', exports.DEFAULT_LOCAL_SNS_PORT),
    invalidNumbers: (0, parsers_1.commaList)(env.LOCAL_SNS_INVALID_NUMBERS),
    optedOutNumbers: (0, parsers_1.commaList)(env.LOCAL_SNS_OPTED_OUT_NUMBERS),
  };
}
function loadLocalPushConfig(env = process.env) {
  return {
    port: (0, parsers_1.port)(env, 'PUSH_PORT', exports.DEFAULT_LOCAL_PUSH_PORT),
    stateFile: env.DATA_DIR ? (0, node_path_1.join)(env.DATA_DIR, exports.LOCAL_PUSH_STATE_FILE) : undefined,
  };
}
//# sourceMappingURL=stand-ins.js.map
