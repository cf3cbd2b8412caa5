Object.defineProperty(exports, '__esModule', { value: true });
exports.sleep = void 0;
exports.killOnExit = killOnExit;
exports.spawnNode = spawnNode;
exports.spawnReady = spawnReady;
exports.stopChild = stopChild;
exports.freePort = freePort;
exports.rssBytes = rssBytes;
exports.cpuMs = cpuMs;
exports.cpuMsOf = cpuMsOf;
// Child processes of the bench (API, workers): started with a readiness check, stopped by pid with
// SIGTERM then SIGKILL, and all of them killed if the bench itself exits early.
const node_child_process_1 = require('node:child_process');
const node_fs_1 = require('node:fs');
const node_net_1 = require('node:net');
const node_path_1 = require('node:path');
// A worker drains in-flight tasks on SIGTERM; nothing here is in flight for long.
const STOP_TIMEOUT_MS = 15_000;
const TAIL_LINES = 30;
const running = new Set();
process.once('exit', () => {
  for (const child of running) if (child.exitCode === null) child.kill('SIGKILL');
});
/** Makes sure `child` (started elsewhere) dies with the bench if the bench exits early. */
function killOnExit(child) {
  running.add(child);
}
/** Spawns `node script` and resolves once `ready` returns true (checked against output and by polling). */
async function spawnNode(name, script, env, ready, timeoutMs = 60_000) {
  return spawnReady(name, process.execPath, [...profileArgs(name), script], env, ready, timeoutMs);
}
/**
 * `BENCH_PROFILE=worker,api` writes a V8 CPU profile of those processes to bench/results/profiles
 * (open it in Chrome DevTools, or summarise it with `node dist/bench/support/profile-summary.js`).
 */
function profileArgs(name) {
  const wanted = (process.env.BENCH_PROFILE ?? '').split(',').map((s) => s.trim());
  if (!wanted.includes(name)) return [];
  const dir = (0, node_path_1.join)(__dirname, '..', '..', '..', 'bench', 'results', 'profiles');
  return ['--cpu-prof', `--cpu-prof-dir=${dir}`, `--cpu-prof-name=${name}-${Date.now()}.cpuprofile`];
}
async function spawnReady(name, command, args, env, ready, timeoutMs) {
  const child = (0, node_child_process_1.spawn)(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  const lines = [];
  let output = '';
  const collect = (d) => {
    const text = d.toString();
    if (output.length < 100_000) output += text; // only the start matters for readiness
    lines.push(...text.split('\n').filter((l) => l.trim() !== ''));
    if (lines.length > TAIL_LINES) lines.splice(0, lines.length - TAIL_LINES);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const handle = {
    process: child,
    pid: child.pid ?? -1,
    tail: () => lines.join('\n'),
    stop: () => stopChild(child),
  };
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited with code ${child.exitCode}:\n${handle.tail()}`);
    if (await ready(output)) return handle;
    await (0, exports.sleep)(200);
  }
  await handle.stop();
  throw new Error(`${name} not ready after ${timeoutMs} ms:\n${handle.tail()}`);
}
function stopChild(child) {
  if (child.exitCode !== null || child.signalCode !== null) {
    running.delete(child);
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    child.once('exit', () => {
      clearTimeout(timer);
      running.delete(child);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
function freePort() {
  return new Promise((resolve, reject) => {
    const server = (0, node_net_1.createServer)();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
/** Resident set size of a process in bytes (Linux /proc). */
function rssBytes(pid) {
  const status = (0, node_fs_1.readFileSync)(`/proc/${pid}/status`, 'utf8');
  const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
  if (!kb) throw new Error(`no VmRSS for pid ${pid}`);
  return Number(kb) * 1024;
}
// Linux reports process CPU time in clock ticks of 1/100 s (USER_HZ) on every common build.
const TICKS_PER_SECOND = 100;
/** CPU time (user + system) a process has used so far, in ms (Linux /proc). */
function cpuMs(pid) {
  const stat = (0, node_fs_1.readFileSync)(`/proc/${pid}/stat`, 'utf8');
  // Fields after the parenthesised command name: state is field 3, utime 14, stime 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}
/** CPU ms of several processes together (the workers of one task queue). */
function cpuMsOf(pids) {
  return pids.reduce((sum, pid) => sum + cpuMs(pid), 0);
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
exports.sleep = sleep;
//# sourceMappingURL=processes.js.map
