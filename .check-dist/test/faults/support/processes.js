Object.defineProperty(exports, '__esModule', { value: true });
exports.WorkerProcess = exports.DevServer = exports.pause = exports.HOST = void 0;
exports.freePort = freePort;
exports.makeTempDir = makeTempDir;
// Real processes for the fault tests: a Temporal dev server on a SQLite file that can be stopped and
// started again on the same file and ports, and worker processes (the production entry point,
// `apps/worker/main.js`) that can be killed. Everything binds to 127.0.0.1.
const node_child_process_1 = require('node:child_process');
const node_events_1 = require('node:events');
const promises_1 = require('node:fs/promises');
const node_net_1 = require('node:net');
const node_os_1 = require('node:os');
const node_path_1 = require('node:path');
const dev_server_1 = require('../../../apps/dev/dev-server');
const links_1 = require('../../support/links');
const payload_keys_1 = require('../../support/payload-keys');
exports.HOST = '127.0.0.1';
/** The compiled worker entry point next to this compiled file (dist/apps/worker/main.js). */
const WORKER_MAIN = (0, node_path_1.join)(__dirname, '..', '..', '..', 'apps', 'worker', 'main.js');
// Bundling the workflows with webpack at start-up takes a few seconds on a busy machine.
const WORKER_READY_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 40_000;
const LOG_LINES_KEPT = 400;
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
exports.pause = pause;
/** A port nothing listens on right now (the OS picks it). */
async function freePort() {
  const server = (0, node_net_1.createServer)();
  server.listen(0, exports.HOST);
  await (0, node_events_1.once)(server, 'listening');
  const address = server.address();
  await new Promise((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}
async function makeTempDir(prefix) {
  const path = await (0, promises_1.mkdtemp)((0, node_path_1.join)((0, node_os_1.tmpdir)(), `${prefix}-`));
  return { path, remove: () => (0, promises_1.rm)(path, { recursive: true, force: true }) };
}
/** Keeps the last lines a process printed, to explain a failure. */
class LogTail {
  name;
  lines = [];
  constructor(name) {
    this.name = name;
  }
  add(text) {
    for (const line of text.split('\n')) {
      if (line.trim() === '') continue;
      this.lines.push(`[${this.name}] ${line}`);
      if (this.lines.length > LOG_LINES_KEPT) this.lines.shift();
    }
  }
  toString() {
    return this.lines.join('\n');
  }
}
function exited(child) {
  return child.exitCode !== null || child.signalCode !== null;
}
/** Sends `signal`, waits for the exit; SIGKILL if it does not come in time. */
async function stopProcess(child, signal) {
  if (exited(child)) return;
  const gone = (0, node_events_1.once)(child, 'exit');
  child.kill(signal);
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  try {
    await gone;
  } finally {
    clearTimeout(timer);
  }
}
const START_ATTEMPTS = 3;
/** `temporal server start-dev` with its data in `dataDir/temporal.sqlite`, restartable on the same file and ports. */
class DevServer {
  dataDir;
  port;
  uiPort;
  child;
  log = new LogTail('temporal');
  constructor(dataDir, port, uiPort) {
    this.dataDir = dataDir;
    this.port = port;
    this.uiPort = uiPort;
  }
  get address() {
    return `${exports.HOST}:${this.port}`;
  }
  static async start(dataDir) {
    const server = new DevServer(dataDir, await freePort(), await freePort());
    await server.startAgain();
    return server;
  }
  async startAgain() {
    if (this.child && !exited(this.child)) throw new Error('the dev server is still running');
    // On the same ports as before: a port the server derives from them (its HTTP API) can be held
    // for a moment by another process on a busy machine, so a failed start is tried again.
    for (let attempt = 1; ; attempt++) {
      try {
        this.child = await (0, dev_server_1.startDevServer)(
          { dataDir: this.dataDir, host: exports.HOST, port: this.port, uiPort: this.uiPort, namespace: 'default' },
          (line) => this.log.add(line),
        );
        return;
      } catch (err) {
        if (attempt >= START_ATTEMPTS) throw err;
        this.log.add(`start attempt ${attempt} failed (${String(err)}); trying again`);
        await new Promise((r) => setTimeout(r, 2_000));
      }
    }
  }
  /** SIGTERM: the server shuts down in order; its SQLite file keeps every workflow. */
  async stop(signal = 'SIGTERM') {
    if (this.child) await stopProcess(this.child, signal);
  }
}
exports.DevServer = DevServer;
/** The production worker (`node dist/apps/worker/main.js`) as a child process. */
class WorkerProcess {
  child;
  name;
  log;
  constructor(child, name) {
    this.child = child;
    this.name = name;
    this.log = new LogTail(name);
  }
  get pid() {
    return this.child.pid;
  }
  get running() {
    return !exited(this.child);
  }
  /** Starts the worker and waits until it polls its task queue. */
  static async start(env, name = 'worker') {
    const child = (0, node_child_process_1.spawn)(process.execPath, [WORKER_MAIN], {
      // Only what the worker needs: no AWS credentials, DATABASE_URL or Temporal profile leak in.
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        TEMPORAL_ADDRESS: env.temporalAddress,
        TEMPORAL_NAMESPACE: 'default',
        TASK_QUEUE: env.taskQueue,
        SES_ENDPOINT: env.sesEndpoint,
        AWS_REGION: 'us-east-1',
        DATA_DIR: env.dataDir,
        PUBLIC_API_URL: env.publicApiUrl,
        LINK_SIGNING_SECRET: links_1.TEST_LINK_SECRET,
        // Several workers run at once here: no metrics endpoint to fight over.
        WORKER_METRICS_ADDRESS: '',
        PAYLOAD_ENCRYPTION_KEYS: payload_keys_1.TEST_PAYLOAD_KEYS,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const worker = new WorkerProcess(child, name);
    const ready = new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`${name} not polling after ${WORKER_READY_TIMEOUT_MS} ms\n${worker.log}`)),
        WORKER_READY_TIMEOUT_MS,
      );
      const onData = (data) => {
        const text = data.toString();
        worker.log.add(text);
        if (text.includes('worker polling task queue')) {
          clearTimeout(timer);
          resolve();
        }
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', (data) => worker.log.add(data.toString()));
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`${name} exited before polling (code ${code}, signal ${signal})\n${worker.log}`));
      });
    });
    try {
      await ready;
    } catch (err) {
      await stopProcess(child, 'SIGKILL');
      throw err;
    }
    return worker;
  }
  /** SIGKILL: no drain, no ledger close, nothing reported to Temporal. */
  async kill() {
    await stopProcess(this.child, 'SIGKILL');
  }
  /** SIGTERM: the worker drains in-flight tasks and closes the ledger. */
  async stop() {
    await stopProcess(this.child, 'SIGTERM');
  }
}
exports.WorkerProcess = WorkerProcess;
//# sourceMappingURL=processes.js.map
