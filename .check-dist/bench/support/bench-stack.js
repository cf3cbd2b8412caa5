Object.defineProperty(exports, '__esModule', { value: true });
exports.BenchStack = exports.API_MAIN = exports.WORKER_MAIN = void 0;
const node_crypto_1 = require('node:crypto');
const node_fs_1 = require('node:fs');
const node_os_1 = require('node:os');
const node_path_1 = require('node:path');
const client_1 = require('@temporalio/client');
const pg_1 = require('pg');
const dev_server_1 = require('../../apps/dev/dev-server');
const data_converter_1 = require('../../config/encryption/data-converter');
const payload_keys_1 = require('../../config/encryption/payload-keys');
const env_1 = require('../../config/env');
const processes_1 = require('./processes');
const DIST = (0, node_path_1.join)(__dirname, '..', '..');
exports.WORKER_MAIN = (0, node_path_1.join)(DIST, 'apps', 'worker', 'main.js');
exports.API_MAIN = (0, node_path_1.join)(DIST, 'apps', 'api', 'main.js');
// The worker bundles the workflow code at start-up (no pre-built bundle after `npm run build`).
const WORKER_READY_TIMEOUT_MS = 120_000;
class BenchStack {
  dataDir;
  address;
  server;
  client;
  payloadKeys;
  encryption;
  databaseUrl;
  children = [];
  /** Signs the links of this run's emails: the worker and the API need the same one. */
  linkSecret = (0, node_crypto_1.randomBytes)(32).toString('base64url');
  constructor(
    dataDir,
    address,
    server,
    client,
    /** PAYLOAD_ENCRYPTION_KEYS of every process of this stack. */
    payloadKeys,
    encryption,
    /** BENCH_DATABASE_URL with a fresh schema: the ledger every process of this stack shares. */
    databaseUrl,
  ) {
    this.dataDir = dataDir;
    this.address = address;
    this.server = server;
    this.client = client;
    this.payloadKeys = payloadKeys;
    this.encryption = encryption;
    this.databaseUrl = databaseUrl;
  }
  static async start(label) {
    const dataDir = (0, node_fs_1.mkdtempSync)((0, node_path_1.join)((0, node_os_1.tmpdir)(), `bench-${label}-`));
    const [port, uiPort] = [await (0, processes_1.freePort)(), await (0, processes_1.freePort)()];
    const serverLog = [];
    const server = await (0, dev_server_1.startDevServer)(
      { dataDir, host: '127.0.0.1', port, uiPort, namespace: 'default' },
      (line) => serverLog.push(line),
    );
    (0, processes_1.killOnExit)(server);
    const address = `127.0.0.1:${port}`;
    const connection = await client_1.Connection.connect({ address });
    const payloadKeys = (0, payload_keys_1.generatePayloadKeyEntry)('bench');
    const encryption = (0, env_1.loadEncryption)({ PAYLOAD_ENCRYPTION_KEYS: payloadKeys });
    const client = new client_1.Client({
      connection,
      namespace: 'default',
      dataConverter: (0, data_converter_1.dataConverterFor)(encryption),
    });
    const databaseUrl = await freshSchema(label);
    return new BenchStack(dataDir, address, server, client, payloadKeys, encryption, databaseUrl);
  }
  get serverPid() {
    return this.server.pid ?? -1;
  }
  /** SQLite main file and WAL of the dev server. */
  dbBytes() {
    const size = (f) => {
      try {
        return (0, node_fs_1.statSync)((0, node_path_1.join)(this.dataDir, f)).size;
      } catch {
        return 0;
      }
    };
    const db = size('temporal.sqlite');
    const wal = size('temporal.sqlite-wal');
    return { db, wal, total: db + wal };
  }
  /**
   * BENCH_WORKERS (default 1) real worker processes on `taskQueue`. More than one must share a
   * ledger (BENCH_DATABASE_URL): each embedded one would be a process's own.
   */
  async startWorkers(taskQueue, sesEndpoint) {
    const count = Number(process.env.BENCH_WORKERS ?? '1');
    if (!Number.isInteger(count) || count < 1) throw new Error(`BENCH_WORKERS: "${process.env.BENCH_WORKERS}"`);
    if (count > 1 && !this.databaseUrl) throw new Error('BENCH_WORKERS > 1 needs BENCH_DATABASE_URL (a shared ledger)');
    const workers = [];
    for (let i = 0; i < count; i++) workers.push(await this.startWorker(taskQueue, sesEndpoint, `worker-${i + 1}`));
    return workers;
  }
  /** The real worker process (apps/worker/main.ts) on `taskQueue`, sending through `sesEndpoint`. */
  async startWorker(taskQueue, sesEndpoint, dir = 'worker') {
    const env = {
      ...this.baseEnv(taskQueue),
      SES_ENDPOINT: sesEndpoint,
      DATA_DIR: (0, node_path_1.join)(this.dataDir, dir),
      PUBLIC_API_URL: 'http://127.0.0.1:1',
    };
    const ready = (out) => out.includes('worker polling task queue');
    return this.track(
      await (0, processes_1.spawnNode)('worker', exports.WORKER_MAIN, env, ready, WORKER_READY_TIMEOUT_MS),
    );
  }
  /**
   * The real API process (apps/api/main.ts); resolves with its base URL once /health answers.
   * `extraEnv` sets its configuration beyond the defaults (e.g. ORDER_CONFIRMATION=off).
   */
  async startApi(taskQueue, extraEnv = {}) {
    const port = await (0, processes_1.freePort)();
    const url = `http://127.0.0.1:${port}`;
    const env = {
      ...this.baseEnv(taskQueue),
      // The bench drives one client at thousands of writes a minute on purpose.
      RATE_LIMIT_WRITES: 'off',
      ...extraEnv,
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_API_URL: url,
    };
    const ready = async () => {
      try {
        return (await fetch(`${url}/health`)).ok;
      } catch {
        return false;
      }
    };
    return { url, child: this.track(await (0, processes_1.spawnNode)('api', exports.API_MAIN, env, ready)) };
  }
  /** Any other node process of the bench (the baseline worker). */
  async spawn(name, script, env, ready) {
    return this.track(await (0, processes_1.spawnNode)(name, script, { ...this.baseEnv('unused'), ...env }, ready));
  }
  async stop() {
    for (const child of this.children.reverse()) await child.stop();
    await this.client.connection.close();
    await (0, processes_1.stopChild)(this.server);
    (0, node_fs_1.rmSync)(this.dataDir, { recursive: true, force: true });
  }
  baseEnv(taskQueue) {
    // Quiet hours off: a run at night must measure the engine, not the policy's 08:00 morning.
    const env = {
      ...process.env,
      TEMPORAL_ADDRESS: this.address,
      TASK_QUEUE: taskQueue,
      QUIET_HOURS: 'off',
      FREQUENCY_CAP: 'off',
      SUPERSEDE: 'off',
      // The Action counts are for plain reminders; an offer adds one (issuing its code).
      DISCOUNT_OFFERS: 'off',
      // Every checkout's reminders count: none held out.
      HOLDOUT_PERCENT: '0',
      LINK_SIGNING_SECRET: this.linkSecret,
      // No metrics or codec endpoints: their default ports may be taken by a developer's `npm start`.
      WORKER_METRICS_ADDRESS: '',
      API_METRICS_ADDRESS: '',
      CODEC_ADDRESS: '',
      PAYLOAD_ENCRYPTION_KEYS: this.payloadKeys,
      // The embedded ledger is each process's own; with BENCH_DATABASE_URL the API's stop records
      // and every worker's claims meet in one database, as in production.
      ...(this.databaseUrl ? { DATABASE_URL: this.databaseUrl } : { ALLOW_EMBEDDED_DATABASE: 'true' }),
    };
    delete env.PAYLOAD_ENCRYPTION;
    delete env.TEMPORAL_API_KEY; // never a real cluster's credentials
    delete env.API_KEY;
    delete env.NODE_ENV; // development: the bench measures the engine, not the edge's settings
    return env;
  }
  /** Stops `child` with the stack. */
  track(child) {
    this.children.push(child);
    return child;
  }
}
exports.BenchStack = BenchStack;
/**
 * BENCH_DATABASE_URL (e.g. the machine's PostgreSQL): a schema of its own for this stack, named in
 * the URL's search_path so every process's unqualified tables land there. Unset: embedded ledgers.
 */
async function freshSchema(label) {
  const base = process.env.BENCH_DATABASE_URL;
  if (!base) return undefined;
  const schema = `bench_${label}_${Date.now()}`.replace(/[^a-z0-9_]/g, '_');
  const pool = new pg_1.Pool({ connectionString: base, max: 1 });
  try {
    await pool.query(`CREATE SCHEMA ${schema}`);
  } finally {
    await pool.end();
  }
  const url = new URL(base);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return url.toString();
}
//# sourceMappingURL=bench-stack.js.map
