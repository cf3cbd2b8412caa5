Object.defineProperty(exports, '__esModule', { value: true });
exports.startLocalSes = startLocalSes;
// The local SES inbox (aws-ses-v2-local) as its own process, as `npm run start:local-ses` runs it,
// so its MIME parsing never competes with the bench's own timing.
const node_path_1 = require('node:path');
const processes_1 = require('./processes');
const LOCAL_SES_MAIN = (0, node_path_1.join)(__dirname, '..', '..', 'stand-ins', 'local-ses', 'main.js');
async function startLocalSes() {
  const port = await (0, processes_1.freePort)();
  const child = await (0, processes_1.spawnNode)(
    'local SES',
    LOCAL_SES_MAIN,
    { ...process.env, SES_PORT: String(port) },
    (out) => out.includes('local SES inbox on'),
  );
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    child,
    recipients: async () => {
      const { emails } = await (await fetch(`${url}/store`)).json();
      return emails.flatMap((e) => e.destination.to);
    },
  };
}
//# sourceMappingURL=local-ses.js.map
