// Production workers load a pre-built workflow bundle instead of bundling at start-up.
import { writeFile } from 'node:fs/promises';
import { bundleWorkflowCode } from '@temporalio/worker';
import {
  PREBUILT_BUNDLES,
  TRACING_WORKFLOW_INTERCEPTORS,
  WORKFLOW_BUNDLE_OPTIONS,
} from '../apps/worker/workflow-source';

// Two variants: the worker picks the traced one when OpenTelemetry tracing is configured.
async function main(): Promise<void> {
  for (const [variant, out] of Object.entries(PREBUILT_BUNDLES)) {
    const { code } = await bundleWorkflowCode({
      ...WORKFLOW_BUNDLE_OPTIONS,
      ...(variant === 'traced' && { workflowInterceptorModules: [TRACING_WORKFLOW_INTERCEPTORS] }),
    });
    await writeFile(out, code);
    console.log(`workflow bundle (${variant}) written to ${out} (${(code.length / 1024).toFixed(0)} KiB)`);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
