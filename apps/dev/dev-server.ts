// The embedded Temporal server for `npm start`: the official CLI's dev server, its SQLite data in
// a file (so sleeping checkouts survive a restart) and our search attributes registered at start.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Connection } from '@temporalio/client';
import { SEARCH_ATTRIBUTES } from '../../common/search-attributes';
import { temporalCliPath } from '../../scripts/temporal-binaries';

// The dev server needs a few seconds to open SQLite and its ports; 30 s covers a cold disk.
const READY_TIMEOUT_MS = 30_000;

/** WAL keeps file persistence fast (Temporal's own stress tests use it). */
export const SQLITE_FILE_ARGS = ['--sqlite-pragma', 'journal_mode=WAL', '--sqlite-pragma', 'synchronous=NORMAL'];

export interface DevServerOptions {
  dataDir: string;
  host: string;
  port: number;
  uiPort: number;
  namespace: string;
  /** The codec endpoint the Web UI decodes payloads with (the API's /codec); called from the browser. */
  uiCodecEndpoint?: string;
}

export async function startDevServer(options: DevServerOptions, log: (line: string) => void): Promise<ChildProcess> {
  mkdirSync(options.dataDir, { recursive: true });
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
    join(options.dataDir, 'temporal.sqlite'),
    ...SQLITE_FILE_ARGS,
    '--log-level',
    'error',
    ...(options.uiCodecEndpoint ? ['--ui-codec-endpoint', options.uiCodecEndpoint] : []),
    ...Object.entries(SEARCH_ATTRIBUTES).flatMap(([name, type]) => ['--search-attribute', `${name}=${type}`]),
  ];
  const child = spawn(temporalCliPath(), args, { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.on('data', (d: Buffer) => log(d.toString().trimEnd()));
  child.stderr?.on('data', (d: Buffer) => log(d.toString().trimEnd()));
  await waitUntilServing(`${options.host}:${options.port}`, child);
  return child;
}

async function waitUntilServing(address: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let lastError: unknown;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`temporal dev server exited with code ${child.exitCode}`);
    try {
      const connection = await Connection.connect({ address, connectTimeout: 1_000 });
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
