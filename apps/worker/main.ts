// The worker process: connects to Temporal, opens the send ledger, serves the checkout-recovery
// workflow and its activities until SIGINT/SIGTERM, then drains in-flight sends and closes everything.
import { Client } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { createActivities } from '../../activities';
import { smsChannel } from '../../activities/channels/sms-channel';
import { createSnsSmsSender } from '../../activities/channels/sns-sms-sender';
import { openSendLedger } from '../../activities/send-ledger';
import { createSesMailer } from '../../activities/ses-mailer';
import { shopNameFrom } from '../../activities/templates/sms';
import { dataConverterFor, describeEncryption } from '../../config/encryption/data-converter';
import { ConfigError, loadConfig } from '../../config/env';
import { registerSearchAttributes } from '../../config/search-attributes-registration';
import { temporalTarget } from '../../config/temporal';
import { checkoutStateReader } from './checkout-state';
import { createRecoveryWorker } from './create-worker';
import { installWorkerRuntime } from './runtime';

async function main(): Promise<void> {
  const config = loadConfig();
  installWorkerRuntime(config.metrics.workerAddress); // before any connection
  const target = temporalTarget(config);
  // One converter for both: the worker's own client queries checkouts, whose state is encrypted too.
  const dataConverter = dataConverterFor(config.encryption);
  const connection = await NativeConnection.connect(target.connectionOptions);
  const ledger = await openSendLedger({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const mailer = createSesMailer(config.ses);
  const sms = createSnsSmsSender(config.sns);
  try {
    const client = new Client({ connection, namespace: target.namespace, dataConverter });
    await registerSearchAttributes(client.connection, target.namespace);
    const activities = createActivities({
      mailer,
      ledger,
      from: config.ses.from,
      links: { ...config.links, publicUrl: config.api.publicUrl },
      // Re-checked right before each send: an order may land while the send is queued or retrying.
      checkoutState: checkoutStateReader(client),
      // Email is the mailer's; steps naming sms text through SNS. No push sender yet: push steps fall through.
      channels: [smsChannel(sms, shopNameFrom(config.ses.from))],
    });
    const worker = await createRecoveryWorker({
      connection,
      namespace: target.namespace,
      taskQueue: config.temporal.taskQueue,
      activities,
      dataConverter,
    });
    if (config.metrics.workerAddress) console.log(`worker metrics on http://${config.metrics.workerAddress}/metrics`);
    // Gmail and Yahoo ignore a List-Unsubscribe that is not https; the local http URL is for development.
    if (!/^https:/.test(config.api.publicUrl) && process.env.NODE_ENV === 'production')
      console.warn(
        `PUBLIC_API_URL ${config.api.publicUrl} is not https: mail clients will not offer one-click unsubscribe`,
      );
    console.log(describeEncryption(config.encryption));
    console.log(
      `worker polling task queue "${config.temporal.taskQueue}" on ${config.temporal.address} (namespace ${target.namespace})`,
    );
    await worker.run(); // resolves after SIGINT/SIGTERM once in-flight tasks are drained
  } finally {
    mailer.close();
    sms.close();
    await ledger.close();
    await connection.close();
  }
}

main().catch((err: unknown) => {
  const message = err instanceof Error ? err.message : String(err);
  console.error(err instanceof ConfigError ? `Configuration error: ${message}` : `worker failed: ${message}`);
  process.exit(1);
});
