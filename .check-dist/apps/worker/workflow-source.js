Object.defineProperty(exports, '__esModule', { value: true });
exports.WORKFLOW_BUNDLE_OPTIONS = exports.WORKFLOWS_PATH = void 0;
exports.workflowSource = workflowSource;
const node_fs_1 = require('node:fs');
const node_path_1 = require('node:path');
const data_converter_1 = require('../../config/encryption/data-converter');
/** The workflows entry point next to this compiled file (dist/workflows/index.js). */
exports.WORKFLOWS_PATH = require.resolve('../../workflows');
const PREBUILT_BUNDLE = (0, node_path_1.join)(__dirname, '..', '..', 'workflow-bundle.js');
/**
 * For bundleWorkflowCode: the failure converter runs inside the workflow sandbox, and a pre-built
 * bundle ignores the worker's dataConverter.failureConverterPath, so it has to be bundled in.
 */
exports.WORKFLOW_BUNDLE_OPTIONS = {
  workflowsPath: exports.WORKFLOWS_PATH,
  failureConverterPath: data_converter_1.FAILURE_CONVERTER_PATH,
};
/** The pre-built bundle when `npm run bundle` made one (production images), else bundle at start. */
function workflowSource() {
  return (0, node_fs_1.existsSync)(PREBUILT_BUNDLE)
    ? { workflowBundle: { codePath: PREBUILT_BUNDLE } }
    : { workflowsPath: exports.WORKFLOWS_PATH };
}
//# sourceMappingURL=workflow-source.js.map
