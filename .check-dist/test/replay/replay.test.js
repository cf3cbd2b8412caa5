var __importDefault = (this && this.__importDefault) || ((mod) => (mod && mod.__esModule ? mod : { default: mod }));
Object.defineProperty(exports, '__esModule', { value: true });
const strict_1 = __importDefault(require('node:assert/strict'));
const node_fs_1 = require('node:fs');
const node_path_1 = require('node:path');
const node_test_1 = require('node:test');
const proto_1 = require('@temporalio/proto');
const worker_1 = require('@temporalio/worker');
const workflow_source_1 = require('../../apps/worker/workflow-source');
const patches_1 = require('../../workflows/patches');
const payload_keys_1 = require('../support/payload-keys');
const temporal_env_1 = require('../support/temporal-env');
(0, temporal_env_1.installQuietRuntime)();
// Histories recorded from shipped versions of the workflow (npm run record:histories). A change
// that makes any of them replay differently is a breaking change: patch it, don't edit the file.
// Replayed through the production data converter: the histories recorded before payload encryption
// are plain text and must pass through its decode; newer recordings are encrypted with the test key.
const PROJECT_ROOT = (0, node_path_1.join)(__dirname, '..', '..', '..');
const HISTORIES_DIR = (0, node_path_1.join)(PROJECT_ROOT, 'test', 'histories');
const WORKFLOWS_SOURCE_DIR = (0, node_path_1.join)(PROJECT_ROOT, 'workflows');
const readHistories = () =>
  (0, node_fs_1.readdirSync)(HISTORIES_DIR)
    .filter((f) => f.endsWith('.binpb'))
    .map((f) => ({
      workflowId: f.replace(/\.binpb$/, ''),
      history: proto_1.temporal.api.history.v1.History.decode(
        (0, node_fs_1.readFileSync)((0, node_path_1.join)(HISTORIES_DIR, f)),
      ),
    }));
/** The patch ids a history recorded (the SDK's `core_patch` markers, plain JSON `{ id, deprecated }`). */
function patchMarkersOf(history) {
  return (history.events ?? []).flatMap((e) => {
    const marker = e.markerRecordedEventAttributes;
    if (marker?.markerName !== 'core_patch') return [];
    return (marker.details?.['patch-data']?.payloads ?? []).map(
      (p) => JSON.parse(Buffer.from(p.data ?? []).toString('utf8')).id,
    );
  });
}
const workflowSources = () =>
  (0, node_fs_1.readdirSync)(WORKFLOWS_SOURCE_DIR)
    .filter((f) => f.endsWith('.ts'))
    .map((file) => ({
      file,
      text: withoutComments((0, node_fs_1.readFileSync)((0, node_path_1.join)(WORKFLOWS_SOURCE_DIR, file), 'utf8')),
    }));
const withoutComments = (source) => source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
/** Every `patched(…)` / `deprecatePatch(…)` argument in the workflow sources, as written. */
function patchCallsInSource() {
  return workflowSources().flatMap(({ file, text }) =>
    [...text.matchAll(/\b(?:patched|deprecatePatch)\(([^)]*)\)/g)].map((m) => ({
      file,
      argument: (m[1] ?? '').trim(),
    })),
  );
}
(0, node_test_1.test)('every recorded checkout history replays without nondeterminism', async () => {
  const histories = readHistories();
  strict_1.default.ok(histories.length >= 3, `expected recorded histories in ${HISTORIES_DIR}`);
  const failures = [];
  for await (const result of worker_1.Worker.runReplayHistories(
    { workflowsPath: workflow_source_1.WORKFLOWS_PATH, dataConverter: (0, payload_keys_1.testDataConverter)() },
    histories,
  )) {
    if (result.error) failures.push(`${result.workflowId}: ${result.error.message}`);
  }
  strict_1.default.deepEqual(failures, []);
});
(0, node_test_1.test)('every patch the workflow branches on is exercised by a recorded history', () => {
  const recorded = new Set(readHistories().flatMap(({ history }) => patchMarkersOf(history)));
  const unexercised = Object.values(patches_1.PATCHES).filter((id) => !recorded.has(id));
  strict_1.default.deepEqual(unexercised, [], 'record a history that takes each of these patched branches');
});
(0, node_test_1.test)('the workflow names its patches only through the PATCHES list', () => {
  const calls = patchCallsInSource();
  strict_1.default.ok(calls.length > 0, `no patched() call found in ${WORKFLOWS_SOURCE_DIR}`);
  const known = Object.values(patches_1.PATCHES);
  // A literal id, or a constant other than the list's, would escape the check above.
  const aliases = new Map(
    workflowSources()
      .flatMap(({ text }) => [...text.matchAll(/const (\w+) = PATCHES\.(\w+);/g)])
      .map((m) => [m[1] ?? '', m[2] ?? '']),
  );
  for (const { file, argument } of calls) {
    const key = argument.startsWith('PATCHES.') ? argument.slice('PATCHES.'.length) : aliases.get(argument);
    const id = key === undefined ? undefined : patches_1.PATCHES[key];
    strict_1.default.ok(
      id && known.includes(id),
      `${file}: patched(${argument}) is not an id from workflows/patches.ts`,
    );
  }
});
//# sourceMappingURL=replay.test.js.map
