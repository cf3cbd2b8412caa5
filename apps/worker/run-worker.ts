// The worker's life once its configuration and stores are open: connect to Temporal, serve the
// checkout-recovery workflow and its activities until SIGINT/SIGTERM, drain, disconnect. Shared by
// the worker process and by `npm start`'s single process on the embedded database.
import { log as activityLog } from '@temporalio/activity';
import { Client } from '@temporalio/client';
import { NativeConnection, type Worker } from '@temporalio/worker';
import { createActivities } from '../../activities';
import { webPushChannel } from '../../activities/channels/push-channel';
import { smsChannel } from '../../activities/channels/sms-channel';
import { createSnsSmsSender } from '../../activities/channels/sns-sms-sender';
import { createWebPushSender } from '../../activities/channels/web-push-sender';
import { createSesMailer } from '../../activities/ses-mailer';
import { prepareTemplates } from '../../activities/templates/prepare';
import { customerVaultFor } from '../../checkout/customer-vault-for';
import { createOrderActivities } from '../../checkout/order-activities';
import { paymentProvidersFor } from '../../checkout/payments/providers';
import { dataConverterFor, describeEncryption } from '../../config/encryption/data-converter';
import type { AppConfig } from '../../config/env';
import { registerSearchAttributes } from '../../config/search-attributes-registration';
import { temporalTarget } from '../../config/temporal';
import { consentFrom } from '../../storage/preferences-store';
import type { LedgerStores } from '../../storage/send-ledger';
import { processLog } from '../shared/process-log';
import { startTracing } from '../shared/tracing';
import { createRecoveryWorker } from './create-worker';
import { startWorkerHealthServer, type WorkerHealthServer } from './health-server';

/** Resolves once the worker has stopped (after a signal) and drained its in-flight sends. */
export async function runWorker(config: AppConfig, stores: LedgerStores): Promise<void> {
  // Before anything connects: a broken override or layout stops the start with the file and key named.
  const templates = await prepareTemplates(config);
  processLog(
    config.logFormat,
    'info',
    `email layout compiled in ${templates.compileMs} ms; ${templates.overrides} message override(s) from TEMPLATE_OVERRIDES_DIR`,
  );
  let worker: Worker | undefined;
  // First: the orchestrator sees a live (starting) process while it connects and bundles.
  const health: WorkerHealthServer | undefined = config.worker.healthAddress
    ? await startWorkerHealthServer(config.worker.healthAddress, {
        state: () => worker?.getState(),
        pingDatabase: () => stores.preferences.ping(),
      })
    : undefined;
  try {
    await serve(config, stores, (created) => {
      worker = created;
      if (health) processLog(config.logFormat, 'info', `worker health on ${health.url}/health/live and /health/ready`);
    });
  } finally {
    await health?.close();
  }
}

async function serve(config: AppConfig, stores: LedgerStores, created: (worker: Worker) => void): Promise<void> {
  const target = temporalTarget(config);
  const tracing = startTracing(config.tracing, 'checkout-recovery-worker');
  // One converter for the worker and its client (search attribute registration).
  const dataConverter = dataConverterFor(config.encryption);
  const connection = await NativeConnection.connect({
    ...target.connectionOptions,
    grpcCompression: { codec: config.worker.grpcCompression },
  });
  const mailer = createSesMailer(config.ses);
  const sms = createSnsSmsSender(config.sns);
  try {
    const client = new Client({ connection, namespace: target.namespace, dataConverter });
    // Production may leave this to the one-shot setup job (apps/worker/setup.ts, WORKER_SETUP_AT_BOOT=false).
    if (config.worker.setupAtBoot) await registerSearchAttributes(client.connection, target.namespace);
    const activities = createActivities({
      mailer,
      ledger: stores.ledger,
      from: config.ses.from,
      brand: config.brand,
      links: { ...config.links, publicUrl: config.api.publicUrl, checkoutPage: config.checkout.page },
      // Right before each send, in the claim's own statement: the API's stop record (an order may
      // land while the send is queued or retrying) and the customer's consent (an opt-out holds for
      // every checkout, also one not signalled yet). No history read: the API records first.
      consent: consentFrom(stores.preferences),
      consentInLedger: true,
      // Email is the mailer's; sms texts through SNS; push only with VAPID keys (else push steps fall through).
      channels: [
        smsChannel(sms, config.brand.shopName, { allowedCallingCodes: config.sms.allowedCallingCodes }),
        ...(config.push
          ? [
              webPushChannel(
                createWebPushSender({
                  vapid: config.push.vapid,
                  ttlSeconds: config.push.ttlSeconds,
                  allowLoopback: config.pushEndpoints.allowLoopback,
                  log: (message, attrs) => activityLog.warn(message, attrs),
                }),
                config.brand.shopName,
              ),
            ]
          : []),
      ],
      // Codes drawn and stored in the ledger's database. A shop whose platform must know its codes
      // passes its own DiscountCodeIssuer here (docs/recovery-policy.md, "Offers and discount codes").
      discounts: stores.ledger.discountCodes,
      // Each reminder's outcome, for the analytics (a failed write retries the activity).
      events: stores.events,
      eventsInLedger: true,
      ...(config.sms.phoneCap && { smsPhoneCap: config.sms.phoneCap }),
      shortLinks: stores.shortLinks,
    });
    const vault = customerVaultFor(config, stores);
    const orderActivities = vault
      ? createOrderActivities({
          vault,
          providers: paymentProvidersFor(config.checkout),
          inventory: stores.inventory,
          orders: stores.orders,
          stops: stores.stops,
          client,
          taskQueue: config.temporal.taskQueue,
          orderAckTimeoutMs: config.orderAckTimeoutMs,
          logger: { warn: (message: string) => activityLog.warn(message) },
          events: stores.events,
        })
      : {};
    if (!vault)
      processLog(
        config.logFormat,
        'warn',
        'the order saga has no vault key (VAULT_ENCRYPTION_KEYS or payload keys): orders fail',
      );
    const worker = await createRecoveryWorker({
      connection,
      namespace: target.namespace,
      taskQueue: config.temporal.taskQueue,
      activities: { ...activities, ...orderActivities },
      dataConverter,
      deployment: config.worker.deployment,
      taskQueueActivitiesPerSecond: config.worker.taskQueueActivitiesPerSecond,
      tracing,
    });
    created(worker);
    if (config.tracing) processLog(config.logFormat, 'info', `traces to ${config.tracing.tracesUrl} (OpenTelemetry)`);
    if (config.worker.deployment) {
      const { deploymentName, buildId } = config.worker.deployment;
      processLog(
        config.logFormat,
        'info',
        `worker deployment ${deploymentName}, build ${buildId} (Worker Versioning, AUTO_UPGRADE)`,
      );
    }
    if (config.worker.taskQueueActivitiesPerSecond)
      processLog(
        config.logFormat,
        'info',
        `task queue limited to ${config.worker.taskQueueActivitiesPerSecond} activities/s (provider quotas)`,
      );
    if (config.metrics.workerAddress)
      processLog(config.logFormat, 'info', `worker metrics on http://${config.metrics.workerAddress}/metrics`);
    // Gmail and Yahoo ignore a List-Unsubscribe that is not https; the local http URL is for development.
    if (!/^https:/.test(config.api.publicUrl) && config.production)
      processLog(
        config.logFormat,
        'warn',
        `PUBLIC_API_URL ${config.api.publicUrl} is not https: mail clients will not offer one-click unsubscribe`,
      );
    processLog(config.logFormat, 'info', describeEncryption(config.encryption));
    processLog(
      config.logFormat,
      'info',
      `worker polling task queue "${config.temporal.taskQueue}" on ${config.temporal.address} (namespace ${target.namespace})`,
    );
    await worker.run(); // resolves after SIGINT/SIGTERM once in-flight tasks are drained
  } finally {
    mailer.close();
    sms.close();
    await connection.close();
    await tracing?.shutdown(); // exports the spans still buffered
  }
}
