var __importDefault = (this && this.__importDefault) || ((mod) => (mod && mod.__esModule ? mod : { default: mod }));
Object.defineProperty(exports, '__esModule', { value: true });
// The production worker as the orchestrator runs it: the setup job migrates before the workers
// (WORKER_SETUP_AT_BOOT=false only checks), the worker's health endpoint reports its state and the
// database, a versioned worker (Worker Versioning) serves checkouts once its version is current,
// and SIGTERM drains it to a clean exit. Real processes (dist/apps/worker/*.js) on a dev server.
const strict_1 = __importDefault(require('node:assert/strict'));
const node_child_process_1 = require('node:child_process');
const node_events_1 = require('node:events');
const promises_1 = require('node:fs/promises');
const node_os_1 = require('node:os');
const node_path_1 = require('node:path');
const node_test_1 = require('node:test');
const messages_1 = require('../../common/messages');
const fixtures_1 = require('../activities/fixtures');
const links_1 = require('../support/links');
const payload_keys_1 = require('../support/payload-keys');
const prometheus_1 = require('../support/prometheus');
const run_to_exit_1 = require('../support/run-to-exit');
const temporal_env_1 = require('../support/temporal-env');
const WORKER = (0, node_path_1.join)(__dirname, '..', '..', 'apps', 'worker');
// Connecting and bundling the workflows takes a few seconds on a busy machine.
const READY_TIMEOUT_MS = 120_000;
const DEPLOYMENT = 'checkout-recovery-test';
async function getJson(url) {
  const res = await fetch(url);
  return { status: res.status, body: await res.json() };
}
async function until(what, probe, timeoutMs = READY_TIMEOUT_MS) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
(0, node_test_1.describe)('the production worker', () => {
  let temporal;
  let dir;
  let env;
  const taskQueue = `prod-worker-${Date.now()}`;
  (0, node_test_1.before)(async () => {
    temporal = await (0, temporal_env_1.devServerEnv)();
    dir = await (0, promises_1.mkdtemp)((0, node_path_1.join)((0, node_os_1.tmpdir)(), 'prod-worker-'));
    env = {
      HOME: process.env.HOME,
      TEMPORAL_ADDRESS: temporal.address,
      TASK_QUEUE: taskQueue,
      DATA_DIR: (0, node_path_1.join)(dir, 'data'),
      LINK_SIGNING_SECRET: links_1.TEST_LINK_SECRET,
      PAYLOAD_ENCRYPTION_KEYS: payload_keys_1.TEST_PAYLOAD_KEYS,
      SES_ENDPOINT: 'http://127.0.0.1:1',
      AWS_REGION: 'us-east-1',
      WORKER_METRICS_ADDRESS: '',
      WORKER_SETUP_AT_BOOT: 'false',
    };
  });
  (0, node_test_1.after)(async () => {
    await temporal?.teardown();
    if (dir) await (0, promises_1.rm)(dir, { recursive: true, force: true });
  });
  (0, node_test_1.test)(
    'with WORKER_SETUP_AT_BOOT=false it refuses an unmigrated database, naming the setup job; the job fixes that',
    async () => {
      const refused = await (0, run_to_exit_1.runToExit)(
        (0, node_path_1.join)(WORKER, 'main.js'),
        env,
        READY_TIMEOUT_MS,
      );
      strict_1.default.equal(refused.code, 1, refused.output);
      strict_1.default.match(refused.output, /lacks migrations 1, 2/);
      strict_1.default.match(refused.output, /node dist\/apps\/worker\/setup\.js/);
      const setup = await (0, run_to_exit_1.runToExit)(
        (0, node_path_1.join)(WORKER, 'setup.js'),
        env,
        READY_TIMEOUT_MS,
      );
      strict_1.default.equal(setup.code, 0, setup.output);
      strict_1.default.match(setup.output, /ledger migrations applied/);
      strict_1.default.match(setup.output, /search attributes registered in namespace default/);
    },
  );
  (0, node_test_1.test)(
    'a versioned worker reports its state on /health, serves a checkout once its version is current, and drains on SIGTERM',
    async () => {
      const healthPort = await (0, prometheus_1.freePort)();
      const health = `http://127.0.0.1:${healthPort}/health`;
      const buildId = `build-${Date.now()}`;
      const child = (0, node_child_process_1.spawn)(process.execPath, [(0, node_path_1.join)(WORKER, 'main.js')], {
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
      child.stdout?.on('data', (d) => {
        output += d.toString();
        stdout += d.toString();
      });
      child.stderr?.on('data', (d) => (output += d.toString()));
      const exited = (0, node_events_1.once)(child, 'exit');
      try {
        const ready = await until('the worker to be ready', async () => {
          const res = await getJson(`${health}/ready`);
          return res.status === 200 ? res : undefined;
        });
        strict_1.default.deepEqual(ready.body, { status: 'ok', worker: 'RUNNING', database: 'up' });
        strict_1.default.deepEqual(await getJson(`${health}/live`), {
          status: 200,
          body: { status: 'ok', worker: 'RUNNING' },
        });
        strict_1.default.match(output, new RegExp(`worker deployment ${DEPLOYMENT}, build ${buildId}`));
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
        const checkout = (0, fixtures_1.sampleCheckout)();
        const input = {
          checkout,
          schedule: [{ after: '1h', afterMs: 3_600_000, channel: 'email', template: 'friendly' }],
          sendOrderConfirmation: false,
        };
        const handle = await temporal.client.workflow.start(messages_1.WORKFLOW_TYPE, {
          taskQueue,
          workflowId: (0, messages_1.workflowIdFor)(checkout.checkoutId),
          args: [input],
        });
        await handle.signal(messages_1.orderedSignal, { orderId: 'o-1' });
        const status = await handle.result();
        strict_1.default.equal(status.state, 'ordered');
        const described = await workflowService.describeWorkflowExecution({
          namespace: 'default',
          execution: { workflowId: handle.workflowId },
        });
        const versioning = described.workflowExecutionInfo?.versioningInfo;
        strict_1.default.equal(versioning?.deploymentVersion?.buildId, buildId, 'the versioned worker ran it');
        strict_1.default.equal(versioning?.deploymentVersion?.deploymentName, DEPLOYMENT);
        child.kill('SIGTERM');
        const [code] = await exited;
        strict_1.default.equal(code, 0, output);
        await strict_1.default.rejects(fetch(`${health}/live`), 'the health endpoint closes with the worker');
        // LOG_FORMAT=json: every line on stdout one object (Node's own warnings go to stderr); the SDK's
        // carry their correlation fields.
        const lines = stdout.split('\n').filter((line) => line.trim() !== '');
        const records = lines.map((line) => JSON.parse(line));
        strict_1.default.ok(
          records.every((r) => typeof r.time === 'string' && typeof r.level === 'string' && 'message' in r),
        );
        strict_1.default.ok(
          records.some((r) => r.taskQueue === taskQueue && r.sdkComponent === 'worker'),
          output,
        );
      } finally {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      }
    },
  );
});
//# sourceMappingURL=production-worker.test.js.map
