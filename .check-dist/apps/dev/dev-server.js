Object.defineProperty(exports, '__esModule', { value: true });
exports.SQLITE_FILE_ARGS = void 0;
exports.startDevServer = startDevServer;
// The embedded Temporal server for `npm start`: the official CLI's dev server, its SQLite data in
// a file (so sleeping checkouts survive a restart) and our search attributes registered at start.
const node_child_process_1 = require('node:child_process');
const node_fs_1 = require('node:fs');
const node_path_1 = require('node:path');
const client_1 = require('@temporalio/client');
const search_attributes_1 = require('../../common/search-attributes');
const temporal_binaries_1 = require('../../scripts/temporal-binaries');
// The dev server needs a few seconds to open SQLite and its ports; 30 s covers a cold disk.
const READY_TIMEOUT_MS = 30_000;
/** WAL keeps file persistence fast (Temporal's own stress tests use it). */
exports.SQLITE_FILE_ARGS = ['--sqlite-pragma', 'journal_mode=WAL', '--sqlite-pragma', 'synchronous=NORMAL'];
async function startDevServer(options, log) {
  (0, node_fs_1.mkdirSync)(options.dataDir, { recursive: true });
  const args = [
    'server',
    'start-dev',
    '--ip',
    options.host,
    '--port',
    String(options.port),
    '--ui-port',
    String(options.uiPort),
    '--namespace',
    options.namespace,
    '--db-filename',
    (0, node_path_1.join)(options.dataDir, 'temporal.sqlite'),
    ...exports.SQLITE_FILE_ARGS,
    '--log-level',
    'error',
    ...(options.uiCodecEndpoint ? ['--ui-codec-endpoint', options.uiCodecEndpoint] : []),
    ...Object.entries(search_attributes_1.SEARCH_ATTRIBUTES).flatMap(([name, type]) => [
      '--search-attribute',
      `${name}=${type}`,
    ]),
  ];
  const child = (0, node_child_process_1.spawn)((0, temporal_binaries_1.temporalCliPath)(), args, {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d) => log(d.toString().trimEnd()));
  child.stderr?.on('data', (d) => log(d.toString().trimEnd()));
  await waitUntilServing(`${options.host}:${options.port}`, child);
  return child;
}
async function waitUntilServing(address, child) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let lastError;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`temporal dev server exited with code ${child.exitCode}`);
    try {
      const connection = await client_1.Connection.connect({ address, connectTimeout: 1_000 });
      await connection.workflowService.getSystemInfo({});
      await connection.close();
      return;
    } catch (err) {
      lastError = err;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  child.kill('SIGTERM');
  throw new Error(`temporal dev server not ready at ${address} after ${READY_TIMEOUT_MS} ms: ${String(lastError)}`);
}
//# sourceMappingURL=dev-server.js.map
