// LOG_FORMAT: JSON lines by default in production, text in development, junk refused by name.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { jsonLogLine } from '../../apps/shared/process-log';
import { loadLogFormat } from '../../config/log-format';

describe('the log format', () => {
  test('json in production, text in development, either on request', () => {
    assert.equal(loadLogFormat({}, true), 'json');
    assert.equal(loadLogFormat({}, false), 'text');
    assert.equal(loadLogFormat({ LOG_FORMAT: 'text' }, true), 'text');
    assert.equal(loadLogFormat({ LOG_FORMAT: 'JSON' }, false), 'json');
    assert.throws(() => loadLogFormat({ LOG_FORMAT: 'xml' }, true), /LOG_FORMAT must be "json" or "text", got "xml"/);
  });

  test('an SDK log entry becomes one JSON object with its correlation fields beside the message', () => {
    const line = jsonLogLine({
      level: 'WARN',
      message: 'Activity failed',
      timestampNanos: 1_700_000_000_000_000_000n,
      meta: { workflowId: 'checkout-co-1', runId: 'r-1', activityId: '3', taskQueue: 'checkout-recovery' },
    });
    assert.deepEqual(JSON.parse(line), {
      time: '2023-11-14T22:13:20.000Z',
      level: 'WARN',
      message: 'Activity failed',
      workflowId: 'checkout-co-1',
      runId: 'r-1',
      activityId: '3',
      taskQueue: 'checkout-recovery',
    });
  });
});
