Object.defineProperty(exports, '__esModule', { value: true });
exports.liveReport = liveReport;
exports.readyReport = readyReport;
exports.startWorkerHealthServer = startWorkerHealthServer;
// The worker's health endpoint on a port of its own (WORKER_HEALTH_ADDRESS), for the orchestrator:
//   GET /health/live   200 unless the worker failed; a draining worker is alive (killing it would cut
//                      its in-flight sends short), so is one still starting
//   GET /health/ready  200 while the worker polls (Worker.getState() RUNNING) and the database answers
const node_events_1 = require('node:events');
const node_http_1 = require('node:http');
const with_timeout_1 = require('../shared/with-timeout');
// Above a healthy round trip, below the kubelet's default probe timeout (1 s) times its retries.
const DATABASE_PING_TIMEOUT_MS = 2_000;
function databaseUp(ping) {
  return (0, with_timeout_1.withTimeout)(ping(), DATABASE_PING_TIMEOUT_MS).then(
    () => true,
    () => false,
  );
}
async function liveReport(sources) {
  const worker = sources.state() ?? 'STARTING';
  return { status: worker === 'FAILED' ? 'down' : 'ok', worker };
}
async function readyReport(sources) {
  const worker = sources.state() ?? 'STARTING';
  const database = (await databaseUp(() => sources.pingDatabase())) ? 'up' : 'down';
  return { status: worker === 'RUNNING' && database === 'up' ? 'ok' : 'down', worker, database };
}
/** Listening when it resolves; an address that cannot be bound rejects, naming WORKER_HEALTH_ADDRESS. */
async function startWorkerHealthServer(address, sources) {
  const server = (0, node_http_1.createServer)((req, res) => {
    const path = (req.url ?? '').split('?')[0];
    const report =
      req.method !== 'GET'
        ? undefined
        : path === '/health/live'
          ? liveReport
          : path === '/health/ready'
            ? readyReport
            : undefined;
    if (!report) {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"status":"not found"}');
      return;
    }
    report(sources).then(
      (body) => {
        res
          .writeHead(body.status === 'ok' ? 200 : 503, { 'content-type': 'application/json' })
          .end(JSON.stringify(body));
      },
      () => res.writeHead(500).end(),
    );
  });
  const separator = address.lastIndexOf(':');
  const host = address.slice(0, separator).replace(/^\[(.*)\]$/, '$1');
  server.listen(Number(address.slice(separator + 1)), host);
  try {
    await Promise.race([
      (0, node_events_1.once)(server, 'listening'),
      (0, node_events_1.once)(server, 'error').then(([err]) => Promise.reject(err)),
    ]);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new Error(
      `cannot serve worker health on ${address} (WORKER_HEALTH_ADDRESS; empty switches it off): ${reason}`,
    );
  }
  const { port } = server.address();
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${port}`,
    close: async () => {
      server.closeAllConnections();
      server.close();
      await (0, node_events_1.once)(server, 'close');
    },
  };
}
//# sourceMappingURL=health-server.js.map
