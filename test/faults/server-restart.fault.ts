// Scenario: the Temporal server stops (SIGTERM) mid-schedule and starts again on its SQLite file,
// with reminders falling due during the outage. The worker and the API stay up and reconnect.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { workflowIdFor } from '../../common/messages';
import { assertNoBrokenWorkflow, postCheckouts, waitUntilClosed } from './support/checkouts';
import { deliveredOnce, expectedOnce, reminderKeys } from './support/deliveries';
import { FaultStack } from './support/fault-stack';
import { pause } from './support/processes';

describe('the Temporal dev server restarted on its database', () => {
  test('mid-schedule: reminders due during the outage all arrive after the restart, none twice', {
    timeout: 120_000,
  }, async () => {
    const stack = await FaultStack.start();
    try {
      const schedule = [{ after: '2s' }, { after: '9s' }, { after: '11s' }];
      const t0 = Date.now();
      const ids = await postCheckouts(stack, 5, schedule);
      await stack.waitUntil(
        'reminder 1 of every checkout completed',
        () => Promise.all(ids.map((id) => stack.eventTypes(workflowIdFor(id)))),
        (histories) => histories.every((events) => events.includes('EVENT_TYPE_ACTIVITY_TASK_COMPLETED')),
        30_000,
      );
      assert.ok(Date.now() < t0 + 8_000, `precondition: reminder 2 is not due yet (${Date.now() - t0} ms in)`);

      await stack.server.stop('SIGTERM');
      const stoppedAt = Date.now() - t0;
      await pause(Math.max(0, t0 + 12_500 - Date.now())); // reminders 2 and 3 fall due while the server is down
      await stack.server.startAgain();
      const restartedAt = Date.now() - t0;

      await waitUntilClosed(stack, ids, 60_000);
      const all = reminderKeys(ids, 3);
      assert.deepEqual(deliveredOnce(stack.ses, all), expectedOnce(all));
      assert.deepEqual(
        await Promise.all(ids.map((id) => stack.state(id))),
        ids.map(() => 'expired'),
      );
      assert.ok(stack.workers[0]?.running, 'the worker rode out the outage');
      // The API's client reconnected too: the status query goes through it to the worker.
      const status = await stack.request('GET', `/checkouts/${ids[0]}`);
      assert.equal(status.status, 200, JSON.stringify(status.body));
      assert.equal(status.body.remindersSent, 3);
      await assertNoBrokenWorkflow(stack, ids);
      console.log(
        `server stopped at ${stoppedAt} ms, restarted at ${restartedAt} ms; ${all.length} reminders once each; ` +
          `${stack.ses.count} SES requests; all closed at ${Date.now() - t0} ms`,
      );
    } finally {
      await stack.close();
    }
  });
});
