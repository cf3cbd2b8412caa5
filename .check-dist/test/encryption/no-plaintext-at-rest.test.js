var __importDefault = (this && this.__importDefault) || ((mod) => (mod && mod.__esModule ? mod : { default: mod }));
Object.defineProperty(exports, '__esModule', { value: true });
// What Temporal keeps of a customer is encrypted: a real checkout through the API and the real
// worker on the dev server with its SQLite file, then the history as stored (read by a client
// without the codec) and the database file's bytes are searched for the customer's data.
const strict_1 = __importDefault(require('node:assert/strict'));
const node_crypto_1 = require('node:crypto');
const node_fs_1 = require('node:fs');
const promises_1 = require('node:fs/promises');
const node_os_1 = require('node:os');
const node_path_1 = require('node:path');
const node_test_1 = require('node:test');
const client_1 = require('@temporalio/client');
const proto_1 = require('@temporalio/proto');
const activities_1 = require('../../activities');
const ses_mailer_1 = require('../../activities/ses-mailer');
const create_worker_1 = require('../../apps/worker/create-worker');
const messages_1 = require('../../common/messages');
const schedule_1 = require('../../common/schedule');
const send_ledger_1 = require('../../storage/send-ledger');
const api_harness_1 = require('../api/support/api-harness');
const links_1 = require('../support/links');
const payload_keys_1 = require('../support/payload-keys');
const ses_fault_endpoint_1 = require('../support/ses-fault-endpoint');
const temporal_env_1 = require('../support/temporal-env');
(0, temporal_env_1.installQuietRuntime)();
const { History } = proto_1.temporal.api.history.v1;
/** @temporalio/proto builds its message classes by reflection: the constructor is the type's `ctor`. */
const isA = (type, value) => value instanceof type.ctor;
const run = (0, node_crypto_1.randomUUID)().slice(0, 8);
const customer = {
  id: `c-${run}`,
  email: `margaret.hamilton.${run}@privacy.example.com`,
  name: `Margaret Hamilton ${run}`,
};
// SES quotes the rejected message back; the activity puts that into its failure message.
const sesRejection = `Sandbox: recipient not verified (rejection ${run})`;
const invalidInputMessage = 'Invalid checkout input';
const text = (bytes) => Buffer.from(bytes ?? []).toString('utf8');
let dir;
let dbFile;
let env;
let ses;
let ledger;
let api;
let worker;
let running;
const expiredCheckout = `co-enc-${run}`;
const invalidCheckout = `co-bad-${run}`;
/** Every Payload and Failure message in a decoded history, with where it sits. */
function walk(value, path, found) {
  if (value === null || typeof value !== 'object' || ArrayBuffer.isView(value)) return;
  if (isA(proto_1.temporal.api.common.v1.Payload, value)) {
    found.payloads.push({ path, payload: value });
    return;
  }
  if (isA(proto_1.temporal.api.failure.v1.Failure, value)) found.failures.push(value);
  for (const [key, child] of Object.entries(value)) walk(child, `${path}.${key}`, found);
}
/** The stored history as bytes, read by a client that has no codec, and its decoded form. */
async function storedHistory(workflowId) {
  const plain = new client_1.Client({ connection: env.connection, namespace: 'default' });
  const history = await plain.workflow.getHandle(workflowId).fetchHistory();
  const bytes = Buffer.from(History.encode(history).finish());
  // Decoded again with this file's proto classes, so instanceof finds every Payload and Failure.
  const { events } = History.decode(bytes);
  const found = { payloads: [], failures: [] };
  walk(events, 'events', found);
  return { bytes, events, ...found, plain };
}
function assertEncrypted({ path, payload }) {
  strict_1.default.equal(text(payload.metadata?.encoding), 'binary/encrypted', `${path} is not encrypted`);
  strict_1.default.equal(text(payload.metadata?.['encryption-key-id']), 'test-1', `${path} names no key id`);
}
/** The SQLite database and its write-ahead log, as bytes on disk, and which files there were. */
function databaseBytes() {
  const files = [dbFile, `${dbFile}-wal`].filter((f) => (0, node_fs_1.existsSync)(f));
  return { bytes: Buffer.concat(files.map((f) => (0, node_fs_1.readFileSync)(f))), files };
}
(0, node_test_1.before)(async () => {
  dir = await (0, promises_1.mkdtemp)((0, node_path_1.join)((0, node_os_1.tmpdir)(), 'no-plaintext-'));
  dbFile = (0, node_path_1.join)(dir, 'temporal.sqlite');
  [env, ses, ledger] = await Promise.all([
    (0, temporal_env_1.devServerEnv)(dbFile),
    (0, ses_fault_endpoint_1.startSesFaultEndpoint)({ default: { kind: 'ok' } }),
    (0, send_ledger_1.openSendLedger)({ databaseUrl: undefined, inMemory: true }),
  ]);
  api = await (0, api_harness_1.startApi)(env.client);
  worker = await (0, create_worker_1.createRecoveryWorker)({
    connection: env.nativeConnection,
    namespace: 'default',
    taskQueue: api.config.temporal.taskQueue,
    dataConverter: (0, payload_keys_1.testDataConverter)(),
    activities: (0, activities_1.createActivities)({
      mailer: (0, ses_mailer_1.createSesMailer)({ endpoint: ses.url, region: 'us-east-1' }),
      ledger,
      from: 'Shop <shop@example.com>',
      links: (0, links_1.testLinkSettings)(api.url),
    }),
  });
  running = worker.run();
  // Reminder 1 is sent; SES rejects reminder 2 (a permanent, non-retried activity failure).
  ses.enqueue({ kind: 'ok' }, { kind: 'reject', message: sesRejection });
  const body = (0, api_harness_1.checkoutBody)(expiredCheckout);
  const started = await (0, api_harness_1.call)(`${api.url}/checkouts`, 'POST', {
    ...body,
    customer: { ...body.customer, ...customer },
    // Reminder 2 well after reminder 1: its wait is a timer (with a summary) even when the first
    // workflow task runs a few seconds late on a loaded machine.
    schedule: [{ after: '1s' }, { after: '6s' }],
  });
  strict_1.default.equal(started.status, 202, JSON.stringify(started.body));
  const status = await env.client.workflow.getHandle((0, messages_1.workflowIdFor)(expiredCheckout)).result();
  strict_1.default.equal(status.state, 'expired');
  strict_1.default.deepEqual(
    status.reminders.map((r) => r.outcome),
    ['sent', 'failed'],
  );
  // A start that skips the API's validation: the workflow itself fails it.
  const schedule = (0, schedule_1.resolveSchedule)([{ after: '1h' }]);
  strict_1.default.ok(schedule.ok);
  const input = {
    checkout: {
      ...(0, api_harness_1.checkoutBody)(invalidCheckout),
      customer: { id: customer.id, email: customer.email, name: customer.name },
      cart: { currency: 'euro', total: 5, items: [] },
    },
    schedule: schedule.steps,
  };
  const invalid = await env.client.workflow.start(messages_1.WORKFLOW_TYPE, {
    taskQueue: api.config.temporal.taskQueue,
    workflowId: (0, messages_1.workflowIdFor)(invalidCheckout),
    args: [input],
  });
  await strict_1.default.rejects(invalid.result(), client_1.WorkflowFailedError);
});
let stopped = false;
/** Stops worker, API and server: the server checkpoints its write-ahead log into the file. */
async function stopAll() {
  if (stopped) return;
  stopped = true;
  await api?.close();
  worker?.shutdown();
  await running;
  await ledger?.close();
  await ses?.close();
  await env?.teardown();
}
(0, node_test_1.after)(async () => {
  await stopAll();
  if (dir) await (0, promises_1.rm)(dir, { recursive: true, force: true });
});
(0, node_test_1.describe)('what the Temporal server stores', () => {
  (0, node_test_1.test)(
    'the history holds no customer data in the clear, and every payload is encrypted with the current key',
    async () => {
      const { bytes, payloads, events } = await storedHistory((0, messages_1.workflowIdFor)(expiredCheckout));
      for (const secret of [customer.email, customer.name, sesRejection])
        strict_1.default.equal(bytes.includes(secret), false, `"${secret}" is readable in the stored history`);
      // The check itself sees plain text where Temporal keeps it: ids and search attributes.
      strict_1.default.ok(
        bytes.includes(customer.id),
        'the CustomerId search attribute should be readable in the history',
      );
      // Plain by design: search attributes, and the SDK's version (patch) markers, which hold only
      // the patch id (the customer-data check above covers their bytes too).
      const isPlainByDesign = (path) =>
        path.includes('searchAttributes') || path.includes('markerRecordedEventAttributes');
      const stored = payloads.filter((p) => !isPlainByDesign(p.path));
      for (const p of stored) assertEncrypted(p);
      strict_1.default.ok(
        events.some((e) => e.markerRecordedEventAttributes?.markerName === 'core_patch'),
        'the lean-actions version marker',
      );
      const where = (what) => stored.filter((p) => p.path.includes(what)).length;
      strict_1.default.ok(where('workflowExecutionStartedEventAttributes.input') >= 1, 'the workflow input');
      strict_1.default.ok(where('activityTaskScheduledEventAttributes.input') >= 2, 'the send activities inputs');
      strict_1.default.ok(where('activityTaskCompletedEventAttributes.result') >= 1, 'the sent reminder result');
      strict_1.default.ok(where('workflowExecutionCompletedEventAttributes.result') >= 1, 'the workflow result');
      strict_1.default.ok(where('userMetadata.summary') >= 4, 'the workflow, timer and activity summaries');
      strict_1.default.ok(events.length > 10);
    },
  );
  (0, node_test_1.test)("an activity's failure message is stored encrypted, and the codec reads it back", async () => {
    const { events, failures } = await storedHistory((0, messages_1.workflowIdFor)(expiredCheckout));
    const failed = events.find((e) => e.activityTaskFailedEventAttributes)?.activityTaskFailedEventAttributes?.failure;
    strict_1.default.ok(failed, 'reminder 2 failed its activity');
    strict_1.default.ok(failures.length >= 1);
    for (const failure of failures) {
      strict_1.default.equal(failure.message, 'Encoded failure');
      strict_1.default.equal(failure.stackTrace, '');
      strict_1.default.ok(failure.encodedAttributes);
      assertEncrypted({ path: 'failure.encodedAttributes', payload: failure.encodedAttributes });
    }
    strict_1.default.ok(failed.encodedAttributes);
    const attributes = await (0, payload_keys_1.decodeRaw)(failed.encodedAttributes);
    strict_1.default.match(
      attributes.message,
      new RegExp(`SES rejected the message: MessageRejected: .*rejection ${run}`),
    );
    strict_1.default.notEqual(attributes.stack_trace, '', 'the stack trace travels encrypted too');
  });
  (0, node_test_1.test)(
    "the workflow's own failure (invalid input, raised in the workflow sandbox) is stored encrypted",
    async () => {
      const { bytes, events, payloads } = await storedHistory((0, messages_1.workflowIdFor)(invalidCheckout));
      for (const secret of [customer.email, customer.name, invalidInputMessage])
        strict_1.default.equal(bytes.includes(secret), false, `"${secret}" is readable in the stored history`);
      for (const p of payloads.filter((p) => !p.path.includes('searchAttributes'))) assertEncrypted(p);
      const failure = events.find((e) => e.workflowExecutionFailedEventAttributes)
        ?.workflowExecutionFailedEventAttributes?.failure;
      strict_1.default.ok(failure, 'the workflow failed');
      strict_1.default.equal(failure.message, 'Encoded failure');
      strict_1.default.equal(
        failure.applicationFailureInfo?.type,
        'InvalidCheckoutInput',
        'the failure type stays readable',
      );
      strict_1.default.ok(failure.encodedAttributes);
      const attributes = await (0, payload_keys_1.decodeRaw)(failure.encodedAttributes);
      strict_1.default.match(attributes.message, /^Invalid checkout input: cart\.currency must be an ISO 4217 code/);
    },
  );
  (0, node_test_1.test)('a client without the key cannot read the result; one with it can', async () => {
    const { plain } = await storedHistory((0, messages_1.workflowIdFor)(expiredCheckout));
    await strict_1.default.rejects(
      plain.workflow.getHandle((0, messages_1.workflowIdFor)(expiredCheckout)).result(),
      /binary\/encrypted/,
    );
    const status = await env.client.workflow.getHandle((0, messages_1.workflowIdFor)(expiredCheckout)).result();
    strict_1.default.match(status.reminders[1]?.reason ?? '', new RegExp(`rejection ${run}`));
  });
  // Last: it stops the server to read the file once the write-ahead log is folded into it.
  (0, node_test_1.test)(
    "the dev server's SQLite file and its write-ahead log never contain the customer's email address or name",
    async () => {
      const check = (when) => {
        const { bytes, files } = databaseBytes();
        // The check itself finds plain text where Temporal keeps it: the workflow id.
        strict_1.default.ok(
          bytes.includes((0, messages_1.workflowIdFor)(expiredCheckout)),
          `${when}: the workflow is not in ${files.join(', ')}`,
        );
        for (const secret of [customer.email, customer.name, sesRejection, invalidInputMessage])
          strict_1.default.equal(
            bytes.includes(secret),
            false,
            `${when}: "${secret}" is readable in ${files.join(', ')}`,
          );
        return files;
      };
      strict_1.default.deepEqual(
        check('while the server runs'),
        [dbFile, `${dbFile}-wal`],
        'the server keeps a write-ahead log',
      );
      await stopAll();
      check('after the server stopped');
    },
  );
});
//# sourceMappingURL=no-plaintext-at-rest.test.js.map
