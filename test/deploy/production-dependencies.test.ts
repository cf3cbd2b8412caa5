// The images install dependencies only (npm ci --omit=dev): whatever the production entry points
// load must be one, and what only the dev stack and the tests use must not ship.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { test } from 'node:test';

const DIST = join(__dirname, '..', '..');
const ROOT = join(DIST, '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
// What `npm ci --omit=dev` leaves out: the lockfile marks packages only dev dependencies need.
const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { dev?: boolean }>;
};
const installedInProduction = (name: string) => {
  const entry = lock.packages[`node_modules/${name}`];
  return entry !== undefined && entry.dev !== true;
};
const BUILTINS = new Set(builtinModules);

const packageOf = (specifier: string) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');

/** Every package the compiled file and the project files it requires (transitively) require. */
function packagesLoadedBy(entry: string): Map<string, string> {
  return importGraph(entry).packages;
}

/** The project files (paths under dist/) and packages a compiled entry point loads, transitively. */
function importGraph(entry: string): { files: Set<string>; packages: Map<string, string> } {
  const found = new Map<string, string>(); // package → a file that requires it
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const [, specifier = ''] of readFileSync(file, 'utf8').matchAll(/\brequire\(["']([^"']+)["']\)/g)) {
      if (specifier.startsWith('.')) visit(require.resolve(resolve(dirname(file), specifier)));
      else if (!specifier.startsWith('node:') && !BUILTINS.has(specifier)) found.set(packageOf(specifier), file);
    }
  };
  visit(entry);
  return { files: new Set([...seen].map((file) => file.slice(DIST.length + 1))), packages: found };
}

/** What the images (apps/api and apps/worker Dockerfiles) leave out of dist/: the dev stack, the stand-ins, tests, benchmarks. */
const DEV_ONLY_DIRS = ['stand-ins/', 'apps/dev/', 'test/', 'bench/'];
const PRODUCTION_ENTRY_POINTS = ['apps/api/main.js', 'apps/worker/main.js', 'apps/worker/setup.js'];

test('the API and worker entry points load only production dependencies', () => {
  for (const app of ['api', 'worker']) {
    const loaded = packagesLoadedBy(join(DIST, 'apps', app, 'main.js'));
    assert.ok(loaded.has('@temporalio/client') || loaded.has('@temporalio/worker'), `the scan of ${app} found nothing`);
    for (const [name, file] of loaded)
      assert.ok(
        installedInProduction(name),
        `${file.slice(DIST.length)} requires ${name}, which --omit=dev leaves out`,
      );
  }
});

test('the local SES inbox (aws-ses-v2-local) is a dev dependency: only npm start and the tests use it', () => {
  assert.equal(pkg.dependencies['aws-ses-v2-local'], undefined);
  assert.ok(pkg.devDependencies['aws-ses-v2-local']);
  assert.equal(installedInProduction('aws-ses-v2-local'), false, 'package-lock.json still installs it in production');
});

test('no production entry point loads a local stand-in, the dev stack, a test or a benchmark', () => {
  for (const entry of PRODUCTION_ENTRY_POINTS) {
    const { files } = importGraph(join(DIST, entry));
    assert.ok(files.size > 10, `the scan of ${entry} found almost nothing`);
    for (const file of files)
      assert.ok(
        !DEV_ONLY_DIRS.some((dir) => file.startsWith(dir)),
        `${entry} loads ${file}, which the images leave out`,
      );
  }
});

test('both images drop the dev-only parts of dist/ and make no .data directory for an embedded database', () => {
  for (const app of ['api', 'worker']) {
    const dockerfile = readFileSync(join(ROOT, 'apps', app, 'Dockerfile'), 'utf8');
    for (const dir of DEV_ONLY_DIRS)
      assert.match(dockerfile, new RegExp(`rm -rf[^\\n]*dist/${dir.slice(0, -1)}\\b`), `${app}: dist/${dir} ships`);
    assert.doesNotMatch(dockerfile, /\.data/, `${app}: the image still prepares .data`);
  }
});
