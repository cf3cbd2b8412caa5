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
/**
 * Loaded once into the worker's reusable V8 context and shared (frozen) by every workflow it runs,
 * instead of being evaluated again for each workflow: the workflows and the pure helpers they import
 * (validation, schedule, quiet hours…) hold constants and caches of pure functions only, no
 * per-workflow state. Saves CPU on every cold workflow task and memory per cached workflow.
 */
export const PRELOADED_WORKFLOW_MODULES = [WORKFLOWS_PATH];
const PREBUILT_BUNDLE = join(__dirname, '..', '..', 'workflow-bundle.js');
const PREBUILT_TRACED_BUNDLE = join(__dirname, '..', '..', 'workflow-bundle-traced.js');

/**
 * For bundleWorkflowCode: the failure converter runs inside the workflow sandbox, and a pre-built
 * bundle ignores the worker's dataConverter.failureConverterPath, so it has to be bundled in.
 */
export const WORKFLOW_BUNDLE_OPTIONS: Pick<BundleOptions, 'workflowsPath' | 'failureConverterPath' | 'preloadModules'> =
  {
    workflowsPath: WORKFLOWS_PATH,
    failureConverterPath: FAILURE_CONVERTER_PATH,
    preloadModules: PRELOADED_WORKFLOW_MODULES,
  };

/** Where `npm run bundle` writes each variant. */
export const PREBUILT_BUNDLES = { plain: PREBUILT_BUNDLE, traced: PREBUILT_TRACED_BUNDLE } as const;

/**
 * The pre-built bundle when `npm run bundle` made one (production images), else bundle at start; with
 * tracing, the variant that holds the OpenTelemetry workflow interceptors.
 */
export function workflowSource(
  traced = false,
): Pick<WorkerOptions, 'workflowBundle' | 'workflowsPath' | 'bundlerOptions'> {
  const prebuilt = traced ? PREBUILT_TRACED_BUNDLE : PREBUILT_BUNDLE;
  return existsSync(prebuilt)
    ? { workflowBundle: { codePath: prebuilt } }
    : { workflowsPath: WORKFLOWS_PATH, bundlerOptions: { preloadModules: PRELOADED_WORKFLOW_MODULES } };
}
