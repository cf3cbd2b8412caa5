// With OTEL_EXPORTER_OTLP_ENDPOINT set, one checkout is one trace: the API's HTTP request, its
// client's start, the workflow's run and each reminder's send activity share its trace id, and reach
// a real OTLP/HTTP endpoint. Real dev server, the real API over HTTP, the production worker (bundle +
// send activities), a real local SES.
import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { request } from 'node:http';
import { after, before, describe, test } from 'node:test';
import type { Client } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { createActivities } from '../../activities';
import { createSesMailer } from '../../activities/ses-mailer';
import { signLink } from '../../apps/shared/link-token';
import { startTracing, type Tracing } from '../../apps/shared/tracing';
import { createRecoveryWorker } from '../../apps/worker/create-worker';
import type { CheckoutRecoveryInput, CheckoutStatus } from '../../common/checkout';
import { WORKFLOW_TYPE, workflowIdFor } from '../../common/messages';
import { resolveSchedule } from '../../common/schedule';
import { loadConfig } from '../../config/env';
import { connectClient } from '../../config/temporal';
import { loadTracing } from '../../config/tracing';
import { openSendLedger, type SendLedger } from '../../storage/send-ledger';
import { call, checkoutBody, type RunningApi, startApi } from '../api/support/api-harness';
import { LocalInbox } from '../support/inbox';
import { TEST_LINK_SECRET, testLinkSettings } from '../support/links';
import { openAll } from '../support/open-all';
import { TEST_ENCRYPTION_ENV, testDataConverter } from '../support/payload-keys';
import { devServerEnv, installQuietRuntime } from '../support/temporal-env';
import { OtlpReceiver, type ReceivedSpan } from './otlp-receiver';

installQuietRuntime();

let env: TestWorkflowEnvironment;
let inbox: LocalInbox;
let ledger: SendLedger;
let receiver: OtlpReceiver;
let tracing: Tracing | undefined;
let client: Client;
let api: RunningApi;

const SPAN_KIND_SERVER = 2;

before(async () => {
  [env, inbox, ledger, receiver] = await openAll([
    [devServerEnv(), (e) => e.teardown()],
    [LocalInbox.start(), (i) => i.close()],
    [openSendLedger({ databaseUrl: undefined, inMemory: true }), (l) => l.close()],
    [OtlpReceiver.start(), (r) => r.close()],
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
  // The API over HTTP around that client, with tracing on as the same variables turn it on.
  api = await startApi(client, { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url });
});

after(async () => {
  await api?.close();
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

  test('a request with a W3C traceparent is a server span in that trace, named by its route, and the workflow start is its child', async () => {
    assert.ok(tracing);
    const traceId = randomBytes(16).toString('hex');
    const callerSpanId = randomBytes(8).toString('hex');
    const checkoutId = `co-${randomUUID().slice(0, 8)}`;
    const res = await call(`${api.url}/checkouts`, 'POST', checkoutBody(checkoutId), {
      traceparent: `00-${traceId}-${callerSpanId}-01`,
    });
    assert.equal(res.status, 202);

    const server = await spanWhere((s) => s.traceId === traceId && s.kind === SPAN_KIND_SERVER);
    assert.equal(server.parentSpanId, callerSpanId, "the caller's span is the server span's parent");
    assert.equal(server.name, 'POST /checkouts');
    assert.equal(server.attributes['http.route'], '/checkouts');
    assert.equal(server.attributes['http.request.method'], 'POST');
    assert.equal(Number(server.attributes['http.response.status_code']), 202);
    const start = await spanWhere((s) => s.traceId === traceId && s.name === `StartWorkflow:${WORKFLOW_TYPE}`);
    assert.equal(start.parentSpanId, server.spanId, 'the Temporal client span is a child of the request');
  });

  test('a body that arrives after the headers still runs the handler inside the request span', async () => {
    const traceId = randomBytes(16).toString('hex');
    const checkoutId = `co-${randomUUID().slice(0, 8)}`;
    const body = JSON.stringify(checkoutBody(checkoutId));
    // Headers first, the body in a later packet: the body parser resumes from the socket's events,
    // outside the middleware's call, as with any slow client.
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${api.url}/checkouts`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-01`,
        },
      });
      req.on('response', (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.flushHeaders();
      setTimeout(() => req.end(body), 200);
    });
    assert.equal(status, 202);
    const server = await spanWhere((s) => s.traceId === traceId && s.kind === SPAN_KIND_SERVER);
    const start = await spanWhere((s) => s.traceId === traceId && s.name === `StartWorkflow:${WORKFLOW_TYPE}`);
    assert.equal(start.parentSpanId, server.spanId);
  });

  test("signed links' tokens appear in no span: the route pattern names it, neither path nor query is recorded", async () => {
    const claims = { checkoutId: 'co-77', customerId: 'c-42', step: 1, expiresAt: Math.floor(Date.now() / 1000) + 600 };
    const resume = signLink({ ...claims, purpose: 'resume', target: 'https://shop.example.com/checkout/co-77' }, [
      TEST_LINK_SECRET,
    ]);
    const unsubscribe = signLink({ ...claims, purpose: 'unsubscribe' }, [TEST_LINK_SECRET]);
    const secret = randomUUID();
    const traceId = randomBytes(16).toString('hex');
    const traceparent = `00-${traceId}-${randomBytes(8).toString('hex')}-01`;
    const get = (path: string) => fetch(`${api.url}${path}`, { redirect: 'manual', headers: { traceparent } });
    assert.equal((await get(`/r/${resume}`)).status, 302);
    assert.equal((await get(`/unsubscribe?token=${unsubscribe}`)).status, 200);
    assert.equal((await get(`/no-such-route/${secret}?token=${secret}`)).status, 404);

    const spans = await spansWhere((s) => s.traceId === traceId && s.kind === SPAN_KIND_SERVER, 3);
    assert.deepEqual(spans.map((s) => s.name).sort(), ['GET', 'GET /r/:token', 'GET /unsubscribe']);
    const recorded = JSON.stringify(spans);
    for (const token of [resume, unsubscribe, secret])
      assert.ok(!recorded.includes(token), `a token is in a span: ${recorded}`);
  });

  test('health probes make no spans', async () => {
    const traceId = randomBytes(16).toString('hex');
    const traceparent = `00-${traceId}-${randomBytes(8).toString('hex')}-01`;
    assert.equal((await fetch(`${api.url}/health/live`, { headers: { traceparent } })).status, 200);
    // A traced request after it: once its span is in, the probe's would have been too.
    assert.equal((await fetch(`${api.url}/no-such-route`, { headers: { traceparent } })).status, 404);
    const spans = await spansWhere((s) => s.traceId === traceId, 1);
    assert.deepEqual(
      spans.map((s) => s.name),
      ['GET'],
    );
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

/** The spans matching `match` once `count` of them reached the receiver (a span ends after its response). */
async function spansWhere(match: (span: ReceivedSpan) => boolean, count: number): Promise<ReceivedSpan[]> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    await tracing?.spanProcessor.forceFlush();
    const found = receiver.spans.filter(match);
    if (found.length >= count) return found;
    if (Date.now() > deadline) assert.fail(`${found.length} of ${count} spans; got ${JSON.stringify(found)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function spanWhere(match: (span: ReceivedSpan) => boolean): Promise<ReceivedSpan> {
  const [span] = await spansWhere(match, 1);
  assert.ok(span);
  return span;
}
