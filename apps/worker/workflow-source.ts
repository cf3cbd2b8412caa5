import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { BundleOptions, WorkerOptions } from '@temporalio/worker';
import { FAILURE_CONVERTER_PATH } from '../../config/encryption/data-converter';

/** The workflows entry point next to this compiled file (dist/workflows/index.js). */
export const WORKFLOWS_PATH = require.resolve('../../workflows');
const PREBUILT_BUNDLE = join(__dirname, '..', '..', 'workflow-bundle.js');

/**
 * For bundleWorkflowCode: the failure converter runs inside the workflow sandbox, and a pre-built
 * bundle ignores the worker's dataConverter.failureConverterPath, so it has to be bundled in.
 */
export const WORKFLOW_BUNDLE_OPTIONS: Pick<BundleOptions, 'workflowsPath' | 'failureConverterPath'> = {
  workflowsPath: WORKFLOWS_PATH,
  failureConverterPath: FAILURE_CONVERTER_PATH,
};

/** The pre-built bundle when `npm run bundle` made one (production images), else bundle at start. */
export function workflowSource(): Pick<WorkerOptions, 'workflowBundle' | 'workflowsPath'> {
  return existsSync(PREBUILT_BUNDLE)
    ? { workflowBundle: { codePath: PREBUILT_BUNDLE } }
    : { workflowsPath: WORKFLOWS_PATH };
}
