// Waits until the worker has run the first workflow task of freshly started workflows, so a
// measurement starts with no backlog. Checks the last ids started (the task queue is about FIFO).
// A checkout in its start delay has no first task until it is due: it is already asleep.
import type { Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { sleep } from './processes';
import { hasStartDelay } from './start-delay';

const { EVENT_TYPE_WORKFLOW_TASK_COMPLETED, EVENT_TYPE_WORKFLOW_TASK_SCHEDULED } = temporal.api.enums.v1.EventType;
const SAMPLE = 8;
// Bounded by the batch size: a worker here runs at least ~30 first tasks/s; allow 10/s plus a minute.
const timeoutFor = (count: number) => 60_000 + count * 100;

export async function waitForFirstTasks(
  client: Client,
  workflowIds: readonly string[],
  timeoutMs = timeoutFor(workflowIds.length),
) {
  const pending = new Set(workflowIds.slice(-SAMPLE));
  const deadline = Date.now() + timeoutMs;
  while (pending.size > 0) {
    if (Date.now() > deadline) throw new Error(`no first workflow task after ${timeoutMs} ms in ${[...pending]}`);
    for (const id of [...pending]) {
      const history = await client.workflow.getHandle(id).fetchHistory();
      const events = history.events ?? [];
      const delayed =
        hasStartDelay(events[0]) && !events.some((e) => e.eventType === EVENT_TYPE_WORKFLOW_TASK_SCHEDULED);
      if (delayed || events.some((e) => e.eventType === EVENT_TYPE_WORKFLOW_TASK_COMPLETED)) pending.delete(id);
    }
    if (pending.size > 0) await sleep(250);
  }
}
