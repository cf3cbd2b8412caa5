Object.defineProperty(exports, '__esModule', { value: true });
exports.runToExit = runToExit;
// Runs a compiled entry point as its own process until it exits, with only the environment given
// (plus PATH and an unreachable Temporal): what a refused start prints and its exit code.
const node_child_process_1 = require('node:child_process');
const node_events_1 = require('node:events');
// A refused start exits in well under a second; 30 s means it did not refuse.
const EXIT_TIMEOUT_MS = 30_000;
/** `timeoutMs`: longer for a start that should succeed (PGlite's first open takes seconds when loaded). */
async function runToExit(scriptPath, env, timeoutMs = EXIT_TIMEOUT_MS) {
  const child = (0, node_child_process_1.spawn)(process.execPath, [scriptPath], {
    // Nothing from the developer's environment; never the embedded Temporal server, whatever happens.
    env: { PATH: process.env.PATH, TEMPORAL_ADDRESS: '127.0.0.1:1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d.toString()));
  child.stderr.on('data', (d) => (output += d.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const [code] = await (0, node_events_1.once)(child, 'exit');
  clearTimeout(timer);
  return { code, output };
}
//# sourceMappingURL=run-to-exit.js.map
