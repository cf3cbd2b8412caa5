Object.defineProperty(exports, '__esModule', { value: true });
exports.FaultStack = void 0;
// The whole stack for fault tests, with every part real and separately breakable: a Temporal dev
// server on a SQLite file (stop and start it again), worker processes (kill them), the NestJS API
// in-process over HTTP, and an SES-protocol endpoint whose answers the test chooses.
const node_crypto_1 = require('node:crypto');
const client_1 = require('@temporalio/client');
const proto_1 = require('@temporalio/proto');
const checkout_reader_1 = require('../../../apps/api/checkouts/checkout-reader');
const messages_1 = require('../../../common/messages');
const api_harness_1 = require('../../api/support/api-harness');
const payload_keys_1 = require('../../support/payload-keys');
const ses_fault_endpoint_1 = require('../../support/ses-fault-endpoint');
const processes_1 = require('./processes');
const { EventType, WorkflowTaskFailedCause } = proto_1.temporal.api.enums.v1;
/** History events that mean the workflow code broke: neither may ever appear. */
const BROKEN = new Set([EventType.EVENT_TYPE_WORKFLOW_TASK_FAILED, EventType.EVENT_TYPE_WORKFLOW_EXECUTION_FAILED]);
/**
 * Not the workflow's doing: the server refuses a task that completes the workflow while new events
 * (signals sent at that very moment) wait, and the worker runs it again with them. Expected under
 * concurrent events, so it is counted but not treated as broken.
 */
const SERVER_RETRIED = WorkflowTaskFailedCause.WORKFLOW_TASK_FAILED_CAUSE_UNHANDLED_COMMAND;
class FaultStack {
  taskQueue;
  dir;
  server;
  connection;
  client;
  ses;
  api;
  workers = [];
  constructor(taskQueue, dir, server, connection, client, ses, api) {
    this.taskQueue = taskQueue;
    this.dir = dir;
    this.server = server;
    this.connection = connection;
    this.client = client;
    this.ses = ses;
    this.api = api;
  }
  static async start(options = {}) {
    const undo = [];
    try {
      const dir = await (0, processes_1.makeTempDir)('checkout-faults');
      undo.push(() => dir.remove());
      const server = await processes_1.DevServer.start(`${dir.path}/temporal`);
      undo.push(() => server.stop());
      const connection = await client_1.Connection.connect({ address: server.address });
      undo.push(() => connection.close());
      const client = new client_1.Client({
        connection,
        namespace: 'default',
        dataConverter: (0, payload_keys_1.testDataConverter)(),
      });
      const ses = await (0, ses_fault_endpoint_1.startSesFaultEndpoint)({ default: options.ses ?? { kind: 'ok' } });
      undo.push(() => ses.close());
      const taskQueue = `faults-${(0, node_crypto_1.randomUUID)().slice(0, 8)}`;
      const api = await (0, api_harness_1.startApi)(client, { TASK_QUEUE: taskQueue });
      const ready = new FaultStack(taskQueue, dir, server, connection, client, ses, api);
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
  async startWorker() {
    const worker = await processes_1.WorkerProcess.start(
      {
        temporalAddress: this.server.address,
        taskQueue: this.taskQueue,
        sesEndpoint: this.ses.url,
        dataDir: `${this.dir.path}/worker`,
        publicApiUrl: this.api.url,
      },
      `worker-${this.workers.length + 1}`,
    );
    this.workers.push(worker);
    return worker;
  }
  request(method, path, body) {
    return (0, api_harness_1.call)(`${this.api.url}${path}`, method, body);
  }
  /** The checkout's state as the API reads it without a worker (execution status, result). */
  state(checkoutId) {
    return new checkout_reader_1.CheckoutReader(this.client).state(checkoutId);
  }
  async closed(checkoutId) {
    const { status } = await this.client.workflow.getHandle((0, messages_1.workflowIdFor)(checkoutId)).describe();
    return status.name !== 'RUNNING';
  }
  /**
   * History events of this workflow that mean its code failed: a failed execution, or a failed
   * workflow task other than the server's UNHANDLED_COMMAND retry (see SERVER_RETRIED).
   */
  async brokenEvents(workflowId) {
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
          ? (await (0, payload_keys_1.decodeRaw)(failure.encodedAttributes)).message
          : failure?.message;
        return `${EventType[e.eventType]}${cause}: ${message ?? ''}`;
      }),
    );
  }
  /** Event type names of the workflow's history, in order. */
  async eventTypes(workflowId) {
    const history = await this.client.workflow.getHandle(workflowId).fetchHistory();
    return (history.events ?? []).map((e) => EventType[e.eventType] ?? String(e.eventType));
  }
  /** Polls `probe` until it returns a value `done` accepts; fails with the last value and the processes' logs. */
  async waitUntil(what, probe, done, timeoutMs) {
    const deadline = Date.now() + timeoutMs;
    let last;
    let lastError;
    while (Date.now() < deadline) {
      try {
        last = await probe();
        if (done(last)) return last;
      } catch (err) {
        lastError = err;
      }
      await (0, processes_1.pause)(250);
    }
    throw new Error(
      `timed out after ${timeoutMs} ms waiting until ${what}; last: ${JSON.stringify(last)}` +
        `${lastError ? `; last error: ${String(lastError)}` : ''}\n${this.logs()}`,
    );
  }
  logs() {
    return [...this.workers.map((w) => w.log.toString()), this.server.log.toString()].join('\n');
  }
  /** Stops everything this stack started: API, workers (killed: their ledger goes with the directory), server. */
  async close() {
    const steps = [
      () => this.api.close(),
      ...this.workers.map((w) => () => w.kill()),
      () => this.connection.close(),
      () => this.server.stop(),
      () => this.ses.close(),
      () => this.dir.remove(),
    ];
    const errors = [];
    for (const step of steps) await step().catch((err) => errors.push(err));
    if (errors.length > 0) throw new AggregateError(errors, 'closing the fault stack');
  }
}
exports.FaultStack = FaultStack;
//# sourceMappingURL=fault-stack.js.map
