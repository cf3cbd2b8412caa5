import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { temporal } from '@temporalio/proto';
import { Worker } from '@temporalio/worker';
import { PRELOADED_WORKFLOW_MODULES, WORKFLOWS_PATH } from '../../apps/worker/workflow-source';
import { PATCHES } from '../../workflows/patches';
import { testDataConverter } from '../support/payload-keys';
import { installQuietRuntime } from '../support/temporal-env';

installQuietRuntime();

// Histories recorded from shipped versions of the workflow (npm run record:histories). A change
// that makes any of them replay differently is a breaking change: patch it, don't edit the file.
// Replayed through the production data converter: the histories recorded before payload encryption
// are plain text and must pass through its decode; newer recordings are encrypted with the test key.
const PROJECT_ROOT = join(__dirname, '..', '..', '..');
const HISTORIES_DIR = join(PROJECT_ROOT, 'test', 'histories');
const WORKFLOWS_SOURCE_DIR = join(PROJECT_ROOT, 'workflows');

const readHistories = () =>
  readdirSync(HISTORIES_DIR)
    .filter((f) => f.endsWith('.binpb'))
    .map((f) => ({
      workflowId: f.replace(/\.binpb$/, ''),
      history: temporal.api.history.v1.History.decode(readFileSync(join(HISTORIES_DIR, f))),
    }));

/** The patch ids a history recorded (the SDK's `core_patch` markers, plain JSON `{ id, deprecated }`). */
function patchMarkersOf(history: temporal.api.history.v1.IHistory): string[] {
  return (history.events ?? []).flatMap((e) => {
    const marker = e.markerRecordedEventAttributes;
    if (marker?.markerName !== 'core_patch') return [];
    return (marker.details?.['patch-data']?.payloads ?? []).map(
      (p) => (JSON.parse(Buffer.from(p.data ?? []).toString('utf8')) as { id: string }).id,
    );
  });
}

const workflowSources = () =>
  readdirSync(WORKFLOWS_SOURCE_DIR)
    .filter((f) => f.endsWith('.ts'))
    .map((file) => ({ file, text: withoutComments(readFileSync(join(WORKFLOWS_SOURCE_DIR, file), 'utf8')) }));

const withoutComments = (source: string) => source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');

/** Every `patched(…)` / `deprecatePatch(…)` argument in the workflow sources, as written. */
function patchCallsInSource(): Array<{ file: string; argument: string }> {
  return workflowSources().flatMap(({ file, text }) =>
    [...text.matchAll(/\b(?:patched|deprecatePatch)\(([^)]*)\)/g)].map((m) => ({
      file,
      argument: (m[1] ?? '').trim(),
    })),
  );
}

test('every recorded checkout history replays without nondeterminism', async () => {
  const histories = readHistories();
  assert.ok(histories.length >= 3, `expected recorded histories in ${HISTORIES_DIR}`);
  const failures: string[] = [];
  for await (const result of Worker.runReplayHistories(
    // As the worker loads them: the workflow modules preloaded once and shared (frozen) by every replay.
    {
      workflowsPath: WORKFLOWS_PATH,
      bundlerOptions: { preloadModules: PRELOADED_WORKFLOW_MODULES },
      dataConverter: testDataConverter(),
    },
    histories,
  )) {
    if (result.error) failures.push(`${result.workflowId}: ${result.error.message}`);
  }
  assert.deepEqual(failures, []);
});

test('every patch the workflow branches on is exercised by a recorded history', () => {
  const recorded = new Set(readHistories().flatMap(({ history }) => patchMarkersOf(history)));
  const unexercised = Object.values(PATCHES).filter((id) => !recorded.has(id));
  assert.deepEqual(unexercised, [], 'record a history that takes each of these patched branches');
});

test('the workflow names its patches only through the PATCHES list', () => {
  const calls = patchCallsInSource();
  assert.ok(calls.length > 0, `no patched() call found in ${WORKFLOWS_SOURCE_DIR}`);
  const known = Object.values(PATCHES) as string[];
  // A literal id, or a constant other than the list's, would escape the check above.
  const aliases = new Map(
    workflowSources()
      .flatMap(({ text }) => [...text.matchAll(/const (\w+) = PATCHES\.(\w+);/g)])
      .map((m) => [m[1] ?? '', m[2] ?? '']),
  );
  for (const { file, argument } of calls) {
    const key = argument.startsWith('PATCHES.') ? argument.slice('PATCHES.'.length) : aliases.get(argument);
    const id = key === undefined ? undefined : (PATCHES as Record<string, string>)[key];
    assert.ok(id && known.includes(id), `${file}: patched(${argument}) is not an id from workflows/patches.ts`);
  }
});
