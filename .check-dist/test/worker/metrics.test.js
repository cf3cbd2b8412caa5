// The worker's Prometheus endpoint, scraped over HTTP while the real workflow and send activities
// run on a real dev server and send to a real local SES: the SDK's worker metrics and ours, on one port.
var __importDefault = (this && this.__importDefault) || ((mod) => (mod && mod.__esModule ? mod : { default: mod }));
Object.defineProperty(exports, '__esModule', { value: true });
const strict_1 = __importDefault(require('node:assert/strict'));
const node_crypto_1 = require('node:crypto');
const node_test_1 = require('node:test');
const activities_1 = require('../../activities');
const metrics_1 = require('../../activities/metrics');
const ses_mailer_1 = require('../../activities/ses-mailer');
const create_worker_1 = require('../../apps/worker/create-worker');
const runtime_1 = require('../../apps/worker/runtime');
const messages_1 = require('../../common/messages');
const schedule_1 = require('../../common/schedule');
const send_ledger_1 = require('../../storage/send-ledger');
const inbox_1 = require('../support/inbox');
const links_1 = require('../support/links');
const payload_keys_1 = require('../support/payload-keys');
const prometheus_1 = require('../support/prometheus');
const ses_fault_endpoint_1 = require('../support/ses-fault-endpoint');
const temporal_env_1 = require('../support/temporal-env');
const SENT = `${metrics_1.SEND_METRICS.remindersSent}_total`;
const SUPPRESSED = `${metrics_1.SEND_METRICS.remindersSuppressed}_total`;
const FAILED = `${metrics_1.SEND_METRICS.remindersFailed}_total`;
const DURATION = metrics_1.SEND_METRICS.sendDuration;
let metricsUrl;
let env;
let inbox;
let faultySes;
let ledger;
(0, node_test_1.before)(async () => {
  const address = `127.0.0.1:${await ((0, prometheus_1.freePort))()}`;
  (0, runtime_1.installWorkerRuntime)(address, (0, temporal_env_1.quietRuntimeOptions)()); // as apps/worker/main.ts does, before any connection
  metricsUrl = `http://${address}/metrics`;
  [env, inbox, faultySes, ledger] = await Promise.all([
    (0, temporal_env_1.devServerEnv)(),
    inbox_1.LocalInbox.start(),
    (0, ses_fault_endpoint_1.startSesFaultEndpoint)({ default: { kind: 'ok' } }),
    (0, send_ledger_1.openSendLedger)({ databaseUrl: undefined, inMemory: true }),
  ]);
});
(0, node_test_1.after)(async () => {
  await ledger?.close();
  await faultySes?.close();
  await inbox?.close();
  await env?.teardown();
});
/** Runs `fn` with the production worker (workflow bundle + send activities) polling its own task queue. */
async function withWorker(mailer, fn) {
  const taskQueue = `metrics-${(0, node_crypto_1.randomUUID)()}`;
  const worker = await (0, create_worker_1.createRecoveryWorker)({
    connection: env.nativeConnection,
    namespace: 'default',
    taskQueue,
    dataConverter: (0, payload_keys_1.testDataConverter)(),
    activities: (0, activities_1.createActivities)({
      mailer,
      ledger,
      from: 'Shop <shop@example.com>',
      links: (0, links_1.testLinkSettings)('http://127.0.0.1:1'),
    }),
  });
  return worker.runUntil(fn(taskQueue));
}
/** Starts a checkout with a seconds-long schedule and waits for its workflow to finish. */
async function runCheckout(taskQueue, afters, checkoutId = `co-${(0, node_crypto_1.randomUUID)().slice(0, 8)}`) {
  const resolved = (0, schedule_1.resolveSchedule)(afters.map((after) => ({ after })));
  if (!resolved.ok) throw new Error(JSON.stringify(resolved.errors));
  const input = {
    checkout: {
      checkoutId,
      customer: { id: 'c-metrics', email: `${checkoutId}@shoppers.example.com` },
      cart: { currency: 'EUR', total: 10, items: [{ sku: 'S', name: 'Mug', quantity: 1, unitPrice: 10 }] },
      checkoutUrl: `https://shop.example.com/checkout/${checkoutId}`,
    },
    schedule: resolved.steps,
  };
  const handle = await env.client.workflow.start(messages_1.WORKFLOW_TYPE, {
    taskQueue,
    workflowId: (0, messages_1.workflowIdFor)(checkoutId),
    args: [input],
  });
  return { checkoutId, status: await handle.result() };
}
(0, node_test_1.describe)('worker metrics endpoint (Runtime Prometheus exporter)', () => {
  (0, node_test_1.test)(
    'a reminder sent to SES counts once in checkout_recovery_reminders_sent_total{step="1",channel="email"}, next to the SDK worker metrics',
    async () => {
      const mailer = (0, ses_mailer_1.createSesMailer)({ endpoint: inbox.url, region: 'us-east-1' });
      try {
        await withWorker(mailer, async (taskQueue) => {
          const { checkoutId, status } = await runCheckout(taskQueue, ['1s']);
          strict_1.default.equal(status.remindersSent, 1);
          strict_1.default.equal((await inbox.messagesTo(`${checkoutId}@shoppers.example.com`)).length, 1);
          const ours = { taskQueue, step: '1', channel: 'email' };
          const { text, samples } = await (0, prometheus_1.scrapeUntil)(
            metricsUrl,
            (s) => (0, prometheus_1.metricValue)(s, SENT, ours) === 1,
          );
          strict_1.default.equal((0, prometheus_1.metricValue)(samples, SENT, ours), 1, text);
          strict_1.default.equal(
            (0, prometheus_1.metricValue)(samples, SENT, {
              taskQueue,
              step: '1',
              channel: 'email',
              activityType: 'sendReminder',
            }),
            1,
          );
          strict_1.default.equal(
            (0, prometheus_1.metricValue)(samples, FAILED, { taskQueue }),
            undefined,
            'nothing failed',
          );
          strict_1.default.equal(
            (0, prometheus_1.metricValue)(samples, SUPPRESSED, { taskQueue }),
            undefined,
            'nothing suppressed',
          );
          const sends = { taskQueue, kind: 'reminder', channel: 'email', result: 'sent' };
          strict_1.default.equal(
            (0, prometheus_1.metricValue)(samples, `${DURATION}_count`, sends),
            1,
            'one SES call timed',
          );
          const seconds = (0, prometheus_1.metricValue)(samples, `${DURATION}_sum`, sends) ?? -1;
          strict_1.default.ok(seconds > 0 && seconds < 20, `SES latency in seconds, got ${seconds}`);
          strict_1.default.equal(
            (0, prometheus_1.metricValue)(samples, `${DURATION}_bucket`, { ...sends, le: '20' }),
            1,
            'buckets in seconds',
          );
          const types = (0, prometheus_1.declaredTypes)(text);
          strict_1.default.equal(types.get(SENT), 'counter');
          strict_1.default.equal(types.get(DURATION), 'histogram');
          // The SDK's own worker metrics on the same endpoint, with Prometheus naming (see runtime.ts).
          strict_1.default.equal(types.get('temporal_workflow_completed_total'), 'counter');
          strict_1.default.ok(
            ((0, prometheus_1.metricValue)(samples, 'temporal_workflow_completed_total', { task_queue: taskQueue }) ??
              0) >= 1,
          );
          strict_1.default.ok(
            (0, prometheus_1.metricValue)(samples, 'temporal_activity_execution_latency_count', {
              task_queue: taskQueue,
            }),
          );
          strict_1.default.ok(
            (0, prometheus_1.metricValue)(samples, 'temporal_worker_task_slots_available', {
              task_queue: taskQueue,
            }) !== undefined,
          );
        });
      } finally {
        mailer.close();
      }
    },
  );
  (0, node_test_1.test)(
    'a step SES rejects counts as failed (reason rejected); a step already in the ledger as suppressed (already_sent)',
    async () => {
      faultySes.enqueue({ kind: 'reject' });
      const mailer = (0, ses_mailer_1.createSesMailer)({ endpoint: faultySes.url, region: 'us-east-1' });
      try {
        await withWorker(mailer, async (taskQueue) => {
          // Step 2 was sent by an earlier run (a reset, say): the ledger knows it.
          const checkoutId = `co-${(0, node_crypto_1.randomUUID)().slice(0, 8)}`;
          await ledger.claim((0, send_ledger_1.reminderKey)(checkoutId, 2), { checkoutId, kind: 'reminder', step: 2 });
          await ledger.markSent((0, send_ledger_1.reminderKey)(checkoutId, 2), 'earlier-message');
          const { status } = await runCheckout(taskQueue, ['1s', '2s'], checkoutId);
          strict_1.default.deepEqual(
            status.reminders.map((r) => [r.step, r.outcome]),
            [
              [1, 'failed'],
              [2, 'sent'],
            ],
          );
          const expected = (s) =>
            (0, prometheus_1.metricValue)(s, FAILED, { taskQueue, step: '1', reason: 'rejected' }) === 1 &&
            (0, prometheus_1.metricValue)(s, SUPPRESSED, { taskQueue, step: '2', reason: 'already_sent' }) === 1;
          const { text, samples } = await (0, prometheus_1.scrapeUntil)(metricsUrl, expected);
          strict_1.default.ok(expected(samples), text);
          strict_1.default.equal(
            (0, prometheus_1.metricValue)(samples, SENT, { taskQueue }),
            undefined,
            'SES accepted nothing',
          );
          strict_1.default.equal(
            (0, prometheus_1.metricValue)(samples, `${DURATION}_count`, { taskQueue, result: 'failed' }),
            1,
          );
        });
      } finally {
        mailer.close();
      }
    },
  );
});
//# sourceMappingURL=metrics.test.js.map
