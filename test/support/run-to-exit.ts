// Runs a compiled entry point as its own process until it exits, with only the environment given
// (plus PATH and an unreachable Temporal): what a refused start prints and its exit code.
import { spawn } from 'node:child_process';
import { once } from 'node:events';

// A refused start exits in well under a second; 30 s means it did not refuse.
const EXIT_TIMEOUT_MS = 30_000;

export interface Exit {
  code: number | null;
  output: string;
}

/** `timeoutMs`: longer for a start that should succeed (PGlite's first open takes seconds when loaded). */
export async function runToExit(
  scriptPath: string,
  env: NodeJS.ProcessEnv,
  timeoutMs = EXIT_TIMEOUT_MS,
): Promise<Exit> {
  const child = spawn(process.execPath, [scriptPath], {
    // Nothing from the developer's environment; never the embedded Temporal server, whatever happens.
    env: { PATH: process.env.PATH, TEMPORAL_ADDRESS: '127.0.0.1:1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const [code] = (await once(child, 'exit')) as [number | null];
  clearTimeout(timer);
  return { code, output };
}
