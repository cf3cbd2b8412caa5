var __importDefault = (this && this.__importDefault) || ((mod) => (mod && mod.__esModule ? mod : { default: mod }));
Object.defineProperty(exports, '__esModule', { value: true });
// The worker's runtime settings: health endpoint defaults, the deployment version and the activity
// rate sized from the providers' quotas.
const strict_1 = __importDefault(require('node:assert/strict'));
const node_test_1 = require('node:test');
const worker_config_1 = require('../../config/worker-config');
(0, node_test_1.describe)('the worker settings', () => {
  (0, node_test_1.test)(
    'the health endpoint is off in development unless asked for, on 127.0.0.1:9466 in production',
    () => {
      strict_1.default.equal((0, worker_config_1.loadWorkerConfig)({}, false).healthAddress, undefined);
      strict_1.default.equal(
        (0, worker_config_1.loadWorkerConfig)({ WORKER_HEALTH_ADDRESS: '127.0.0.1:0' }, false).healthAddress,
        '127.0.0.1:0',
      );
      strict_1.default.equal((0, worker_config_1.loadWorkerConfig)({}, true).healthAddress, '127.0.0.1:9466');
      strict_1.default.equal(
        (0, worker_config_1.loadWorkerConfig)({ WORKER_HEALTH_ADDRESS: '' }, true).healthAddress,
        undefined,
      );
    },
  );
  (0, node_test_1.test)('the setup runs at boot unless WORKER_SETUP_AT_BOOT=false', () => {
    strict_1.default.equal((0, worker_config_1.loadWorkerConfig)({}, true).setupAtBoot, true);
    strict_1.default.equal(
      (0, worker_config_1.loadWorkerConfig)({ WORKER_SETUP_AT_BOOT: 'false' }, true).setupAtBoot,
      false,
    );
  });
  (0, node_test_1.test)(
    'a deployment name makes a versioned worker with BUILD_ID; without a name it is unversioned',
    () => {
      strict_1.default.equal((0, worker_config_1.loadWorkerConfig)({ BUILD_ID: 'abc' }, true).deployment, undefined);
      strict_1.default.deepEqual(
        (0, worker_config_1.loadWorkerConfig)(
          { TEMPORAL_DEPLOYMENT_NAME: 'checkout-recovery', BUILD_ID: 'abc123' },
          true,
        ).deployment,
        {
          deploymentName: 'checkout-recovery',
          buildId: 'abc123',
        },
      );
      strict_1.default.throws(
        () =>
          (0, worker_config_1.loadWorkerConfig)({ TEMPORAL_DEPLOYMENT_NAME: 'checkout.recovery', BUILD_ID: 'x' }, true),
        /TEMPORAL_DEPLOYMENT_NAME must have no dots/,
      );
    },
  );
  (0, node_test_1.test)('the task-queue activity rate is the lower provider quota, or the explicit setting', () => {
    strict_1.default.equal((0, worker_config_1.loadWorkerConfig)({}, true).taskQueueActivitiesPerSecond, undefined);
    strict_1.default.equal(
      (0, worker_config_1.loadWorkerConfig)({ SES_MAX_SEND_RATE: '14' }, true).taskQueueActivitiesPerSecond,
      14,
    );
    strict_1.default.equal(
      (0, worker_config_1.loadWorkerConfig)({ SES_MAX_SEND_RATE: '14', SNS_MAX_SEND_RATE: '10' }, true)
        .taskQueueActivitiesPerSecond,
      10,
    );
    strict_1.default.equal(
      (0, worker_config_1.loadWorkerConfig)({ SES_MAX_SEND_RATE: '14', TASK_QUEUE_ACTIVITIES_PER_SECOND: '50' }, true)
        .taskQueueActivitiesPerSecond,
      50,
    );
    strict_1.default.throws(
      () => (0, worker_config_1.loadWorkerConfig)({ SES_MAX_SEND_RATE: 'fast' }, true),
      /SES_MAX_SEND_RATE must be a positive number/,
    );
  });
});
//# sourceMappingURL=worker-config.test.js.map
