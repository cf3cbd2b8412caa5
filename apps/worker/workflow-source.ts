import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { WorkerOptions } from '@temporalio/worker';

/** The workflows entry point next to this compiled file (dist/workflows/index.js). */
export const WORKFLOWS_PATH = require.resolve('../../workflows');
const PREBUILT_BUNDLE = join(__dirname, '..', '..', 'workflow-bundle.js');

/** The pre-built bundle when `npm run bundle` made one (production images), else bundle at start. */
export function workflowSource(): Pick<WorkerOptions, 'workflowBundle' | 'workflowsPath'> {
  return existsSync(PREBUILT_BUNDLE)
    ? { workflowBundle: { codePath: PREBUILT_BUNDLE } }
    : { workflowsPath: WORKFLOWS_PATH };
}
