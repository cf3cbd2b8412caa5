// localstripe (PyPI, installed into .tools/localstripe by npm install) as a child process: the
// Stripe protocol on a local port for `npm start` and the checkout tests. Its state lives in memory.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const TOOL = join(__dirname, '..', '..', '..', '.tools', 'localstripe');
const READY_TIMEOUT_MS = 30_000;

export interface LocalStripe {
  /** STRIPE_API_BASE, e.g. http://127.0.0.1:8420 */
  url: string;
  stop(): Promise<void>;
}

export function localStripeInstalled(): boolean {
  return existsSync(join(TOOL, '.python'));
}

export async function startLocalStripe(port: number, log?: (line: string) => void): Promise<LocalStripe> {
  if (!localStripeInstalled())
    throw new Error(`localstripe is not installed in ${TOOL}: run npm run install:localstripe`);
  const python = readFileSync(join(TOOL, '.python'), 'utf8').trim();
  const child: ChildProcess = spawn(python, ['-m', 'localstripe', '--port', String(port), '--from-scratch'], {
    env: { ...process.env, PYTHONPATH: TOOL },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const keep = (d: Buffer) => {
    const text = d.toString();
    output.push(text);
    if (output.length > 50) output.shift();
    log?.(text);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const url = `http://127.0.0.1:${port}`;
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`localstripe exited (${child.exitCode}): ${output.join('')}`);
    try {
      const res = await fetch(`${url}/v1/payment_intents`, { headers: { Authorization: 'Bearer sk_test_local' } });
      if (res.status < 500) return { url, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  await stop();
  throw new Error(`localstripe did not answer on ${url} within ${READY_TIMEOUT_MS} ms: ${output.join('')}`);
}
