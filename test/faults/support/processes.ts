// Real processes for the fault tests: a Temporal dev server on a SQLite file that can be stopped and
// started again on the same file and ports, and worker processes (the production entry point,
// `apps/worker/main.js`) that can be killed. Everything binds to 127.0.0.1.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDevServer } from '../../../apps/dev/dev-server';
import { TEST_LINK_SECRET } from '../../support/links';
import { TEST_PAYLOAD_KEYS } from '../../support/payload-keys';

export const HOST = '127.0.0.1';
/** The compiled worker entry point next to this compiled file (dist/apps/worker/main.js). */
const WORKER_MAIN = join(__dirname, '..', '..', '..', 'apps', 'worker', 'main.js');
// Bundling the workflows with webpack at start-up takes a few seconds on a busy machine.
const WORKER_READY_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 40_000;
const LOG_LINES_KEPT = 400;

export const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A port nothing listens on right now (the OS picks it). */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, HOST);
  await once(server, 'listening');
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

export async function makeTempDir(prefix: string): Promise<{ path: string; remove(): Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), `${prefix}-`));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}

/** Keeps the last lines a process printed, to explain a failure. */
class LogTail {
  private readonly lines: string[] = [];
  constructor(private readonly name: string) {}
  add(text: string): void {
    for (const line of text.split('\n')) {
      if (line.trim() === '') continue;
      this.lines.push(`[${this.name}] ${line}`);
      if (this.lines.length > LOG_LINES_KEPT) this.lines.shift();
    }
  }
  toString(): string {
    return this.lines.join('\n');
  }
}

function exited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

/** Sends `signal`, waits for the exit; SIGKILL if it does not come in time. */
async function stopProcess(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (exited(child)) return;
  const gone = once(child, 'exit');
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
export class DevServer {
  private child: ChildProcess | undefined;
  readonly log = new LogTail('temporal');

  private constructor(
    readonly dataDir: string,
    readonly port: number,
    readonly uiPort: number,
  ) {}

  get address(): string {
    return `${HOST}:${this.port}`;
  }

  static async start(dataDir: string): Promise<DevServer> {
    const server = new DevServer(dataDir, await freePort(), await freePort());
    await server.startAgain();
    return server;
  }

  async startAgain(): Promise<void> {
    if (this.child && !exited(this.child)) throw new Error('the dev server is still running');
    // On the same ports as before: a port the server derives from them (its HTTP API) can be held
    // for a moment by another process on a busy machine, so a failed start is tried again.
    for (let attempt = 1; ; attempt++) {
      try {
        this.child = await startDevServer(
          { dataDir: this.dataDir, host: HOST, port: this.port, uiPort: this.uiPort, namespace: 'default' },
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
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    if (this.child) await stopProcess(this.child, signal);
  }
}

export interface WorkerProcessEnv {
  temporalAddress: string;
  taskQueue: string;
  sesEndpoint: string;
  /** The embedded send ledger lives in `${dataDir}/pglite`: it outlives the process. */
  dataDir: string;
  publicApiUrl: string;
  /** A PostgreSQL the API shares (the order saga reads the vault the API wrote); else the embedded ledger. */
  databaseUrl?: string;
  /** Further settings (e.g. the payment providers'). */
  extra?: NodeJS.ProcessEnv;
}

/** The production worker (`node dist/apps/worker/main.js`) as a child process. */
export class WorkerProcess {
  readonly log: LogTail;

  private constructor(
    private readonly child: ChildProcess,
    readonly name: string,
  ) {
    this.log = new LogTail(name);
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get running(): boolean {
    return !exited(this.child);
  }

  /** Starts the worker and waits until it polls its task queue. */
  static async start(env: WorkerProcessEnv, name = 'worker'): Promise<WorkerProcess> {
    const child = spawn(process.execPath, [WORKER_MAIN], {
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
        LINK_SIGNING_SECRET: TEST_LINK_SECRET,
        // Several workers run at once here: no metrics endpoint to fight over.
        WORKER_METRICS_ADDRESS: '',
        PAYLOAD_ENCRYPTION_KEYS: TEST_PAYLOAD_KEYS,
        ...(env.databaseUrl && { DATABASE_URL: env.databaseUrl }),
        ...env.extra,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const worker = new WorkerProcess(child, name);
    const ready = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`${name} not polling after ${WORKER_READY_TIMEOUT_MS} ms\n${worker.log}`)),
        WORKER_READY_TIMEOUT_MS,
      );
      const onData = (data: Buffer) => {
        const text = data.toString();
        worker.log.add(text);
        if (text.includes('worker polling task queue')) {
          clearTimeout(timer);
          resolve();
        }
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', (data: Buffer) => worker.log.add(data.toString()));
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
  async kill(): Promise<void> {
    await stopProcess(this.child, 'SIGKILL');
  }

  /** SIGTERM: the worker drains in-flight tasks and closes the ledger. */
  async stop(): Promise<void> {
    await stopProcess(this.child, 'SIGTERM');
  }
}
