// Every setting is read in config/, through its validated parsers: the processes, npm start and
// the stand-ins hand the environment to a loader there and read typed fields, never `env.NAME`.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';

const ROOT = join(__dirname, '..', '..', '..');
const SOURCE_DIRS = ['apps', 'stand-ins', 'activities', 'storage', 'workflows', 'common', 'checkout'];
/** Reads that are not our settings, each with its reason. */
const ALLOWED: Record<string, string> = {
  // Whether the AWS SDK's own credential chain will find credentials; the SDK reads them, not us.
  'activities/aws-client.ts': 'env.AWS_ACCESS_KEY_ID env.AWS_PROFILE',
};

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

test('no setting is read outside config/: no process.env.NAME, no env.NAME but to set it for a child', () => {
  const found: string[] = [];
  for (const file of SOURCE_DIRS.flatMap((dir) => sources(join(ROOT, dir)))) {
    const name = relative(ROOT, file).split('\\').join('/');
    const lines = readFileSync(file, 'utf8').split('\n');
    lines.forEach((line, i) => {
      if (/^\s*(\/\/|\*|\/\*)/.test(line)) return; // comments
      // A read: process.env.NAME / process.env[…], or env.NAME that is not assigned (start.ts sets its children's).
      const reads = [
        ...line.matchAll(/\bprocess\.env(\.[A-Z][A-Z0-9_]*|\[)/g),
        ...line.matchAll(/(?<!process\.)\benv\.[A-Z][A-Z0-9_]*\b(?!\s*(\?\?|\|\|)?=(?!=))/g),
      ].map((m) => m[0]);
      for (const read of reads) if (!ALLOWED[name]?.split(' ').includes(read)) found.push(`${name}:${i + 1}: ${read}`);
    });
  }
  assert.deepEqual(found, [], 'read these through a loader in config/');
});
