// The real stack for one bench section, on fresh files: the CLI dev server with its SQLite file in
// WAL mode (apps/dev/dev-server.ts, as `npm start` runs it), the real worker and API processes
// (dist/apps/*/main.js), and a client for the bench itself. Everything stops in stop(). All of them
// encrypt payloads, as in production, with a key made for this stack.
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { Pool } from 'pg';
import { startDevServer } from '../../apps/dev/dev-server';
import { dataConverterFor } from '../../config/encryption/data-converter';
import { generatePayloadKeyEntry } from '../../config/encryption/payload-keys';
import { type EncryptionConfig, loadEncryption } from '../../config/env';
import type { Wrapper } from './callgrind';
import { freePort, killOnExit, type NodeChild, spawnNode, stopChild } from './processes';

const DIST = join(__dirname, '..', '..');
export const WORKER_MAIN = join(DIST, 'apps', 'worker', 'main.js');
export const API_MAIN = join(DIST, 'apps', 'api', 'main.js');
// The worker bundles the workflow code at start-up (no pre-built bundle after `npm run build`).
const WORKER_READY_TIMEOUT_MS = 120_000;
// Under callgrind a worker bundles and loads about ten times slower, even with counting off.
const WRAPPED_READY_TIMEOUT_MS = 900_000;

export interface DbBytes {
  db: number;
  wal: number;
  total: number;
}

export class BenchStack {
  private readonly children: NodeChild[] = [];
  /** Signs the links of this run's emails: the worker and the API need the same one. */
  readonly linkSecret = randomBytes(32).toString('base64url');

  private constructor(
    readonly dataDir: string,
    readonly address: string,
    readonly server: ChildProcess,
    readonly client: Client,
    /** PAYLOAD_ENCRYPTION_KEYS of every process of this stack. */
    readonly payloadKeys: string,
    readonly encryption: EncryptionConfig,
    /** BENCH_DATABASE_URL with a fresh schema: the ledger every process of this stack shares. */
    readonly databaseUrl: string | undefined,
  ) {}

  static async start(label: string): Promise<BenchStack> {
    const dataDir = mkdtempSync(join(tmpdir(), `bench-${label}-`));
    const [port, uiPort] = [await freePort(), await freePort()];
    const serverLog: string[] = [];
    const server = await startDevServer({ dataDir, host: '127.0.0.1', port, uiPort, namespace: 'default' }, (line) =>
      serverLog.push(line),
    );
    killOnExit(server);
    const address = `127.0.0.1:${port}`;
    const connection = await Connection.connect({ address });
    const payloadKeys = generatePayloadKeyEntry('bench');
    const encryption = loadEncryption({ PAYLOAD_ENCRYPTION_KEYS: payloadKeys });
    const client = new Client({ connection, namespace: 'default', dataConverter: dataConverterFor(encryption) });
    const databaseUrl = await freshSchema(label);
    return new BenchStack(dataDir, address, server, client, payloadKeys, encryption, databaseUrl);
  }

  get serverPid(): number {
    return this.server.pid ?? -1;
  }

  /** SQLite main file and WAL of the dev server. */
  dbBytes(): DbBytes {
    const size = (f: string) => {
      try {
        return statSync(join(this.dataDir, f)).size;
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
  async startWorkers(taskQueue: string, sesEndpoint: string): Promise<NodeChild[]> {
    const count = Number(process.env.BENCH_WORKERS ?? '1');
    if (!Number.isInteger(count) || count < 1) throw new Error(`BENCH_WORKERS: "${process.env.BENCH_WORKERS}"`);
    if (count > 1 && !this.databaseUrl) throw new Error('BENCH_WORKERS > 1 needs BENCH_DATABASE_URL (a shared ledger)');
    const workers: NodeChild[] = [];
    for (let i = 0; i < count; i++) workers.push(await this.startWorker(taskQueue, sesEndpoint, `worker-${i + 1}`));
    return workers;
  }

  /**
   * The real worker process (apps/worker/main.ts) on `taskQueue`, sending through `sesEndpoint`;
   * `wrapper`: under callgrind (bench/support/callgrind.ts), which starts it many times slower.
   */
  async startWorker(taskQueue: string, sesEndpoint: string, dir = 'worker', wrapper?: Wrapper): Promise<NodeChild> {
    const env = {
      ...this.baseEnv(taskQueue),
      SES_ENDPOINT: sesEndpoint,
      DATA_DIR: join(this.dataDir, dir),
      PUBLIC_API_URL: 'http://127.0.0.1:1',
    };
    const ready = (out: string) => out.includes('worker polling task queue');
    const timeoutMs = wrapper ? WRAPPED_READY_TIMEOUT_MS : WORKER_READY_TIMEOUT_MS;
    return this.track(await spawnNode('worker', WORKER_MAIN, env, ready, timeoutMs, wrapper));
  }

  /**
   * The real API process (apps/api/main.ts); resolves with its base URL once /health answers.
   * `extraEnv` sets its configuration beyond the defaults (e.g. ORDER_CONFIRMATION=off).
   */
  async startApi(taskQueue: string, extraEnv: NodeJS.ProcessEnv = {}): Promise<{ url: string; child: NodeChild }> {
    const port = await freePort();
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
    return { url, child: this.track(await spawnNode('api', API_MAIN, env, ready)) };
  }

  /** Any other node process of the bench (the baseline worker), `wrapper` as for startWorker. */
  async spawn(
    name: string,
    script: string,
    env: NodeJS.ProcessEnv,
    ready: (out: string) => boolean,
    wrapper?: Wrapper,
  ) {
    const timeoutMs = wrapper ? WRAPPED_READY_TIMEOUT_MS : undefined;
    return this.track(await spawnNode(name, script, { ...this.baseEnv('unused'), ...env }, ready, timeoutMs, wrapper));
  }

  async stop(): Promise<void> {
    for (const child of this.children.reverse()) await child.stop();
    await this.client.connection.close();
    await stopChild(this.server);
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  private baseEnv(taskQueue: string): NodeJS.ProcessEnv {
    // Quiet hours off: a run at night must measure the engine, not the policy's 08:00 morning.
    const env: NodeJS.ProcessEnv = {
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
  track(child: NodeChild): NodeChild {
    this.children.push(child);
    return child;
  }
}

/**
 * BENCH_DATABASE_URL (e.g. the machine's PostgreSQL): a schema of its own for this stack, named in
 * the URL's search_path so every process's unqualified tables land there. Unset: embedded ledgers.
 */
async function freshSchema(label: string): Promise<string | undefined> {
  const base = process.env.BENCH_DATABASE_URL;
  if (!base) return undefined;
  const schema = `bench_${label}_${Date.now()}`.replace(/[^a-z0-9_]/g, '_');
  const pool = new Pool({ connectionString: base, max: 1 });
  try {
    await pool.query(`CREATE SCHEMA ${schema}`);
  } finally {
    await pool.end();
  }
  const url = new URL(base);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return url.toString();
}
