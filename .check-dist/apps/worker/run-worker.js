Object.defineProperty(exports, '__esModule', { value: true });
exports.runWorker = runWorker;
// The worker's life once its configuration and stores are open: connect to Temporal, serve the
// checkout-recovery workflow and its activities until SIGINT/SIGTERM, drain, disconnect. Shared by
// the worker process and by `npm start`'s single process on the embedded database.
const activity_1 = require('@temporalio/activity');
const client_1 = require('@temporalio/client');
const worker_1 = require('@temporalio/worker');
const activities_1 = require('../../activities');
const push_channel_1 = require('../../activities/channels/push-channel');
const sms_channel_1 = require('../../activities/channels/sms-channel');
const sns_sms_sender_1 = require('../../activities/channels/sns-sms-sender');
const web_push_sender_1 = require('../../activities/channels/web-push-sender');
const ses_mailer_1 = require('../../activities/ses-mailer');
const sms_1 = require('../../activities/templates/sms');
const data_converter_1 = require('../../config/encryption/data-converter');
const search_attributes_registration_1 = require('../../config/search-attributes-registration');
const temporal_1 = require('../../config/temporal');
const preferences_store_1 = require('../../storage/preferences-store');
const process_log_1 = require('../shared/process-log');
const create_worker_1 = require('./create-worker');
const health_server_1 = require('./health-server');
/** Resolves once the worker has stopped (after a signal) and drained its in-flight sends. */
async function runWorker(config, stores) {
  let worker;
  // First: the orchestrator sees a live (starting) process while it connects and bundles.
  const health = config.worker.healthAddress
    ? await (0, health_server_1.startWorkerHealthServer)(config.worker.healthAddress, {
        state: () => worker?.getState(),
        pingDatabase: () => stores.preferences.ping(),
      })
    : undefined;
  try {
    await serve(config, stores, (created) => {
      worker = created;
      if (health)
        (0, process_log_1.processLog)(
          config.logFormat,
          'info',
          `worker health on ${health.url}/health/live and /health/ready`,
        );
    });
  } finally {
    await health?.close();
  }
}
async function serve(config, stores, created) {
  const target = (0, temporal_1.temporalTarget)(config);
  // One converter for the worker and its client (search attribute registration).
  const dataConverter = (0, data_converter_1.dataConverterFor)(config.encryption);
  const connection = await worker_1.NativeConnection.connect(target.connectionOptions);
  const mailer = (0, ses_mailer_1.createSesMailer)(config.ses);
  const sms = (0, sns_sms_sender_1.createSnsSmsSender)(config.sns);
  try {
    const client = new client_1.Client({ connection, namespace: target.namespace, dataConverter });
    // Production may leave this to the one-shot setup job (apps/worker/setup.ts, WORKER_SETUP_AT_BOOT=false).
    if (config.worker.setupAtBoot)
      await (0, search_attributes_registration_1.registerSearchAttributes)(client.connection, target.namespace);
    const activities = (0, activities_1.createActivities)({
      mailer,
      ledger: stores.ledger,
      from: config.ses.from,
      links: { ...config.links, publicUrl: config.api.publicUrl },
      // Right before each send, in the claim's own statement: the API's stop record (an order may
      // land while the send is queued or retrying) and the customer's consent (an opt-out holds for
      // every checkout, also one not signalled yet). No history read: the API records first.
      consent: (0, preferences_store_1.consentFrom)(stores.preferences),
      consentInLedger: true,
      // Email is the mailer's; sms texts through SNS; push only with VAPID keys (else push steps fall through).
      channels: [
        (0, sms_channel_1.smsChannel)(sms, (0, sms_1.shopNameFrom)(config.ses.from), {
          allowedCallingCodes: config.sms.allowedCallingCodes,
        }),
        ...(config.push
          ? [
              (0, push_channel_1.webPushChannel)(
                (0, web_push_sender_1.createWebPushSender)({
                  vapid: config.push.vapid,
                  ttlSeconds: config.push.ttlSeconds,
                  allowLoopback: config.pushEndpoints.allowLoopback,
                  log: (message, attrs) => activity_1.log.warn(message, attrs),
                }),
                (0, sms_1.shopNameFrom)(config.ses.from),
              ),
            ]
          : []),
      ],
      // Codes drawn and stored in the ledger's database. A shop whose platform must know its codes
      // passes its own DiscountCodeIssuer here (docs/recovery-policy.md, "Offers and discount codes").
      discounts: stores.ledger.discountCodes,
      // Each reminder's outcome, for the analytics (a failed write retries the activity).
      events: stores.events,
      ...(config.sms.phoneCap && { smsPhoneCap: config.sms.phoneCap }),
    });
    const worker = await (0, create_worker_1.createRecoveryWorker)({
      connection,
      namespace: target.namespace,
      taskQueue: config.temporal.taskQueue,
      activities,
      dataConverter,
      deployment: config.worker.deployment,
      taskQueueActivitiesPerSecond: config.worker.taskQueueActivitiesPerSecond,
    });
    created(worker);
    if (config.worker.deployment) {
      const { deploymentName, buildId } = config.worker.deployment;
      (0, process_log_1.processLog)(
        config.logFormat,
        'info',
        `worker deployment ${deploymentName}, build ${buildId} (Worker Versioning, AUTO_UPGRADE)`,
      );
    }
    if (config.worker.taskQueueActivitiesPerSecond)
      (0, process_log_1.processLog)(
        config.logFormat,
        'info',
        `task queue limited to ${config.worker.taskQueueActivitiesPerSecond} activities/s (provider quotas)`,
      );
    if (config.metrics.workerAddress)
      (0, process_log_1.processLog)(
        config.logFormat,
        'info',
        `worker metrics on http://${config.metrics.workerAddress}/metrics`,
      );
    // Gmail and Yahoo ignore a List-Unsubscribe that is not https; the local http URL is for development.
    if (!/^https:/.test(config.api.publicUrl) && config.production)
      (0, process_log_1.processLog)(
        config.logFormat,
        'warn',
        `PUBLIC_API_URL ${config.api.publicUrl} is not https: mail clients will not offer one-click unsubscribe`,
      );
    (0, process_log_1.processLog)(
      config.logFormat,
      'info',
      (0, data_converter_1.describeEncryption)(config.encryption),
    );
    (0, process_log_1.processLog)(
      config.logFormat,
      'info',
      `worker polling task queue "${config.temporal.taskQueue}" on ${config.temporal.address} (namespace ${target.namespace})`,
    );
    await worker.run(); // resolves after SIGINT/SIGTERM once in-flight tasks are drained
  } finally {
    mailer.close();
    sms.close();
    await connection.close();
  }
}
//# sourceMappingURL=run-worker.js.map
