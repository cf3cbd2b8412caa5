import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { BundleOptions, WorkerOptions } from '@temporalio/worker';
import { FAILURE_CONVERTER_PATH } from '../../config/encryption/data-converter';

/** The workflows entry point next to this compiled file (dist/workflows/index.js). */
export const WORKFLOWS_PATH = require.resolve('../../workflows');
/** The OpenTelemetry workflow interceptors: in the sandbox only when tracing is on (they cost a little CPU per task). */
export const TRACING_WORKFLOW_INTERCEPTORS = require.resolve(
  '@temporalio/interceptors-opentelemetry/lib/workflow-interceptors',
);
const PREBUILT_BUNDLE = join(__dirname, '..', '..', 'workflow-bundle.js');
const PREBUILT_TRACED_BUNDLE = join(__dirname, '..', '..', 'workflow-bundle-traced.js');

/**
 * For bundleWorkflowCode: the failure converter runs inside the workflow sandbox, and a pre-built
 * bundle ignores the worker's dataConverter.failureConverterPath, so it has to be bundled in.
 */
export const WORKFLOW_BUNDLE_OPTIONS: Pick<BundleOptions, 'workflowsPath' | 'failureConverterPath'> = {
  workflowsPath: WORKFLOWS_PATH,
  failureConverterPath: FAILURE_CONVERTER_PATH,
};

/** Where `npm run bundle` writes each variant. */
export const PREBUILT_BUNDLES = { plain: PREBUILT_BUNDLE, traced: PREBUILT_TRACED_BUNDLE } as const;

/**
 * The pre-built bundle when `npm run bundle` made one (production images), else bundle at start; with
 * tracing, the variant that holds the OpenTelemetry workflow interceptors.
 */
export function workflowSource(traced = false): Pick<WorkerOptions, 'workflowBundle' | 'workflowsPath'> {
  const prebuilt = traced ? PREBUILT_TRACED_BUNDLE : PREBUILT_BUNDLE;
  return existsSync(prebuilt) ? { workflowBundle: { codePath: prebuilt } } : { workflowsPath: WORKFLOWS_PATH };
}
