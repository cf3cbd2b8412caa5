// What Temporal keeps of a customer is encrypted: a real checkout through the API and the real
// worker on the dev server with its SQLite file, then the history as stored (read by a client
// without the codec) and the database file's bytes are searched for the customer's data.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { Client, WorkflowFailedError } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import { createActivities } from '../../activities';
import { createSesMailer } from '../../activities/ses-mailer';
import { createRecoveryWorker } from '../../apps/worker/create-worker';
import type { CheckoutRecoveryInput, CheckoutStatus } from '../../common/checkout';
import { WORKFLOW_TYPE, workflowIdFor } from '../../common/messages';
import { resolveSchedule } from '../../common/schedule';
import { openSendLedger, type SendLedger } from '../../storage/send-ledger';
import { call, checkoutBody, type RunningApi, startApi } from '../api/support/api-harness';
import { testLinkSettings } from '../support/links';
import { closeAll, openAll } from '../support/open-all';
import { decodeRaw, testDataConverter } from '../support/payload-keys';
import { type SesFaultEndpoint, startSesFaultEndpoint } from '../support/ses-fault-endpoint';
import { devServerEnv, installQuietRuntime } from '../support/temporal-env';

installQuietRuntime();

const { History } = temporal.api.history.v1;
type IPayload = temporal.api.common.v1.IPayload;
type IFailure = temporal.api.failure.v1.IFailure;
/** @temporalio/proto builds its message classes by reflection: the constructor is the type's `ctor`. */
const isA = (type: object, value: object) => value instanceof (type as { ctor: abstract new () => object }).ctor;

const run = randomUUID().slice(0, 8);
const customer = {
  id: `c-${run}`,
  email: `margaret.hamilton.${run}@privacy.example.com`,
  name: `Margaret Hamilton ${run}`,
};
// SES quotes the rejected message back; the activity puts that into its failure message.
const sesRejection = `Sandbox: recipient not verified (rejection ${run})`;
const invalidInputMessage = 'Invalid checkout input';
const text = (bytes: Uint8Array | null | undefined) => Buffer.from(bytes ?? []).toString('utf8');

let dir: string;
let dbFile: string;
let env: TestWorkflowEnvironment;
let ses: SesFaultEndpoint;
let ledger: SendLedger;
let api: RunningApi;
let worker: Worker | undefined;
let running: Promise<void> | undefined;
const expiredCheckout = `co-enc-${run}`;
const invalidCheckout = `co-bad-${run}`;

interface Found {
  path: string;
  payload: IPayload;
}

/** Every Payload and Failure message in a decoded history, with where it sits. */
function walk(value: unknown, path: string, found: { payloads: Found[]; failures: IFailure[] }): void {
  if (value === null || typeof value !== 'object' || ArrayBuffer.isView(value)) return;
  if (isA(temporal.api.common.v1.Payload, value)) {
    found.payloads.push({ path, payload: value as IPayload });
    return;
  }
  if (isA(temporal.api.failure.v1.Failure, value)) found.failures.push(value as IFailure);
  for (const [key, child] of Object.entries(value)) walk(child, `${path}.${key}`, found);
}

/** The stored history as bytes, read by a client that has no codec, and its decoded form. */
async function storedHistory(workflowId: string) {
  const plain = new Client({ connection: env.connection, namespace: 'default' });
  const history = await plain.workflow.getHandle(workflowId).fetchHistory();
  const bytes = Buffer.from(History.encode(history).finish());
  // Decoded again with this file's proto classes, so instanceof finds every Payload and Failure.
  const { events } = History.decode(bytes);
  const found = { payloads: [] as Found[], failures: [] as IFailure[] };
  walk(events, 'events', found);
  return { bytes, events, ...found, plain };
}

function assertEncrypted({ path, payload }: Found): void {
  assert.equal(text(payload.metadata?.encoding), 'binary/encrypted', `${path} is not encrypted`);
  assert.equal(text(payload.metadata?.['encryption-key-id']), 'test-1', `${path} names no key id`);
}

/** The SQLite database and its write-ahead log, as bytes on disk, and which files there were. */
function databaseBytes(): { bytes: Buffer; files: string[] } {
  const files = [dbFile, `${dbFile}-wal`].filter((f) => existsSync(f));
  return { bytes: Buffer.concat(files.map((f) => readFileSync(f))), files };
}

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'no-plaintext-'));
  dbFile = join(dir, 'temporal.sqlite');
  [env, ses, ledger] = await openAll([
    [devServerEnv(dbFile), (e) => e.teardown()],
    [startSesFaultEndpoint({ default: { kind: 'ok' } }), (s) => s.close()],
    [openSendLedger({ databaseUrl: undefined, inMemory: true }), (l) => l.close()],
  ]);
  api = await startApi(env.client);
  worker = await createRecoveryWorker({
    connection: env.nativeConnection,
    namespace: 'default',
    taskQueue: api.config.temporal.taskQueue,
    dataConverter: testDataConverter(),
    activities: createActivities({
      mailer: createSesMailer({ endpoint: ses.url, region: 'us-east-1' }),
      ledger,
      from: 'Shop <shop@example.com>',
      links: testLinkSettings(api.url),
    }),
  });
  running = worker.run();

  // Reminder 1 is sent; SES rejects reminder 2 (a permanent, non-retried activity failure).
  ses.enqueue({ kind: 'ok' }, { kind: 'reject', message: sesRejection });
  const body = checkoutBody(expiredCheckout);
  const started = await call(`${api.url}/checkouts`, 'POST', {
    ...body,
    customer: { ...body.customer, ...customer },
    // Reminder 2 well after reminder 1: its wait is a timer (with a summary) even when the first
    // workflow task runs a few seconds late on a loaded machine.
    schedule: [{ after: '1s' }, { after: '6s' }],
  });
  assert.equal(started.status, 202, JSON.stringify(started.body));
  const status = (await env.client.workflow.getHandle(workflowIdFor(expiredCheckout)).result()) as CheckoutStatus;
  assert.equal(status.state, 'expired');
  assert.deepEqual(
    status.reminders.map((r) => r.outcome),
    ['sent', 'failed'],
  );

  // A start that skips the API's validation: the workflow itself fails it.
  const schedule = resolveSchedule([{ after: '1h' }]);
  assert.ok(schedule.ok);
  const input = {
    checkout: {
      ...checkoutBody(invalidCheckout),
      customer: { id: customer.id, email: customer.email, name: customer.name },
      cart: { currency: 'euro', total: 5, items: [] },
    },
    schedule: schedule.steps,
  } as unknown as CheckoutRecoveryInput;
  const invalid = await env.client.workflow.start(WORKFLOW_TYPE, {
    taskQueue: api.config.temporal.taskQueue,
    workflowId: workflowIdFor(invalidCheckout),
    args: [input],
  });
  await assert.rejects(invalid.result(), WorkflowFailedError);
});

let stopped = false;
/**
 * Stops worker, API and server: the server checkpoints its write-ahead log into the file. Every step
 * runs even when one fails (a worker that died): a dev server left running keeps the file alive.
 */
async function stopAll(): Promise<void> {
  if (stopped) return;
  stopped = true;
  await closeAll([
    () => api?.close(),
    async () => {
      worker?.shutdown();
      await running;
    },
    () => ledger?.close(),
    () => ses?.close(),
    () => env?.teardown(),
  ]);
}

after(async () => {
  await stopAll();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('what the Temporal server stores', () => {
  test('the history holds no customer data in the clear, and every payload is encrypted with the current key', async () => {
    const { bytes, payloads, events } = await storedHistory(workflowIdFor(expiredCheckout));
    for (const secret of [customer.email, customer.name, sesRejection])
      assert.equal(bytes.includes(secret), false, `"${secret}" is readable in the stored history`);
    // The check itself sees plain text where Temporal keeps it: ids and search attributes.
    assert.ok(bytes.includes(customer.id), 'the CustomerId search attribute should be readable in the history');

    // Plain by design: search attributes, and the SDK's version (patch) markers, which hold only
    // the patch id (the customer-data check above covers their bytes too).
    const isPlainByDesign = (path: string) =>
      path.includes('searchAttributes') || path.includes('markerRecordedEventAttributes');
    const stored = payloads.filter((p) => !isPlainByDesign(p.path));
    for (const p of stored) assertEncrypted(p);
    assert.ok(
      events.some((e) => e.markerRecordedEventAttributes?.markerName === 'core_patch'),
      'the lean-actions version marker',
    );
    const where = (what: string) => stored.filter((p) => p.path.includes(what)).length;
    assert.ok(where('workflowExecutionStartedEventAttributes.input') >= 1, 'the workflow input');
    assert.ok(where('activityTaskScheduledEventAttributes.input') >= 2, 'the send activities inputs');
    assert.ok(where('activityTaskCompletedEventAttributes.result') >= 1, 'the sent reminder result');
    assert.ok(where('workflowExecutionCompletedEventAttributes.result') >= 1, 'the workflow result');
    assert.ok(where('userMetadata.summary') >= 4, 'the workflow, timer and activity summaries');
    assert.ok(events.length > 10);
  });

  test("an activity's failure message is stored encrypted, and the codec reads it back", async () => {
    const { events, failures } = await storedHistory(workflowIdFor(expiredCheckout));
    const failed = events.find((e) => e.activityTaskFailedEventAttributes)?.activityTaskFailedEventAttributes?.failure;
    assert.ok(failed, 'reminder 2 failed its activity');
    assert.ok(failures.length >= 1);
    for (const failure of failures) {
      assert.equal(failure.message, 'Encoded failure');
      assert.equal(failure.stackTrace, '');
      assert.ok(failure.encodedAttributes);
      assertEncrypted({ path: 'failure.encodedAttributes', payload: failure.encodedAttributes });
    }
    assert.ok(failed.encodedAttributes);
    const attributes = await decodeRaw<{ message: string; stack_trace: string }>(failed.encodedAttributes);
    assert.match(attributes.message, new RegExp(`SES rejected the message: MessageRejected: .*rejection ${run}`));
    assert.notEqual(attributes.stack_trace, '', 'the stack trace travels encrypted too');
  });

  test("the workflow's own failure (invalid input, raised in the workflow sandbox) is stored encrypted", async () => {
    const { bytes, events, payloads } = await storedHistory(workflowIdFor(invalidCheckout));
    for (const secret of [customer.email, customer.name, invalidInputMessage])
      assert.equal(bytes.includes(secret), false, `"${secret}" is readable in the stored history`);
    for (const p of payloads.filter((p) => !p.path.includes('searchAttributes'))) assertEncrypted(p);
    const failure = events.find((e) => e.workflowExecutionFailedEventAttributes)?.workflowExecutionFailedEventAttributes
      ?.failure;
    assert.ok(failure, 'the workflow failed');
    assert.equal(failure.message, 'Encoded failure');
    assert.equal(failure.applicationFailureInfo?.type, 'InvalidCheckoutInput', 'the failure type stays readable');
    assert.ok(failure.encodedAttributes);
    const attributes = await decodeRaw<{ message: string }>(failure.encodedAttributes);
    assert.match(attributes.message, /^Invalid checkout input: cart\.currency must be an ISO 4217 code/);
  });

  test('a client without the key cannot read the result; one with it can', async () => {
    const { plain } = await storedHistory(workflowIdFor(expiredCheckout));
    await assert.rejects(plain.workflow.getHandle(workflowIdFor(expiredCheckout)).result(), /binary\/encrypted/);
    const status = (await env.client.workflow.getHandle(workflowIdFor(expiredCheckout)).result()) as CheckoutStatus;
    assert.match(status.reminders[1]?.reason ?? '', new RegExp(`rejection ${run}`));
  });

  // Last: it stops the server to read the file once the write-ahead log is folded into it.
  test("the dev server's SQLite file and its write-ahead log never contain the customer's email address or name", async () => {
    const check = (when: string) => {
      const { bytes, files } = databaseBytes();
      // The check itself finds plain text where Temporal keeps it: the workflow id.
      assert.ok(bytes.includes(workflowIdFor(expiredCheckout)), `${when}: the workflow is not in ${files.join(', ')}`);
      for (const secret of [customer.email, customer.name, sesRejection, invalidInputMessage])
        assert.equal(bytes.includes(secret), false, `${when}: "${secret}" is readable in ${files.join(', ')}`);
      return files;
    };
    assert.deepEqual(check('while the server runs'), [dbFile, `${dbFile}-wal`], 'the server keeps a write-ahead log');
    await stopAll();
    check('after the server stopped');
  });
});
