// The worker's Node version is pinned everywhere it runs: quiet hours read the runtime's time-zone
// data (ICU), and a different ICU could move a timer on replay. One version, said the same way.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

const ROOT = join(__dirname, '..', '..', '..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

test('.nvmrc, package.json engines and both Dockerfiles name the same Node release', () => {
  const pinned = read('.nvmrc').trim();
  assert.match(pinned, /^\d+\.\d+\.\d+$/, '.nvmrc names an exact release');
  const [major, minor] = pinned.split('.');
  const engines = (JSON.parse(read('package.json')) as { engines: { node: string } }).engines.node;
  assert.equal(engines, `${major}.${minor}.x`);
  for (const app of ['api', 'worker']) {
    const images = [...read(`apps/${app}/Dockerfile`).matchAll(/^FROM node:(\S+)/gm)].map((m) => m[1]);
    assert.ok(images.length > 0, `apps/${app}/Dockerfile builds from no node image`);
    for (const image of images) assert.ok(image?.startsWith(`${pinned}-`), `apps/${app}/Dockerfile: node:${image}`);
  }
});

test('this process runs the pinned release line (nvm use)', () => {
  const [major, minor] = read('.nvmrc').trim().split('.');
  assert.ok(
    process.version.startsWith(`v${major}.${minor}.`),
    `${process.version}, not ${major}.${minor}.x: run nvm use`,
  );
});
