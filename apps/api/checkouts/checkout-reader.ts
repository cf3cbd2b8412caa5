// Reads a checkout's status the cheapest way that is still exact. The workflow keeps no status
// search attribute up to date (each upsert is a billable Action), so: a completed workflow's
// result is its final status; a workflow still in its start delay has not run, and its status
// follows from its input and the signals kept for it; otherwise the workflow answers a query.
import type { Client, WorkflowExecutionDescription, WorkflowExecutionInfo, WorkflowHandle } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import type { CheckoutStatus, RecoveryWorkflowInput } from '../../../common/checkout';
import { apply, start, statusOf, stopReason } from '../../../common/checkout-machine';
import { statusQuery, workflowIdFor } from '../../../common/messages';
import { firstArgument, keptSignalMessages } from '../../shared/kept-signals';
import { withWorkerDeadline } from '../temporal/deadline';
import { publishedState, stateOf } from './checkout-state';
import type { ApiCheckoutState } from './dto/checkout-responses';

const E = temporal.api.enums.v1.EventType;
/** What a describe and a list entry both tell about an execution, and all the reader needs. */
type ExecutionFacts = Pick<WorkflowExecutionInfo, 'status' | 'startTime' | 'executionTime'>;
// A polling worker answers a query in milliseconds; after 5 s none is serving the task queue.
const STATUS_QUERY_TIMEOUT_MS = 5_000;

export class CheckoutReader {
  constructor(private readonly client: Client) {}

  handle(checkoutId: string): WorkflowHandle {
    return this.client.workflow.getHandle(workflowIdFor(checkoutId));
  }

  /**
   * The full status: from the result, the delayed start, or the workflow itself. `known`: the
   * execution as a list already returned it, so it is not described again.
   */
  async status(checkoutId: string, known?: ExecutionFacts): Promise<CheckoutStatus> {
    const handle = this.handle(checkoutId);
    const description = known ?? (await handle.describe());
    if (description.status.name === 'COMPLETED') return (await handle.result()) as CheckoutStatus;
    if (description.status.name === 'RUNNING' && isStillDelayed(description)) {
      const delayed = await this.delayedStatus(handle, description);
      if (delayed) return delayed;
    }
    return withWorkerDeadline(this.client, STATUS_QUERY_TIMEOUT_MS, 'the status query', () =>
      handle.query(statusQuery),
    );
  }

  /** The state alone, without a worker: what the API's own decisions (409s, cancel) need. */
  async state(checkoutId: string): Promise<ApiCheckoutState> {
    const handle = this.handle(checkoutId);
    return this.stateOf(handle, await handle.describe());
  }

  async stateOf(
    handle: WorkflowHandle,
    info: Pick<WorkflowExecutionDescription, 'status' | 'typedSearchAttributes'>,
  ): Promise<ApiCheckoutState> {
    if (info.status.name === 'COMPLETED' && !publishedState(info)) {
      return ((await handle.result()) as CheckoutStatus).state;
    }
    return stateOf(info);
  }

  /**
   * A checkout still in its start delay: its input and the signals kept for it, folded through the
   * same state machine the workflow's handlers apply. Undefined once a workflow task has run: then
   * the workflow's own answer is the truth.
   */
  private async delayedStatus(
    handle: WorkflowHandle,
    description: ExecutionFacts,
  ): Promise<CheckoutStatus | undefined> {
    const events = (await handle.fetchHistory()).events ?? [];
    if (events.some((e) => e.eventType === E.EVENT_TYPE_WORKFLOW_TASK_COMPLETED)) return undefined;
    const converter = this.client.options.loadedDataConverter;
    const payloads = events[0]?.workflowExecutionStartedEventAttributes?.input?.payloads ?? [];
    const input = await firstArgument<RecoveryWorkflowInput | undefined>(converter, payloads);
    if (!input || 'earlyOrder' in input) return undefined;
    let machine = start(input, description.startTime.getTime());
    for (const message of await keptSignalMessages(events, converter)) machine = apply(machine, message);
    // As the workflow's first task will: a supersede or an opt-out ends the checkout before any step.
    const stop = stopReason(machine);
    if (stop && stop !== 'ordered') machine = apply(machine, { type: 'closed', phase: stop });
    return statusOf(machine);
  }
}

/** The start delay has not run out yet (an order or update may still have ended it early). */
function isStillDelayed(description: ExecutionFacts): boolean {
  return (description.executionTime?.getTime() ?? 0) > Date.now();
}
