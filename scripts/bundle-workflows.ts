// Production workers load a pre-built workflow bundle instead of bundling at start-up.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import { WORKFLOW_BUNDLE_OPTIONS } from '../apps/worker/workflow-source';

async function main(): Promise<void> {
  const { code } = await bundleWorkflowCode(WORKFLOW_BUNDLE_OPTIONS);
  const out = join(__dirname, '..', 'workflow-bundle.js');
  await writeFile(out, code);
  console.log(`workflow bundle written to ${out} (${(code.length / 1024).toFixed(0)} KiB)`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
