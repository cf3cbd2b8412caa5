import type { temporal } from '@temporalio/proto';

/** Whether the workflow was started with a start delay (its first task backed off), from its first event. */
export function hasStartDelay(started: temporal.api.history.v1.IHistoryEvent | undefined): boolean {
  const backoff = started?.workflowExecutionStartedEventAttributes?.firstWorkflowTaskBackoff;
  return Number(backoff?.seconds ?? 0) > 0 || (backoff?.nanos ?? 0) > 0;
}
