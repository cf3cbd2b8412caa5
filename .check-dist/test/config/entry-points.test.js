var __importDefault = (this && this.__importDefault) || ((mod) => (mod && mod.__esModule ? mod : { default: mod }));
Object.defineProperty(exports, '__esModule', { value: true });
// The development entry points (npm start and the stand-ins run alone) read their own settings
// through the validated parsers too: junk stops them at once with a sentence naming the variable,
// not a NaN port that fails somewhere later, and npm start refuses before it makes or starts anything.
const strict_1 = __importDefault(require('node:assert/strict'));
const promises_1 = require('node:fs/promises');
const node_os_1 = require('node:os');
const node_path_1 = require('node:path');
const node_test_1 = require('node:test');
const run_to_exit_1 = require('../support/run-to-exit');
const DIST = (0, node_path_1.join)(__dirname, '..', '..');
const run = (script, env) => (0, run_to_exit_1.runToExit)((0, node_path_1.join)(DIST, script), env);
function assertRefused({ code, output }, message) {
  strict_1.default.equal(code, 1, output);
  strict_1.default.ok(output.includes(`Configuration error: ${message}`), output);
  strict_1.default.doesNotMatch(output, /at .*\.js:\d+/, 'a message, not a stack trace');
}
(0, node_test_1.describe)('the stand-ins run alone', () => {
  const cases = [
    { script: 'stand-ins/local-ses/main.js', name: 'SES_PORT', junk: 'abc' },
    { script: 'stand-ins/local-sns/main.js', name: 'SNS_PORT', junk: 'abc' },
    { script: 'stand-ins/local-push/main.js', name: 'PUSH_PORT', junk: '70000' },
  ];
  for (const { script, name, junk } of cases) {
    (0, node_test_1.test)(`${script} with ${name}=${junk} exits at once, naming ${name} and the value`, async () => {
      assertRefused(await run(script, { [name]: junk }), `${name} must be a port number, got "${junk}"`);
    });
  }
});
(0, node_test_1.describe)('npm start (apps/dev/start.ts)', () => {
  const cases = [
    { name: 'TEMPORAL_UI_PORT', junk: 'abc' },
    { name: 'SES_PORT', junk: '8o05' },
    { name: 'SNS_PORT', junk: '-1' },
    { name: 'PUSH_PORT', junk: '1.5' },
  ];
  for (const { name, junk } of cases) {
    (0, node_test_1.test)(
      `with ${name}=${junk} exits before it writes or starts anything, naming ${name}`,
      async () => {
        const dir = await (0, promises_1.mkdtemp)((0, node_path_1.join)((0, node_os_1.tmpdir)(), 'dev-start-'));
        try {
          const dataDir = (0, node_path_1.join)(dir, 'data');
          // Ephemeral ports for whatever a broken check would start: never a developer's npm start's.
          const ports = { SES_PORT: '0', SNS_PORT: '0', PUSH_PORT: '0' };
          const result = await run('apps/dev/start.js', { ...ports, DATA_DIR: dataDir, [name]: junk });
          assertRefused(result, `${name} must be a port number, got "${junk}"`);
          strict_1.default.deepEqual(
            await (0, promises_1.readdir)(dataDir).catch(() => []),
            [],
            'no secret or key was made',
          );
        } finally {
          await (0, promises_1.rm)(dir, { recursive: true, force: true });
        }
      },
    );
  }
});
//# sourceMappingURL=entry-points.test.js.map
