// The development entry points (npm start and the stand-ins run alone) read their own settings
// through the validated parsers too: junk stops them at once with a sentence naming the variable,
// not a NaN port that fails somewhere later, and npm start refuses before it makes or starts anything.
import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { type Exit, runToExit } from '../support/run-to-exit';

const DIST = join(__dirname, '..', '..');

const run = (script: string, env: NodeJS.ProcessEnv) => runToExit(join(DIST, script), env);

function assertRefused({ code, output }: Exit, message: string): void {
  assert.equal(code, 1, output);
  assert.ok(output.includes(`Configuration error: ${message}`), output);
  assert.doesNotMatch(output, /at .*\.js:\d+/, 'a message, not a stack trace');
}

describe('the stand-ins run alone', () => {
  const cases = [
    { script: 'stand-ins/local-ses/main.js', name: 'SES_PORT', junk: 'abc' },
    { script: 'stand-ins/local-sns/main.js', name: 'SNS_PORT', junk: 'abc' },
    { script: 'stand-ins/local-push/main.js', name: 'PUSH_PORT', junk: '70000' },
  ];
  for (const { script, name, junk } of cases) {
    test(`${script} with ${name}=${junk} exits at once, naming ${name} and the value`, async () => {
      assertRefused(await run(script, { [name]: junk }), `${name} must be a port number, got "${junk}"`);
    });
  }
});

describe('npm start (apps/dev/start.ts)', () => {
  const cases = [
    { name: 'TEMPORAL_UI_PORT', junk: 'abc' },
    { name: 'SES_PORT', junk: '8o05' },
    { name: 'SNS_PORT', junk: '-1' },
    { name: 'PUSH_PORT', junk: '1.5' },
  ];
  for (const { name, junk } of cases) {
    test(`with ${name}=${junk} exits before it writes or starts anything, naming ${name}`, async () => {
      const dir = await mkdtemp(join(tmpdir(), 'dev-start-'));
      try {
        const dataDir = join(dir, 'data');
        // Ephemeral ports for whatever a broken check would start: never a developer's npm start's.
        const ports = { SES_PORT: '0', SNS_PORT: '0', PUSH_PORT: '0' };
        const result = await run('apps/dev/start.js', { ...ports, DATA_DIR: dataDir, [name]: junk });
        assertRefused(result, `${name} must be a port number, got "${junk}"`);
        assert.deepEqual(await readdir(dataDir).catch(() => []), [], 'no secret or key was made');
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });
  }
});
