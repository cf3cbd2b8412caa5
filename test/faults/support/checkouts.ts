import assert from 'node:assert/strict';
import { workflowIdFor } from '../../../common/messages';
import { checkoutBody, uniqueId } from '../../api/support/api-harness';
import type { FaultStack } from './fault-stack';

export type Schedule = Array<{ after: string }>;

/** A valid POST /checkouts body whose emails are addressed to the checkout itself. */
export function faultCheckoutBody(checkoutId: string, schedule: Schedule, extra: Record<string, unknown> = {}) {
  return checkoutBody(checkoutId, {
    customer: { id: 'c-faults', email: `${checkoutId}@shoppers.example.com`, locale: 'en-US' },
    schedule,
    ...extra,
  });
}

/** Posts `count` new checkouts at once over HTTP; answers their ids once every one was accepted as created. */
export async function postCheckouts(stack: FaultStack, count: number, schedule: Schedule): Promise<string[]> {
  const ids = Array.from({ length: count }, () => uniqueId('co'));
  const responses = await Promise.all(
    ids.map((id) => stack.request('POST', '/checkouts', faultCheckoutBody(id, schedule))),
  );
  for (const res of responses) {
    assert.equal(res.status, 202, JSON.stringify(res.body));
    assert.equal(res.body.created, true);
  }
  return ids;
}

/** Waits until every checkout's workflow has run its first task and sleeps on a timer. */
export async function waitUntilSleeping(stack: FaultStack, ids: string[], timeoutMs = 30_000): Promise<void> {
  await stack.waitUntil(
    'every checkout sleeps: in its start delay (no task yet) or on a timer',
    () => Promise.all(ids.map((id) => stack.eventTypes(workflowIdFor(id)))),
    (histories) =>
      histories.every(
        (events) =>
          events.includes('EVENT_TYPE_TIMER_STARTED') || !events.includes('EVENT_TYPE_WORKFLOW_TASK_SCHEDULED'),
      ),
    timeoutMs,
  );
}

/** Waits until every checkout's workflow has closed. */
export async function waitUntilClosed(stack: FaultStack, ids: string[], timeoutMs: number): Promise<void> {
  await stack.waitUntil(
    `all ${ids.length} checkouts have closed`,
    () => Promise.all(ids.map((id) => stack.closed(id))),
    (closed) => closed.every(Boolean),
    timeoutMs,
  );
}

/** No workflow task failed and no workflow failed, in any of these checkouts. */
export async function assertNoBrokenWorkflow(stack: FaultStack, ids: string[]): Promise<void> {
  const broken = await Promise.all(ids.map(async (id) => [id, await stack.brokenEvents(workflowIdFor(id))] as const));
  assert.deepEqual(
    broken.filter(([, events]) => events.length > 0),
    [],
  );
}
