// Waits until the worker has run the first workflow task of freshly started workflows, so a
// measurement starts with no backlog. Checks the last ids started (the task queue is about FIFO).
import type { Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { sleep } from './processes';

const { EVENT_TYPE_WORKFLOW_TASK_COMPLETED } = temporal.api.enums.v1.EventType;
const SAMPLE = 8;

export async function waitForFirstTasks(client: Client, workflowIds: readonly string[], timeoutMs = 180_000) {
  const pending = new Set(workflowIds.slice(-SAMPLE));
  const deadline = Date.now() + timeoutMs;
  while (pending.size > 0) {
    if (Date.now() > deadline) throw new Error(`no first workflow task after ${timeoutMs} ms in ${[...pending]}`);
    for (const id of [...pending]) {
      const history = await client.workflow.getHandle(id).fetchHistory();
      if (history.events?.some((e) => e.eventType === EVENT_TYPE_WORKFLOW_TASK_COMPLETED)) pending.delete(id);
    }
    if (pending.size > 0) await sleep(250);
  }
}
