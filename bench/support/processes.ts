// Child processes of the bench (API, workers): started with a readiness check, stopped by pid with
// SIGTERM then SIGKILL, and all of them killed if the bench itself exits early.
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { Wrapper } from './callgrind';

// A worker drains in-flight tasks on SIGTERM; nothing here is in flight for long.
const STOP_TIMEOUT_MS = 15_000;
const TAIL_LINES = 30;

const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) if (child.exitCode === null) child.kill('SIGKILL');
});

/** Makes sure `child` (started elsewhere) dies with the bench if the bench exits early. */
export function killOnExit(child: ChildProcess): void {
  running.add(child);
}

export interface NodeChild {
  process: ChildProcess;
  pid: number;
  /** The last lines it printed, for error messages. */
  tail(): string;
  stop(): Promise<void>;
}

/**
 * Spawns `node script` and resolves once `ready` returns true (checked against output and by polling).
 * `wrapper`: run it under another command (callgrind), whose process is then node's.
 */
export async function spawnNode(
  name: string,
  script: string,
  env: NodeJS.ProcessEnv,
  ready: (output: string) => boolean | Promise<boolean>,
  timeoutMs = 60_000,
  wrapper?: Wrapper,
): Promise<NodeChild> {
  const node = [process.execPath, ...(wrapper?.nodeArgs ?? []), ...profileArgs(name), script];
  const [command, ...args] = wrapper ? [wrapper.command, ...wrapper.args, ...node] : node;
  return spawnReady(name, command as string, args, env, ready, timeoutMs);
}

/**
 * `BENCH_PROFILE=worker,api` writes a V8 CPU profile of those processes to bench/results/profiles
 * (open it in Chrome DevTools, or summarise it with `node dist/bench/support/profile-summary.js`).
 */
function profileArgs(name: string): string[] {
  const wanted = (process.env.BENCH_PROFILE ?? '').split(',').map((s) => s.trim());
  if (!wanted.includes(name)) return [];
  const dir = join(__dirname, '..', '..', '..', 'bench', 'results', 'profiles');
  return ['--cpu-prof', `--cpu-prof-dir=${dir}`, `--cpu-prof-name=${name}-${Date.now()}.cpuprofile`];
}

export async function spawnReady(
  name: string,
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  ready: (output: string) => boolean | Promise<boolean>,
  timeoutMs: number,
): Promise<NodeChild> {
  const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  const lines: string[] = [];
  let output = '';
  const collect = (d: Buffer) => {
    const text = d.toString();
    if (output.length < 100_000) output += text; // only the start matters for readiness
    lines.push(...text.split('\n').filter((l) => l.trim() !== ''));
    if (lines.length > TAIL_LINES) lines.splice(0, lines.length - TAIL_LINES);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const handle: NodeChild = {
    process: child,
    pid: child.pid ?? -1,
    tail: () => lines.join('\n'),
    stop: () => stopChild(child),
  };
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited with code ${child.exitCode}:\n${handle.tail()}`);
    if (await ready(output)) return handle;
    await sleep(200);
  }
  await handle.stop();
  throw new Error(`${name} not ready after ${timeoutMs} ms:\n${handle.tail()}`);
}

export function stopChild(child: ChildProcess): Promise<void> {
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

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Resident set size of a process in bytes (Linux /proc). */
export function rssBytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
  if (!kb) throw new Error(`no VmRSS for pid ${pid}`);
  return Number(kb) * 1024;
}

// Linux reports process CPU time in clock ticks of 1/100 s (USER_HZ) on every common build.
const TICKS_PER_SECOND = 100;

/** CPU time (user + system) a process has used so far, in ms (Linux /proc). */
export function cpuMs(pid: number): number {
  return cpuMsOfStat(readFileSync(`/proc/${pid}/stat`, 'utf8'));
}

/** User + system CPU ms of a `/proc/<pid>/stat` or `/proc/<pid>/task/<tid>/stat` line. */
export function cpuMsOfStat(stat: string): number {
  // Fields after the parenthesised command name: state is field 3, utime 14, stime 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}

/** CPU ms of several processes together (the workers of one task queue). */
export function cpuMsOf(pids: number[]): number {
  return pids.reduce((sum, pid) => sum + cpuMs(pid), 0);
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
