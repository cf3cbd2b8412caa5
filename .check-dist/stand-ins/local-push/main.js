Object.defineProperty(exports, '__esModule', { value: true });
exports.startLocalPushServer = exports.DEFAULT_LOCAL_PUSH_PORT = void 0;
// `npm run start:local-push` (or part of `npm start`): the local push service with its viewer at /.
const stand_ins_1 = require('../../config/stand-ins');
const run_stand_in_1 = require('../run-stand-in');
const push_service_1 = require('./push-service');
var push_service_2 = require('./push-service');
Object.defineProperty(exports, 'DEFAULT_LOCAL_PUSH_PORT', {
  enumerable: true,
  get: () => push_service_2.DEFAULT_LOCAL_PUSH_PORT,
});
Object.defineProperty(exports, 'startLocalPushServer', {
  enumerable: true,
  get: () => push_service_2.startLocalPushServer,
});
if (require.main === module) {
  // PUSH_PORT; DATA_DIR: keep test subscriptions across restarts, as `npm start` does.
  (0, run_stand_in_1.runStandIn)('local push service', async () => {
    const { port, stateFile } = (0, stand_ins_1.loadLocalPushConfig)(process.env);
    return (0, push_service_1.startLocalPushServer)('127.0.0.1', port, { stateFile });
  });
}
//# sourceMappingURL=main.js.map
