Object.defineProperty(exports, '__esModule', { value: true });
exports.waitForFirstTasks = waitForFirstTasks;
const proto_1 = require('@temporalio/proto');
const processes_1 = require('./processes');
const start_delay_1 = require('./start-delay');
const { EVENT_TYPE_WORKFLOW_TASK_COMPLETED, EVENT_TYPE_WORKFLOW_TASK_SCHEDULED } =
  proto_1.temporal.api.enums.v1.EventType;
const SAMPLE = 8;
// Bounded by the batch size: a worker here runs at least ~30 first tasks/s; allow 10/s plus a minute.
const timeoutFor = (count) => 60_000 + count * 100;
async function waitForFirstTasks(client, workflowIds, timeoutMs = timeoutFor(workflowIds.length)) {
  const pending = new Set(workflowIds.slice(-SAMPLE));
  const deadline = Date.now() + timeoutMs;
  while (pending.size > 0) {
    if (Date.now() > deadline) throw new Error(`no first workflow task after ${timeoutMs} ms in ${[...pending]}`);
    for (const id of [...pending]) {
      const history = await client.workflow.getHandle(id).fetchHistory();
      const events = history.events ?? [];
      const delayed =
        (0, start_delay_1.hasStartDelay)(events[0]) &&
        !events.some((e) => e.eventType === EVENT_TYPE_WORKFLOW_TASK_SCHEDULED);
      if (delayed || events.some((e) => e.eventType === EVENT_TYPE_WORKFLOW_TASK_COMPLETED)) pending.delete(id);
    }
    if (pending.size > 0) await (0, processes_1.sleep)(250);
  }
}
//# sourceMappingURL=first-tasks.js.map
