// Reads a checkout's status the cheapest way that is still exact. The workflow keeps no status
// search attribute up to date (each upsert is a billable Action), so: a completed workflow's
// result is its final status; a workflow still in its start delay has not run, and its status
// follows from its input and the signals kept for it; otherwise the workflow answers a query.
import type { Client, WorkflowExecutionDescription, WorkflowExecutionInfo, WorkflowHandle } from '@temporalio/client';
import { decodeFromPayloadsAtIndex } from '@temporalio/common/lib/internal-non-workflow';
import { temporal } from '@temporalio/proto';
import type { CheckoutRecoveryInput, CheckoutStatus, RecoveryWorkflowInput } from '../../../common/checkout';
import { abandonReason, applyEvent, inTimeOrder, NO_PROGRESS } from '../../../common/checkout-events';
import {
  type ActivitySignal,
  activitySignal,
  type CheckoutEventsSignal,
  checkoutEventsSignal,
  type PreferencesSignal,
  preferencesSignal,
  type SupersededSignal,
  statusQuery,
  supersededSignal,
  workflowIdFor,
} from '../../../common/messages';
import { initialLastActivity, laterActivity, plannedSteps } from '../../../common/recovery-plan';
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

  /** Undefined once a workflow task has run: then the workflow's own answer is the truth. */
  private async delayedStatus(
    handle: WorkflowHandle,
    description: ExecutionFacts,
  ): Promise<CheckoutStatus | undefined> {
    const events = (await handle.fetchHistory()).events ?? [];
    if (events.some((e) => e.eventType === E.EVENT_TYPE_WORKFLOW_TASK_COMPLETED)) return undefined;
    const converter = this.client.options.loadedDataConverter;
    const started = events[0]?.workflowExecutionStartedEventAttributes;
    const input = await decodeFromPayloadsAtIndex<RecoveryWorkflowInput>(converter, 0, started?.input?.payloads);
    if (!input || 'earlyOrder' in input) return undefined;
    const startedAt = description.startTime.getTime();
    let lastActivityAt = initialLastActivity(input as CheckoutRecoveryInput, startedAt);
    let progress = NO_PROGRESS;
    let supersededBy: string | undefined;
    let preferences = input.preferences;
    // The signals kept for the workflow, folded as its handlers will fold them.
    for (const event of events) {
      const signal = event.workflowExecutionSignaledEventAttributes;
      const receivedAt = Number(event.eventTime?.seconds ?? 0) * 1000 + Math.floor((event.eventTime?.nanos ?? 0) / 1e6);
      if (signal?.signalName === activitySignal.name) {
        const { at } = await decodeFromPayloadsAtIndex<ActivitySignal>(converter, 0, signal.input?.payloads);
        lastActivityAt = laterActivity(lastActivityAt, at, receivedAt);
      } else if (signal?.signalName === supersededSignal.name) {
        supersededBy ??= (await decodeFromPayloadsAtIndex<SupersededSignal>(converter, 0, signal.input?.payloads)).by;
      } else if (signal?.signalName === preferencesSignal.name) {
        preferences = (await decodeFromPayloadsAtIndex<PreferencesSignal>(converter, 0, signal.input?.payloads))
          .preferences;
      } else if (signal?.signalName === checkoutEventsSignal.name) {
        const batch = await decodeFromPayloadsAtIndex<CheckoutEventsSignal>(converter, 0, signal.input?.payloads);
        for (const e of inTimeOrder(batch.events)) {
          progress = applyEvent(progress, e);
          lastActivityAt = laterActivity(lastActivityAt, Date.parse(e.at), receivedAt);
        }
      }
    }
    const unsubscribed = preferences?.optedOut === true;
    const upcoming =
      supersededBy || unsubscribed ? [] : plannedSteps({ ...input, preferences }, input.schedule, 0, lastActivityAt);
    return {
      checkoutId: input.checkout.checkoutId,
      customerId: input.checkout.customer.id,
      state: supersededBy ? 'superseded' : unsubscribed ? 'unsubscribed' : 'waiting',
      startedAt: new Date(startedAt).toISOString(),
      lastActivityAt: new Date(lastActivityAt).toISOString(),
      nextDueAt: upcoming[0]?.dueAt ?? null,
      remindersSent: 0,
      reminders: [],
      upcoming,
      order: null,
      ...(supersededBy && { supersededBy }),
      ...(preferences && { preferences }),
      ...(progress.events > 0 && { progress, abandonReason: abandonReason(progress) }),
    };
  }
}

/** The start delay has not run out yet (an order or update may still have ended it early). */
function isStillDelayed(description: ExecutionFacts): boolean {
  return (description.executionTime?.getTime() ?? 0) > Date.now();
}
