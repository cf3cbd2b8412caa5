// The worker's health endpoint on a port of its own (WORKER_HEALTH_ADDRESS), for the orchestrator:
//   GET /health/live   200 unless the worker failed; a draining worker is alive (killing it would cut
//                      its in-flight sends short), so is one still starting
//   GET /health/ready  200 while the worker polls (Worker.getState() RUNNING) and the database answers
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { State } from '@temporalio/worker';
import { withTimeout } from '../shared/with-timeout';

// Above a healthy round trip, below the kubelet's default probe timeout (1 s) times its retries.
const DATABASE_PING_TIMEOUT_MS = 2_000;

export interface WorkerHealthSources {
  /** The worker's state; undefined while it is being created (connecting, bundling). */
  state(): State | undefined;
  /** One round trip to the ledger's database. */
  pingDatabase(): Promise<void>;
}

export interface WorkerHealthReport {
  status: 'ok' | 'down';
  worker: State | 'STARTING';
  database?: 'up' | 'down';
}

export interface WorkerHealthServer {
  url: string;
  close(): Promise<void>;
}

function databaseUp(ping: () => Promise<void>): Promise<boolean> {
  return withTimeout(ping(), DATABASE_PING_TIMEOUT_MS).then(
    () => true,
    () => false,
  );
}

export async function liveReport(sources: WorkerHealthSources): Promise<WorkerHealthReport> {
  const worker = sources.state() ?? 'STARTING';
  return { status: worker === 'FAILED' ? 'down' : 'ok', worker };
}

export async function readyReport(sources: WorkerHealthSources): Promise<WorkerHealthReport> {
  const worker = sources.state() ?? 'STARTING';
  const database = (await databaseUp(() => sources.pingDatabase())) ? 'up' : 'down';
  return { status: worker === 'RUNNING' && database === 'up' ? 'ok' : 'down', worker, database };
}

/** Listening when it resolves; an address that cannot be bound rejects, naming WORKER_HEALTH_ADDRESS. */
export async function startWorkerHealthServer(
  address: string,
  sources: WorkerHealthSources,
): Promise<WorkerHealthServer> {
  const server: Server = createServer((req, res) => {
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
    await Promise.race([once(server, 'listening'), once(server, 'error').then(([err]) => Promise.reject(err))]);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new Error(
      `cannot serve worker health on ${address} (WORKER_HEALTH_ADDRESS; empty switches it off): ${reason}`,
    );
  }
  const { port } = server.address() as AddressInfo;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${port}`,
    close: async () => {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}
