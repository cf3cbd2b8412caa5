// The frequency cap across a customer's checkouts, on the time-skipping server with the real send
// activities and ledger: the second checkout's reminder waits, it is not dropped.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { RecoveryPolicy } from '../../common/checkout';
import { RecoveryHarness, result } from './recovery-harness';

const HOUR = 3_600_000;
const CAPPED: RecoveryPolicy = { quietHours: null, defaultTimezone: 'UTC', frequencyCap: '16h' };

describe('frequency cap across a customer’s checkouts', () => {
  let h: RecoveryHarness;
  before(async () => {
    h = await RecoveryHarness.start();
  });
  after(async () => {
    await h?.close();
  });

  test('a second checkout’s reminder waits 16 h after the first checkout’s, then goes out', async () => {
    await h.withWorker(async ({ taskQueue }) => {
      // Both belong to customer c-42 (the harness's customer).
      const first = await h.startCheckout(taskQueue, [{ after: '30m' }], { policy: CAPPED });
      const second = await h.startCheckout(taskQueue, [{ after: '1h' }], { policy: CAPPED });
      // One result at a time: the time-skipping client does not take two concurrent waits well.
      const a = await result(first.handle);
      const b = await result(second.handle);
      const sentA = Date.parse(a.reminders[0]?.at ?? '');
      assert.deepEqual(
        b.reminders.map((r) => [r.step, r.outcome]),
        [
          [1, 'delayed'],
          [1, 'sent'],
        ],
      );
      const held = b.reminders[0];
      assert.match(held?.delayed?.reason ?? '', /frequency cap/);
      const until = Date.parse(held?.delayed?.until ?? '');
      assert.ok(Math.abs(until - (sentA + 16 * HOUR)) < 5_000, 'held until 16 h after the other checkout’s message');
      const sentB = Date.parse(b.reminders[1]?.at ?? '');
      assert.ok(sentB >= until && sentB - until < 10_000, `sent ${sentB - until} ms after the cap allowed`);
      assert.equal(b.remindersSent, 1);
      assert.equal((await h.inbox.messagesTo(second.email)).length, 1, 'delayed, not dropped, not doubled');
    });
  });

  test('a checkout’s own schedule is not capped against itself', async () => {
    await h.withWorker(async ({ taskQueue }) => {
      const { handle } = await h.startCheckout(
        taskQueue,
        [{ after: '30m' }, { after: '1h' }],
        { policy: CAPPED },
        'c-own-schedule', // not the first test's customer: the ledger outlives each test server
      );
      const status = await result(handle);
      assert.deepEqual(
        status.reminders.map((r) => r.outcome),
        ['sent', 'sent'],
      );
    });
  });
});
