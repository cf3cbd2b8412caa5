// With OTEL_EXPORTER_OTLP_ENDPOINT set, one checkout is one trace: the API client's start, the
// workflow's run and each reminder's send activity share its trace id, and reach a real OTLP/HTTP
// endpoint. Real dev server, the production worker (bundle + send activities), a real local SES.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { Client } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { createActivities } from '../../activities';
import { createSesMailer } from '../../activities/ses-mailer';
import { startTracing, type Tracing } from '../../apps/shared/tracing';
import { createRecoveryWorker } from '../../apps/worker/create-worker';
import type { CheckoutRecoveryInput, CheckoutStatus } from '../../common/checkout';
import { WORKFLOW_TYPE, workflowIdFor } from '../../common/messages';
import { resolveSchedule } from '../../common/schedule';
import { loadConfig } from '../../config/env';
import { connectClient } from '../../config/temporal';
import { loadTracing } from '../../config/tracing';
import { openSendLedger, type SendLedger } from '../../storage/send-ledger';
import { LocalInbox } from '../support/inbox';
import { TEST_LINK_SECRET, testLinkSettings } from '../support/links';
import { TEST_ENCRYPTION_ENV, testDataConverter } from '../support/payload-keys';
import { devServerEnv, installQuietRuntime } from '../support/temporal-env';
import { OtlpReceiver } from './otlp-receiver';

installQuietRuntime();

let env: TestWorkflowEnvironment;
let inbox: LocalInbox;
let ledger: SendLedger;
let receiver: OtlpReceiver;
let tracing: Tracing | undefined;
let client: Client;

before(async () => {
  [env, inbox, ledger, receiver] = await Promise.all([
    devServerEnv(),
    LocalInbox.start(),
    openSendLedger({ databaseUrl: undefined, inMemory: true }),
    OtlpReceiver.start(),
  ]);
  // The API's own client, from the API's configuration, as apps/api/main.ts builds it.
  const config = loadConfig({
    LINK_SIGNING_SECRET: TEST_LINK_SECRET,
    ...TEST_ENCRYPTION_ENV,
    TEMPORAL_ADDRESS: env.address,
    OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
    OTEL_SERVICE_NAME: 'checkout-recovery-test',
  });
  tracing = startTracing(config.tracing, 'unused');
  client = await connectClient(config);
});

after(async () => {
  await client?.connection.close();
  await tracing?.shutdown();
  await receiver?.close();
  await ledger?.close();
  await inbox?.close();
  await env?.teardown();
});

describe('OpenTelemetry tracing', () => {
  test('a checkout started by the API client is one trace from the start to the reminder sent to SES', async () => {
    assert.ok(tracing, 'OTEL_EXPORTER_OTLP_ENDPOINT turns tracing on');
    const mailer = createSesMailer({ endpoint: inbox.url, region: 'us-east-1' });
    const taskQueue = `tracing-${randomUUID()}`;
    const checkoutId = `co-${randomUUID().slice(0, 8)}`;
    const worker = await createRecoveryWorker({
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
      tracing,
    });
    const resolved = resolveSchedule([{ after: '1s' }]);
    assert.ok(resolved.ok);
    const input: CheckoutRecoveryInput = {
      checkout: {
        checkoutId,
        customer: { id: 'c-trace', email: `${checkoutId}@shoppers.example.com` },
        cart: { currency: 'EUR', total: 10, items: [{ sku: 'S', name: 'Mug', quantity: 1, unitPrice: 10 }] },
        checkoutUrl: `https://shop.example.com/checkout/${checkoutId}`,
      },
      schedule: resolved.steps,
    };
    try {
      const status = await worker.runUntil(async () => {
        const handle = await client.workflow.start(WORKFLOW_TYPE, {
          taskQueue,
          workflowId: workflowIdFor(checkoutId),
          args: [input],
        });
        return (await handle.result()) as CheckoutStatus;
      });
      assert.equal(status.remindersSent, 1);
      assert.equal((await inbox.messagesTo(`${checkoutId}@shoppers.example.com`)).length, 1);
    } finally {
      mailer.close();
    }
    await tracing.spanProcessor.forceFlush();

    const start = receiver.spans.find((s) => s.name === `StartWorkflow:${WORKFLOW_TYPE}`);
    assert.ok(start, `the client's start is a span; got ${receiver.spans.map((s) => s.name).join(', ')}`);
    const trace = receiver.spans.filter((s) => s.traceId === start.traceId);
    const names = trace.map((s) => s.name);
    assert.ok(names.includes(`RunWorkflow:${WORKFLOW_TYPE}`), `workflow run in the trace: ${names.join(', ')}`);
    assert.ok(names.includes('RunActivity:sendReminder'), `the send in the trace: ${names.join(', ')}`);
    assert.ok(
      trace.every((s) => s.service === 'checkout-recovery-test'),
      'OTEL_SERVICE_NAME names the service',
    );
    const run = trace.find((s) => s.name === `RunWorkflow:${WORKFLOW_TYPE}`);
    assert.equal(run?.parentSpanId, start.spanId, 'the workflow run continues the start span');
  });

  test('the standard variables: a base endpoint gains /v1/traces, a traces endpoint is used as given, neither is off', () => {
    assert.equal(
      loadTracing({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/' })?.tracesUrl,
      'http://collector:4318/v1/traces',
    );
    assert.equal(
      loadTracing({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'https://otlp.example.com/custom' })?.tracesUrl,
      'https://otlp.example.com/custom',
    );
    assert.equal(loadTracing({}), undefined);
    assert.throws(
      () => loadTracing({ OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' }),
      /OTEL_EXPORTER_OTLP_ENDPOINT must be an http\(s\) URL/,
    );
  });
});
