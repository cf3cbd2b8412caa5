// The whole stack for fault tests, with every part real and separately breakable: a Temporal dev
// server on a SQLite file (stop and start it again), worker processes (kill them), the NestJS API
// in-process over HTTP, and an SES-protocol endpoint whose answers the test chooses.
import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { CheckoutReader } from '../../../apps/api/checkouts/checkout-reader';
import type { ApiCheckoutState } from '../../../apps/api/checkouts/dto/checkout-responses';
import { workflowIdFor } from '../../../common/messages';
import { type LedgerStores, openStores } from '../../../storage/send-ledger';
import { call, type JsonResponse, type RunningApi, startApi } from '../../api/support/api-harness';
import { decodeRaw, testDataConverter } from '../../support/payload-keys';
import { type SesBehaviour, type SesFaultEndpoint, startSesFaultEndpoint } from '../../support/ses-fault-endpoint';
import { DevServer, makeTempDir, pause, WorkerProcess } from './processes';

const { EventType, WorkflowTaskFailedCause } = temporal.api.enums.v1;
/** History events that mean the workflow code broke: neither may ever appear. */
const BROKEN = new Set<number>([
  EventType.EVENT_TYPE_WORKFLOW_TASK_FAILED,
  EventType.EVENT_TYPE_WORKFLOW_EXECUTION_FAILED,
]);
/**
 * Not the workflow's doing: the server refuses a task that completes the workflow while new events
 * (signals sent at that very moment) wait, and the worker runs it again with them. Expected under
 * concurrent events, so it is counted but not treated as broken.
 */
const SERVER_RETRIED = WorkflowTaskFailedCause.WORKFLOW_TASK_FAILED_CAUSE_UNHANDLED_COMMAND;

export interface FaultStackOptions {
  /** What the SES endpoint answers when nothing else is queued; `ok` by default. */
  ses?: SesBehaviour;
  /** Start one worker process right away (default true). */
  worker?: boolean;
  /**
   * A PostgreSQL database the API and every worker process share (the order saga's activities read
   * the vault and stock the API wrote). Without it each side has its own embedded database.
   */
  databaseUrl?: string;
  /** Settings for the API and the workers (e.g. the payment providers'). */
  env?: NodeJS.ProcessEnv;
  /** Settings for the workers only, over `env` (e.g. a provider's address through a proxy). */
  workerEnv?: NodeJS.ProcessEnv;
}

export class FaultStack {
  readonly workers: WorkerProcess[] = [];

  private constructor(
    readonly taskQueue: string,
    private readonly dir: { path: string; remove(): Promise<void> },
    readonly server: DevServer,
    private readonly connection: Connection,
    readonly client: Client,
    readonly ses: SesFaultEndpoint,
    readonly api: RunningApi,
    private readonly options: FaultStackOptions,
    /** The shared database's stores (with `databaseUrl`). */
    readonly stores: LedgerStores | undefined,
  ) {}

  static async start(options: FaultStackOptions = {}): Promise<FaultStack> {
    const undo: Array<() => Promise<unknown>> = [];
    try {
      const dir = await makeTempDir('checkout-faults');
      undo.push(() => dir.remove());
      const server = await DevServer.start(`${dir.path}/temporal`);
      undo.push(() => server.stop());
      const connection = await Connection.connect({ address: server.address });
      undo.push(() => connection.close());
      const client = new Client({ connection, namespace: 'default', dataConverter: testDataConverter() });
      const ses = await startSesFaultEndpoint({ default: options.ses ?? { kind: 'ok' } });
      undo.push(() => ses.close());
      const taskQueue = `faults-${randomUUID().slice(0, 8)}`;
      const stores = options.databaseUrl ? await openStores({ databaseUrl: options.databaseUrl }) : undefined;
      if (stores) undo.push(() => stores.close());
      const api = await startApi(client, { TASK_QUEUE: taskQueue, ...options.env }, stores);
      const ready = new FaultStack(taskQueue, dir, server, connection, client, ses, api, options, stores);
      undo.length = 0;
      if (options.worker !== false) {
        try {
          await ready.startWorker();
        } catch (err) {
          await ready.close();
          throw err;
        }
      }
      return ready;
    } catch (err) {
      for (const step of undo.reverse()) await step().catch(() => undefined);
      throw err;
    }
  }

  /** A new worker process on this stack's task queue; its send ledger persists in the stack's directory. */
  async startWorker(): Promise<WorkerProcess> {
    const worker = await WorkerProcess.start(
      {
        temporalAddress: this.server.address,
        taskQueue: this.taskQueue,
        sesEndpoint: this.ses.url,
        dataDir: `${this.dir.path}/worker`,
        publicApiUrl: this.api.url,
        ...(this.options.databaseUrl && { databaseUrl: this.options.databaseUrl }),
        extra: { ...this.options.env, ...this.options.workerEnv },
      },
      `worker-${this.workers.length + 1}`,
    );
    this.workers.push(worker);
    return worker;
  }

  request(method: string, path: string, body?: unknown): Promise<JsonResponse> {
    return call(`${this.api.url}${path}`, method, body);
  }

  /** The checkout's state as the API reads it without a worker (execution status, result). */
  state(checkoutId: string): Promise<ApiCheckoutState> {
    return new CheckoutReader(this.client).state(checkoutId);
  }

  async closed(checkoutId: string): Promise<boolean> {
    const { status } = await this.client.workflow.getHandle(workflowIdFor(checkoutId)).describe();
    return status.name !== 'RUNNING';
  }

  /**
   * History events of this workflow that mean its code failed: a failed execution, or a failed
   * workflow task other than the server's UNHANDLED_COMMAND retry (see SERVER_RETRIED).
   */
  async brokenEvents(workflowId: string): Promise<string[]> {
    const history = await this.client.workflow.getHandle(workflowId).fetchHistory();
    const broken = (history.events ?? [])
      .filter((e) => e.eventType != null && BROKEN.has(e.eventType))
      .filter((e) => e.workflowTaskFailedEventAttributes?.cause !== SERVER_RETRIED);
    return Promise.all(
      broken.map(async (e) => {
        const task = e.workflowTaskFailedEventAttributes;
        const failure = task?.failure ?? e.workflowExecutionFailedEventAttributes?.failure;
        const cause = task?.cause != null ? ` (${WorkflowTaskFailedCause[task.cause]})` : '';
        // Messages are stored encrypted (encodedAttributes); the raw one only says "Encoded failure".
        const message = failure?.encodedAttributes
          ? (await decodeRaw<{ message?: string }>(failure.encodedAttributes)).message
          : failure?.message;
        return `${EventType[e.eventType as number]}${cause}: ${message ?? ''}`;
      }),
    );
  }

  /** Event type names of the workflow's history, in order. */
  async eventTypes(workflowId: string): Promise<string[]> {
    const history = await this.client.workflow.getHandle(workflowId).fetchHistory();
    return (history.events ?? []).map((e) => EventType[e.eventType as number] ?? String(e.eventType));
  }

  /** Polls `probe` until it returns a value `done` accepts; fails with the last value and the processes' logs. */
  async waitUntil<T>(
    what: string,
    probe: () => Promise<T> | T,
    done: (value: T) => boolean,
    timeoutMs: number,
  ): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    let last: T | undefined;
    let lastError: unknown;
    while (Date.now() < deadline) {
      try {
        last = await probe();
        if (done(last)) return last;
      } catch (err) {
        lastError = err;
      }
      await pause(250);
    }
    throw new Error(
      `timed out after ${timeoutMs} ms waiting until ${what}; last: ${JSON.stringify(last)}` +
        `${lastError ? `; last error: ${String(lastError)}` : ''}\n${this.logs()}`,
    );
  }

  logs(): string {
    return [...this.workers.map((w) => w.log.toString()), this.server.log.toString()].join('\n');
  }

  /** Stops everything this stack started: API, workers (killed: their ledger goes with the directory), server. */
  async close(): Promise<void> {
    const steps: Array<() => Promise<unknown>> = [
      () => this.api.close(),
      ...this.workers.map((w) => () => w.kill()),
      () => this.connection.close(),
      () => this.server.stop(),
      async () => this.stores?.close(),
      () => this.ses.close(),
      () => this.dir.remove(),
    ];
    const errors: unknown[] = [];
    for (const step of steps) await step().catch((err: unknown) => errors.push(err));
    if (errors.length > 0) throw new AggregateError(errors, 'closing the fault stack');
  }
}
