// The worker's Prometheus endpoint, scraped over HTTP while the real workflow and send activities
// run on a real dev server and send to a real local SES: the SDK's worker metrics and ours, on one port.

import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import { createActivities } from '../../activities';
import { SEND_METRICS } from '../../activities/metrics';
import { createSesMailer, type Mailer } from '../../activities/ses-mailer';
import { createRecoveryWorker } from '../../apps/worker/create-worker';
import { installWorkerRuntime } from '../../apps/worker/runtime';
import type { CheckoutRecoveryInput, CheckoutStatus } from '../../common/checkout';
import { WORKFLOW_TYPE, workflowIdFor } from '../../common/messages';
import { resolveSchedule } from '../../common/schedule';
import { openSendLedger, reminderKey, type SendLedger } from '../../storage/send-ledger';
import { LocalInbox } from '../support/inbox';
import { testLinkSettings } from '../support/links';
import { openAll } from '../support/open-all';
import { testDataConverter } from '../support/payload-keys';
import { declaredTypes, freePort, metricValue, type Sample, scrapeUntil } from '../support/prometheus';
import { type SesFaultEndpoint, startSesFaultEndpoint } from '../support/ses-fault-endpoint';
import { devServerEnv, quietRuntimeOptions } from '../support/temporal-env';

const SENT = `${SEND_METRICS.remindersSent}_total`;
const SUPPRESSED = `${SEND_METRICS.remindersSuppressed}_total`;
const FAILED = `${SEND_METRICS.remindersFailed}_total`;
const DURATION = SEND_METRICS.sendDuration;

let metricsUrl: string;
let env: TestWorkflowEnvironment;
let inbox: LocalInbox;
let faultySes: SesFaultEndpoint;
let ledger: SendLedger;

before(async () => {
  const address = `127.0.0.1:${await freePort()}`;
  installWorkerRuntime(address, quietRuntimeOptions()); // as apps/worker/main.ts does, before any connection
  metricsUrl = `http://${address}/metrics`;
  [env, inbox, faultySes, ledger] = await openAll([
    [devServerEnv(), (e) => e.teardown()],
    [LocalInbox.start(), (i) => i.close()],
    [startSesFaultEndpoint({ default: { kind: 'ok' } }), (s) => s.close()],
    [openSendLedger({ databaseUrl: undefined, inMemory: true }), (l) => l.close()],
  ]);
});

after(async () => {
  await ledger?.close();
  await faultySes?.close();
  await inbox?.close();
  await env?.teardown();
});

/** Runs `fn` with the production worker (workflow bundle + send activities) polling its own task queue. */
async function withWorker<T>(mailer: Mailer, fn: (taskQueue: string) => Promise<T>): Promise<T> {
  const taskQueue = `metrics-${randomUUID()}`;
  const worker: Worker = await createRecoveryWorker({
    connection: env.nativeConnection,
    namespace: 'default',
    taskQueue,
    dataConverter: testDataConverter(),
    activities: createActivities({
      mailer,
      ledger,
      from: 'Shop <shop@example.com>',
      links: testLinkSettings('http://127.0.0.1:1'),
    }),
  });
  return worker.runUntil(fn(taskQueue));
}

/** Starts a checkout with a seconds-long schedule and waits for its workflow to finish. */
async function runCheckout(
  taskQueue: string,
  afters: string[],
  checkoutId = `co-${randomUUID().slice(0, 8)}`,
): Promise<{ checkoutId: string; status: CheckoutStatus }> {
  const resolved = resolveSchedule(afters.map((after) => ({ after })));
  if (!resolved.ok) throw new Error(JSON.stringify(resolved.errors));
  const input: CheckoutRecoveryInput = {
    checkout: {
      checkoutId,
      customer: { id: 'c-metrics', email: `${checkoutId}@shoppers.example.com` },
      cart: { currency: 'EUR', total: 10, items: [{ sku: 'S', name: 'Mug', quantity: 1, unitPrice: 10 }] },
      checkoutUrl: `https://shop.example.com/checkout/${checkoutId}`,
    },
    schedule: resolved.steps,
  };
  const handle = await env.client.workflow.start(WORKFLOW_TYPE, {
    taskQueue,
    workflowId: workflowIdFor(checkoutId),
    args: [input],
  });
  return { checkoutId, status: (await handle.result()) as CheckoutStatus };
}

describe('worker metrics endpoint (Runtime Prometheus exporter)', () => {
  test('a reminder sent to SES counts once in checkout_recovery_reminders_sent_total{step="1",channel="email"}, next to the SDK worker metrics', async () => {
    const mailer = createSesMailer({ endpoint: inbox.url, region: 'us-east-1' });
    try {
      await withWorker(mailer, async (taskQueue) => {
        const { checkoutId, status } = await runCheckout(taskQueue, ['1s']);
        assert.equal(status.remindersSent, 1);
        assert.equal((await inbox.messagesTo(`${checkoutId}@shoppers.example.com`)).length, 1);

        const ours = { taskQueue, step: '1', channel: 'email' };
        const { text, samples } = await scrapeUntil(metricsUrl, (s) => metricValue(s, SENT, ours) === 1);
        assert.equal(metricValue(samples, SENT, ours), 1, text);
        assert.equal(
          metricValue(samples, SENT, { taskQueue, step: '1', channel: 'email', activityType: 'sendReminder' }),
          1,
        );
        assert.equal(metricValue(samples, FAILED, { taskQueue }), undefined, 'nothing failed');
        assert.equal(metricValue(samples, SUPPRESSED, { taskQueue }), undefined, 'nothing suppressed');

        const sends = { taskQueue, kind: 'reminder', channel: 'email', result: 'sent' };
        assert.equal(metricValue(samples, `${DURATION}_count`, sends), 1, 'one SES call timed');
        const seconds = metricValue(samples, `${DURATION}_sum`, sends) ?? -1;
        assert.ok(seconds > 0 && seconds < 20, `SES latency in seconds, got ${seconds}`);
        assert.equal(metricValue(samples, `${DURATION}_bucket`, { ...sends, le: '20' }), 1, 'buckets in seconds');

        const types = declaredTypes(text);
        assert.equal(types.get(SENT), 'counter');
        assert.equal(types.get(DURATION), 'histogram');
        // The SDK's own worker metrics on the same endpoint, with Prometheus naming (see runtime.ts).
        assert.equal(types.get('temporal_workflow_completed_total'), 'counter');
        assert.ok((metricValue(samples, 'temporal_workflow_completed_total', { task_queue: taskQueue }) ?? 0) >= 1);
        assert.ok(metricValue(samples, 'temporal_activity_execution_latency_count', { task_queue: taskQueue }));
        assert.ok(
          metricValue(samples, 'temporal_worker_task_slots_available', { task_queue: taskQueue }) !== undefined,
        );
      });
    } finally {
      mailer.close();
    }
  });

  test('a step SES rejects counts as failed (reason rejected); a step already in the ledger as suppressed (already_sent)', async () => {
    faultySes.enqueue({ kind: 'reject' });
    const mailer = createSesMailer({ endpoint: faultySes.url, region: 'us-east-1' });
    try {
      await withWorker(mailer, async (taskQueue) => {
        // Step 2 was sent by an earlier run (a reset, say): the ledger knows it.
        const checkoutId = `co-${randomUUID().slice(0, 8)}`;
        await ledger.claim(reminderKey(checkoutId, 2), { checkoutId, kind: 'reminder', step: 2 });
        await ledger.markSent(reminderKey(checkoutId, 2), 'earlier-message');
        const { status } = await runCheckout(taskQueue, ['1s', '2s'], checkoutId);
        assert.deepEqual(
          status.reminders.map((r) => [r.step, r.outcome]),
          [
            [1, 'failed'],
            [2, 'sent'],
          ],
        );
        const expected = (s: Sample[]) =>
          metricValue(s, FAILED, { taskQueue, step: '1', reason: 'rejected' }) === 1 &&
          metricValue(s, SUPPRESSED, { taskQueue, step: '2', reason: 'already_sent' }) === 1;
        const { text, samples } = await scrapeUntil(metricsUrl, expected);
        assert.ok(expected(samples), text);
        assert.equal(metricValue(samples, SENT, { taskQueue }), undefined, 'SES accepted nothing');
        assert.equal(metricValue(samples, `${DURATION}_count`, { taskQueue, result: 'failed' }), 1);
      });
    } finally {
      mailer.close();
    }
  });
});
