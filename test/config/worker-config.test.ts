// The worker's runtime settings: health endpoint defaults, the deployment version and the activity
// rate sized from the providers' quotas, the gRPC compression.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { loadWorkerConfig } from '../../config/worker-config';

describe('the worker settings', () => {
  test('the health endpoint is off in development unless asked for, on 127.0.0.1:9466 in production', () => {
    assert.equal(loadWorkerConfig({}, false).healthAddress, undefined);
    assert.equal(loadWorkerConfig({ WORKER_HEALTH_ADDRESS: '127.0.0.1:0' }, false).healthAddress, '127.0.0.1:0');
    assert.equal(loadWorkerConfig({}, true).healthAddress, '127.0.0.1:9466');
    assert.equal(loadWorkerConfig({ WORKER_HEALTH_ADDRESS: '' }, true).healthAddress, undefined);
  });

  test('the setup runs at boot unless WORKER_SETUP_AT_BOOT=false', () => {
    assert.equal(loadWorkerConfig({}, true).setupAtBoot, true);
    assert.equal(loadWorkerConfig({ WORKER_SETUP_AT_BOOT: 'false' }, true).setupAtBoot, false);
  });

  test('a deployment name makes a versioned worker with BUILD_ID; without a name it is unversioned', () => {
    assert.equal(loadWorkerConfig({ BUILD_ID: 'abc' }, true).deployment, undefined);
    assert.deepEqual(
      loadWorkerConfig({ TEMPORAL_DEPLOYMENT_NAME: 'checkout-recovery', BUILD_ID: 'abc123' }, true).deployment,
      {
        deploymentName: 'checkout-recovery',
        buildId: 'abc123',
      },
    );
    assert.throws(
      () => loadWorkerConfig({ TEMPORAL_DEPLOYMENT_NAME: 'checkout.recovery', BUILD_ID: 'x' }, true),
      /TEMPORAL_DEPLOYMENT_NAME must have no dots/,
    );
  });

  test('the worker’s requests to Temporal go uncompressed unless WORKER_GRPC_COMPRESSION=gzip', () => {
    assert.equal(loadWorkerConfig({}, true).grpcCompression, 'none');
    assert.equal(loadWorkerConfig({ WORKER_GRPC_COMPRESSION: 'gzip' }, true).grpcCompression, 'gzip');
    assert.equal(loadWorkerConfig({ WORKER_GRPC_COMPRESSION: ' None ' }, true).grpcCompression, 'none');
    assert.throws(
      () => loadWorkerConfig({ WORKER_GRPC_COMPRESSION: 'zstd' }, true),
      /WORKER_GRPC_COMPRESSION must be "gzip" or "none", got "zstd"/,
    );
  });

  test('the task-queue activity rate is the lower provider quota, or the explicit setting', () => {
    assert.equal(loadWorkerConfig({}, true).taskQueueActivitiesPerSecond, undefined);
    assert.equal(loadWorkerConfig({ SES_MAX_SEND_RATE: '14' }, true).taskQueueActivitiesPerSecond, 14);
    assert.equal(
      loadWorkerConfig({ SES_MAX_SEND_RATE: '14', SNS_MAX_SEND_RATE: '10' }, true).taskQueueActivitiesPerSecond,
      10,
    );
    assert.equal(
      loadWorkerConfig({ SES_MAX_SEND_RATE: '14', TASK_QUEUE_ACTIVITIES_PER_SECOND: '50' }, true)
        .taskQueueActivitiesPerSecond,
      50,
    );
    assert.throws(
      () => loadWorkerConfig({ SES_MAX_SEND_RATE: 'fast' }, true),
      /SES_MAX_SEND_RATE must be a positive number/,
    );
  });
});
