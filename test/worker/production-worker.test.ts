// The production worker as the orchestrator runs it: the setup job migrates before the workers
// (WORKER_SETUP_AT_BOOT=false only checks), the worker's health endpoint reports its state and the
// database, a versioned worker (Worker Versioning) serves checkouts once its version is current,
// and SIGTERM drains it to a clean exit. Real processes (dist/apps/worker/*.js) on a dev server.
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { CheckoutRecoveryInput, CheckoutStatus } from '../../common/checkout';
import { orderedSignal, WORKFLOW_TYPE, workflowIdFor } from '../../common/messages';
import { sampleCheckout } from '../activities/fixtures';
import { TEST_LINK_SECRET } from '../support/links';
import { TEST_PAYLOAD_KEYS } from '../support/payload-keys';
import { freePort } from '../support/prometheus';
import { runToExit } from '../support/run-to-exit';
import { devServerEnv } from '../support/temporal-env';

const WORKER = join(__dirname, '..', '..', 'apps', 'worker');
// Connecting and bundling the workflows takes a few seconds on a busy machine.
const READY_TIMEOUT_MS = 120_000;
const DEPLOYMENT = 'checkout-recovery-test';

async function getJson(url: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(url);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = READY_TIMEOUT_MS): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe('the production worker', () => {
  let temporal: TestWorkflowEnvironment;
  let dir: string;
  let env: NodeJS.ProcessEnv;
  const taskQueue = `prod-worker-${Date.now()}`;

  before(async () => {
    temporal = await devServerEnv();
    dir = await mkdtemp(join(tmpdir(), 'prod-worker-'));
    env = {
      HOME: process.env.HOME,
      TEMPORAL_ADDRESS: temporal.address,
      TASK_QUEUE: taskQueue,
      DATA_DIR: join(dir, 'data'),
      LINK_SIGNING_SECRET: TEST_LINK_SECRET,
      PAYLOAD_ENCRYPTION_KEYS: TEST_PAYLOAD_KEYS,
      SES_ENDPOINT: 'http://127.0.0.1:1',
      AWS_REGION: 'us-east-1',
      WORKER_METRICS_ADDRESS: '',
      WORKER_SETUP_AT_BOOT: 'false',
    };
  });

  after(async () => {
    await temporal?.teardown();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  test('with WORKER_SETUP_AT_BOOT=false it refuses an unmigrated database, naming the setup job; the job fixes that', async () => {
    const refused = await runToExit(join(WORKER, 'main.js'), env, READY_TIMEOUT_MS);
    assert.equal(refused.code, 1, refused.output);
    assert.match(refused.output, /lacks migrations 1, 2/);
    assert.match(refused.output, /node dist\/apps\/worker\/setup\.js/);
    const setup = await runToExit(join(WORKER, 'setup.js'), env, READY_TIMEOUT_MS);
    assert.equal(setup.code, 0, setup.output);
    assert.match(setup.output, /ledger migrations applied/);
    assert.match(setup.output, /search attributes registered in namespace default/);
  });

  test('a versioned worker reports its state on /health, serves a checkout once its version is current, and drains on SIGTERM', async () => {
    const healthPort = await freePort();
    const health = `http://127.0.0.1:${healthPort}/health`;
    const buildId = `build-${Date.now()}`;
    const child: ChildProcess = spawn(process.execPath, [join(WORKER, 'main.js')], {
      env: {
        PATH: process.env.PATH,
        ...env,
        WORKER_HEALTH_ADDRESS: `127.0.0.1:${healthPort}`,
        TEMPORAL_DEPLOYMENT_NAME: DEPLOYMENT,
        BUILD_ID: buildId,
        LOG_FORMAT: 'json',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let stdout = '';
    child.stdout?.on('data', (d: Buffer) => {
      output += d.toString();
      stdout += d.toString();
    });
    child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
    const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
    try {
      const ready = await until('the worker to be ready', async () => {
        const res = await getJson(`${health}/ready`);
        return res.status === 200 ? res : undefined;
      });
      assert.deepEqual(ready.body, { status: 'ok', worker: 'RUNNING', database: 'up' });
      assert.deepEqual(await getJson(`${health}/live`), { status: 200, body: { status: 'ok', worker: 'RUNNING' } });
      assert.match(output, new RegExp(`worker deployment ${DEPLOYMENT}, build ${buildId}`));

      // The version exists once its worker has polled; then it can become the deployment's current one.
      const { workflowService } = temporal.client;
      await until('the version to be set current', async () => {
        await workflowService.setWorkerDeploymentCurrentVersion({
          namespace: 'default',
          deploymentName: DEPLOYMENT,
          buildId,
          identity: 'production-worker.test',
        });
        return true;
      });

      const checkout = sampleCheckout();
      const input: CheckoutRecoveryInput = {
        checkout,
        schedule: [{ after: '1h', afterMs: 3_600_000, channel: 'email', template: 'friendly' }],
        sendOrderConfirmation: false,
      };
      const handle = await temporal.client.workflow.start(WORKFLOW_TYPE, {
        taskQueue,
        workflowId: workflowIdFor(checkout.checkoutId),
        args: [input],
      });
      await handle.signal(orderedSignal, { orderId: 'o-1' });
      const status = (await handle.result()) as CheckoutStatus;
      assert.equal(status.state, 'ordered');
      const described = await workflowService.describeWorkflowExecution({
        namespace: 'default',
        execution: { workflowId: handle.workflowId },
      });
      const versioning = described.workflowExecutionInfo?.versioningInfo;
      assert.equal(versioning?.deploymentVersion?.buildId, buildId, 'the versioned worker ran it');
      assert.equal(versioning?.deploymentVersion?.deploymentName, DEPLOYMENT);

      child.kill('SIGTERM');
      const [code] = await exited;
      assert.equal(code, 0, output);
      await assert.rejects(fetch(`${health}/live`), 'the health endpoint closes with the worker');
      // LOG_FORMAT=json: every line on stdout one object (Node's own warnings go to stderr); the SDK's
      // carry their correlation fields.
      const lines = stdout.split('\n').filter((line) => line.trim() !== '');
      const records = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
      assert.ok(records.every((r) => typeof r.time === 'string' && typeof r.level === 'string' && 'message' in r));
      assert.ok(
        records.some((r) => r.taskQueue === taskQueue && r.sdkComponent === 'worker'),
        output,
      );
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  });
});
