import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { temporal } from '@temporalio/proto';
import { Worker } from '@temporalio/worker';
import { WORKFLOWS_PATH } from '../../apps/worker/workflow-source';
import { testDataConverter } from '../support/payload-keys';
import { installQuietRuntime } from '../support/temporal-env';

installQuietRuntime();

// Histories recorded from shipped versions of the workflow (npm run record:histories). A change
// that makes any of them replay differently is a breaking change: patch it, don't edit the file.
// Replayed through the production data converter: the histories recorded before payload encryption
// are plain text and must pass through its decode; newer recordings are encrypted with the test key.
const HISTORIES_DIR = join(__dirname, '..', '..', '..', 'test', 'histories');

test('every recorded checkout history replays without nondeterminism', async () => {
  const files = readdirSync(HISTORIES_DIR).filter((f) => f.endsWith('.binpb'));
  assert.ok(files.length >= 3, `expected recorded histories in ${HISTORIES_DIR}`);
  const histories = files.map((f) => ({
    workflowId: f.replace(/\.binpb$/, ''),
    history: temporal.api.history.v1.History.decode(readFileSync(join(HISTORIES_DIR, f))),
  }));
  const failures: string[] = [];
  for await (const result of Worker.runReplayHistories(
    { workflowsPath: WORKFLOWS_PATH, dataConverter: testDataConverter() },
    histories,
  )) {
    if (result.error) failures.push(`${result.workflowId}: ${result.error.message}`);
  }
  assert.deepEqual(failures, []);
});
