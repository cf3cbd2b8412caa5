var __importDefault = (this && this.__importDefault) || ((mod) => (mod && mod.__esModule ? mod : { default: mod }));
Object.defineProperty(exports, '__esModule', { value: true });
exports.DEFAULT_LOCAL_SES_PORT = void 0;
exports.startLocalSesServer = startLocalSesServer;
const aws_ses_v2_local_1 = __importDefault(require('aws-ses-v2-local'));
const stand_ins_1 = require('../../config/stand-ins');
Object.defineProperty(exports, 'DEFAULT_LOCAL_SES_PORT', {
  enumerable: true,
  get: () => stand_ins_1.DEFAULT_LOCAL_SES_PORT,
});
const run_stand_in_1 = require('../run-stand-in');
const raw_message_recorder_1 = require('./raw-message-recorder');
async function startLocalSesServer(host = '127.0.0.1', port = stand_ins_1.DEFAULT_LOCAL_SES_PORT) {
  const inbox = await (0, aws_ses_v2_local_1.default)({ host: '127.0.0.1', port: 0 });
  const front = await (0, raw_message_recorder_1.startRawMessageRecorder)(
    host,
    port,
    (0, raw_message_recorder_1.portOf)(inbox),
  ).catch(async (err) => {
    inbox.close();
    throw err;
  });
  // Closing the public server closes the inbox behind it.
  front.once('close', () => inbox.close());
  return front;
}
if (require.main === module) {
  (0, run_stand_in_1.runStandIn)('local SES inbox', async () => {
    const { port } = (0, stand_ins_1.loadLocalSesConfig)(process.env);
    const server = await startLocalSesServer('127.0.0.1', port);
    return {
      url: `http://127.0.0.1:${port}`,
      close: () => new Promise((resolve) => server.close(() => resolve())),
    };
  });
}
//# sourceMappingURL=main.js.map
