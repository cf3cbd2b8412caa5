Object.defineProperty(exports, '__esModule', { value: true });
// Production workers load a pre-built workflow bundle instead of bundling at start-up.
const promises_1 = require('node:fs/promises');
const node_path_1 = require('node:path');
const worker_1 = require('@temporalio/worker');
const workflow_source_1 = require('../apps/worker/workflow-source');
async function main() {
  const { code } = await (0, worker_1.bundleWorkflowCode)(workflow_source_1.WORKFLOW_BUNDLE_OPTIONS);
  const out = (0, node_path_1.join)(__dirname, '..', 'workflow-bundle.js');
  await (0, promises_1.writeFile)(out, code);
  console.log(`workflow bundle written to ${out} (${(code.length / 1024).toFixed(0)} KiB)`);
}
main().catch((err) => {
  console.error(err);
  process.exit(1);
});
//# sourceMappingURL=bundle-workflows.js.map
