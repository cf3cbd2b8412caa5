import type { Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { orderedSignal, supersededSignal } from '../../common/messages';

const E = temporal.api.enums.v1.EventType;

/**
 * The state the send activity re-checks right before sending, read from the workflow's history:
 * an order signal or a cancel request recorded there wins, even while the workflow still awaits
 * this very send. Reading history is free (a query is a billable Action) and needs no worker.
 * Only names and event types are read, so encrypted payloads need no decoding.
 */
export function checkoutStateReader(client: Client): (workflowId: string) => Promise<string | undefined> {
  return async (workflowId) => {
    const history = await client.workflow.getHandle(workflowId).fetchHistory();
    let state: string | undefined;
    for (const event of history.events ?? []) {
      if (event.eventType === E.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED) {
        const name = event.workflowExecutionSignaledEventAttributes?.signalName;
        if (name === orderedSignal.name) return 'ordered';
        if (name === supersededSignal.name) state = 'superseded';
      } else if (event.eventType === E.EVENT_TYPE_WORKFLOW_EXECUTION_CANCEL_REQUESTED) {
        state = 'cancelled';
      }
    }
    return state;
  };
}
