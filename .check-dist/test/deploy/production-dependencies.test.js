var __importDefault = (this && this.__importDefault) || ((mod) => (mod && mod.__esModule ? mod : { default: mod }));
Object.defineProperty(exports, '__esModule', { value: true });
// The images install dependencies only (npm ci --omit=dev): whatever the production entry points
// load must be one, and what only the dev stack and the tests use must not ship.
const strict_1 = __importDefault(require('node:assert/strict'));
const node_fs_1 = require('node:fs');
const node_module_1 = require('node:module');
const node_path_1 = require('node:path');
const node_test_1 = require('node:test');
const DIST = (0, node_path_1.join)(__dirname, '..', '..');
const ROOT = (0, node_path_1.join)(DIST, '..');
const pkg = JSON.parse((0, node_fs_1.readFileSync)((0, node_path_1.join)(ROOT, 'package.json'), 'utf8'));
// What `npm ci --omit=dev` leaves out: the lockfile marks packages only dev dependencies need.
const lock = JSON.parse((0, node_fs_1.readFileSync)((0, node_path_1.join)(ROOT, 'package-lock.json'), 'utf8'));
const installedInProduction = (name) => {
  const entry = lock.packages[`node_modules/${name}`];
  return entry !== undefined && entry.dev !== true;
};
const BUILTINS = new Set(node_module_1.builtinModules);
const packageOf = (specifier) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');
/** Every package the compiled file and the project files it requires (transitively) require. */
function packagesLoadedBy(entry) {
  return importGraph(entry).packages;
}
/** The project files (paths under dist/) and packages a compiled entry point loads, transitively. */
function importGraph(entry) {
  const found = new Map(); // package → a file that requires it
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const [, specifier = ''] of (0, node_fs_1.readFileSync)(file, 'utf8').matchAll(
      /\brequire\(["']([^"']+)["']\)/g,
    )) {
      if (specifier.startsWith('.'))
        visit(require.resolve((0, node_path_1.resolve)((0, node_path_1.dirname)(file), specifier)));
      else if (!specifier.startsWith('node:') && !BUILTINS.has(specifier)) found.set(packageOf(specifier), file);
    }
  };
  visit(entry);
  return { files: new Set([...seen].map((file) => file.slice(DIST.length + 1))), packages: found };
}
/** What the images (apps/api and apps/worker Dockerfiles) leave out of dist/: the dev stack, the stand-ins, tests, benchmarks. */
const DEV_ONLY_DIRS = ['stand-ins/', 'apps/dev/', 'test/', 'bench/'];
const PRODUCTION_ENTRY_POINTS = ['apps/api/main.js', 'apps/worker/main.js', 'apps/worker/setup.js'];
(0, node_test_1.test)('the API and worker entry points load only production dependencies', () => {
  for (const app of ['api', 'worker']) {
    const loaded = packagesLoadedBy((0, node_path_1.join)(DIST, 'apps', app, 'main.js'));
    strict_1.default.ok(
      loaded.has('@temporalio/client') || loaded.has('@temporalio/worker'),
      `the scan of ${app} found nothing`,
    );
    for (const [name, file] of loaded)
      strict_1.default.ok(
        installedInProduction(name),
        `${file.slice(DIST.length)} requires ${name}, which --omit=dev leaves out`,
      );
  }
});
(0, node_test_1.test)(
  'the local SES inbox (aws-ses-v2-local) is a dev dependency: only npm start and the tests use it',
  () => {
    strict_1.default.equal(pkg.dependencies['aws-ses-v2-local'], undefined);
    strict_1.default.ok(pkg.devDependencies['aws-ses-v2-local']);
    strict_1.default.equal(
      installedInProduction('aws-ses-v2-local'),
      false,
      'package-lock.json still installs it in production',
    );
  },
);
(0, node_test_1.test)('no production entry point loads a local stand-in, the dev stack, a test or a benchmark', () => {
  for (const entry of PRODUCTION_ENTRY_POINTS) {
    const { files } = importGraph((0, node_path_1.join)(DIST, entry));
    strict_1.default.ok(files.size > 10, `the scan of ${entry} found almost nothing`);
    for (const file of files)
      strict_1.default.ok(
        !DEV_ONLY_DIRS.some((dir) => file.startsWith(dir)),
        `${entry} loads ${file}, which the images leave out`,
      );
  }
});
(0, node_test_1.test)(
  'both images drop the dev-only parts of dist/ and make no .data directory for an embedded database',
  () => {
    for (const app of ['api', 'worker']) {
      const dockerfile = (0, node_fs_1.readFileSync)((0, node_path_1.join)(ROOT, 'apps', app, 'Dockerfile'), 'utf8');
      for (const dir of DEV_ONLY_DIRS)
        strict_1.default.match(
          dockerfile,
          new RegExp(`rm -rf[^\\n]*dist/${dir.slice(0, -1)}\\b`),
          `${app}: dist/${dir} ships`,
        );
      strict_1.default.doesNotMatch(dockerfile, /\.data/, `${app}: the image still prepares .data`);
    }
  },
);
//# sourceMappingURL=production-dependencies.test.js.map
