// What the worker's health endpoint answers for each state of the SDK's Worker: a draining worker is
// alive (killing it would cut its in-flight sends short) but takes no new work, so it is not ready.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { State } from '@temporalio/worker';
import { liveReport, readyReport } from '../../apps/worker/health-server';

const sources = (state: State | undefined, database: 'up' | 'down' = 'up') => ({
  state: () => state,
  pingDatabase: () => (database === 'up' ? Promise.resolve() : Promise.reject(new Error('connection refused'))),
});

describe('the worker health reports', () => {
  test('RUNNING with the database up is live and ready', async () => {
    assert.equal((await liveReport(sources('RUNNING'))).status, 'ok');
    assert.deepEqual(await readyReport(sources('RUNNING')), { status: 'ok', worker: 'RUNNING', database: 'up' });
  });

  for (const state of ['DRAINING', 'STOPPING', 'DRAINED', 'STOPPED', undefined] as const) {
    test(`${state ?? 'starting'} is live but not ready`, async () => {
      assert.equal((await liveReport(sources(state))).status, 'ok');
      assert.equal((await readyReport(sources(state))).status, 'down');
    });
  }

  test('FAILED is not live: the orchestrator restarts it', async () => {
    assert.deepEqual(await liveReport(sources('FAILED')), { status: 'down', worker: 'FAILED' });
  });

  test('RUNNING without its database is not ready, naming the database', async () => {
    assert.deepEqual(await readyReport(sources('RUNNING', 'down')), {
      status: 'down',
      worker: 'RUNNING',
      database: 'down',
    });
  });
});
