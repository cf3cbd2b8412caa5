Object.defineProperty(exports, '__esModule', { value: true });
exports.usdPerThousandCheckouts =
  exports.totalActions =
  exports.PRICE_SOURCE =
  exports.USD_PER_MILLION_ACTIONS =
    void 0;
exports.countActions = countActions;
exports.straightforwardHistory = straightforwardHistory;
// Temporal Cloud billable Actions, counted from a workflow's event history.
//
// Rules applied, from "Temporal Cloud Actions" (https://docs.temporal.io/cloud/actions; source
// temporalio/documentation docs/evaluate/cloud/actions.mdx, commit 24afc58, read 2026-11-23):
// - Workflow started (client start, Continue-As-New, child start): 1. Search Attributes given at
//   start are excluded. One Signal-With-Start is 1 Action in total, whether or not it starts the
//   workflow (its history then shows STARTED + SIGNALED: counted once here).
// - Timer started: 1, including the implicit timer of `condition(fn, timeout)` in TypeScript.
// - Search Attribute upsert: 1 per UpsertSearchAttributes command (however many attributes it
//   sets); `TemporalChangeVersion` alone is exempt.
// - Signal (from a client or another workflow): 1 per WorkflowExecutionSignaled.
// - Activity: 1 per ActivityTaskScheduled, plus 1 per retry: ActivityTaskStarted.attempt - 1.
//   Local activities: 1 per workflow task that recorded any (not modelled further; none here).
// - Update: 1 per accepted Update (EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED); its completion
//   is not a separate Action. A rejected Update is 1 Action but never appears in history.
// - Workflow Execution Options updated: 1. Start Child Workflow initiated: 2. Reset: 1. Nexus
//   operation scheduled / cancel requested: 1.
// - Query received by a worker: 1 each, NOT in history (the UI's __temporal_workflow_metadata
//   query, which serves setCurrentDetails, is excluded). Callers add measured queries themselves.
// - Activity heartbeats: 1 each when they reach the server, not in history (none here).
//
// Price: Pay-As-You-Go starts at $50 per million Actions (first 5M of a month; the Developer plan
// pays $50 at every volume). Source: https://docs.temporal.io/cloud/pricing (temporalio/
// documentation docs/evaluate/cloud/pricing.mdx, commit 0217b71, read 2026-11-23).
const proto_1 = require('@temporalio/proto');
const start_delay_1 = require('../support/start-delay');
exports.USD_PER_MILLION_ACTIONS = 50;
exports.PRICE_SOURCE = '$50 per million Actions, Temporal Cloud Pay-As-You-Go first tier (read 2026-11-23)';
const E = proto_1.temporal.api.enums.v1.EventType;
const LOCAL_ACTIVITY_MARKER = 'core_local_activity';
const CHANGE_VERSION_ATTRIBUTE = 'TemporalChangeVersion';
const RESET_CAUSE = proto_1.temporal.api.enums.v1.WorkflowTaskFailedCause.WORKFLOW_TASK_FAILED_CAUSE_RESET_WORKFLOW;
/** The billable Actions one event stands for, if any. */
function actionsOf(event, startedBySignalWithStart) {
  switch (event.eventType) {
    case E.EVENT_TYPE_WORKFLOW_EXECUTION_STARTED:
      return startedBySignalWithStart ? undefined : ['workflowStarted', 1];
    case E.EVENT_TYPE_TIMER_STARTED:
      return ['timerStarted', 1];
    case E.EVENT_TYPE_UPSERT_WORKFLOW_SEARCH_ATTRIBUTES: {
      const attrs = event.upsertWorkflowSearchAttributesEventAttributes?.searchAttributes?.indexedFields ?? {};
      return Object.keys(attrs).some((f) => f !== CHANGE_VERSION_ATTRIBUTE)
        ? ['searchAttributesUpserted', 1]
        : undefined;
    }
    case E.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED:
      return ['signalReceived', 1];
    case E.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED:
      return ['activityScheduled', 1];
    case E.EVENT_TYPE_ACTIVITY_TASK_STARTED:
      return ['activityRetried', (event.activityTaskStartedEventAttributes?.attempt ?? 1) - 1];
    case E.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED:
      return ['updateAccepted', 1];
    case E.EVENT_TYPE_WORKFLOW_EXECUTION_OPTIONS_UPDATED:
      return ['optionsUpdated', 1];
    case E.EVENT_TYPE_START_CHILD_WORKFLOW_EXECUTION_INITIATED:
      return ['childWorkflowInitiated', 2];
    case E.EVENT_TYPE_WORKFLOW_TASK_FAILED:
      return event.workflowTaskFailedEventAttributes?.cause === RESET_CAUSE ? ['reset', 1] : undefined;
    case E.EVENT_TYPE_NEXUS_OPERATION_SCHEDULED:
    case E.EVENT_TYPE_NEXUS_OPERATION_CANCEL_REQUESTED:
      return ['nexusOperation', 1];
    default:
      return undefined;
  }
}
/**
 * A Signal-With-Start that started the workflow writes its signal right after the start event. A
 * signal that reaches a workflow still in its start delay also comes second, but is a signal of
 * its own (our Signal-With-Starts never set a delay; a delayed start's first task is backed off).
 */
function isSignalWithStart(first, second) {
  return second?.eventType === E.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED && !(0, start_delay_1.hasStartDelay)(first);
}
/** Counts by kind for one history. Local activities count once per workflow task that ran any. */
function countActions(events) {
  const counts = {};
  const startedBySignalWithStart = isSignalWithStart(events[0], events[1]);
  for (const event of events) {
    const [kind, n] = actionsOf(event, startedBySignalWithStart) ?? ['workflowStarted', 0];
    if (n > 0) counts[kind] = (counts[kind] ?? 0) + n;
  }
  const localActivityTasks = new Set(
    events
      .filter((e) => e.markerRecordedEventAttributes?.markerName === LOCAL_ACTIVITY_MARKER)
      .map((e) => String(e.markerRecordedEventAttributes?.workflowTaskCompletedEventId)),
  );
  if (localActivityTasks.size > 0) counts.localActivityTasks = localActivityTasks.size;
  return counts;
}
const totalActions = (counts) => Object.values(counts).reduce((a, b) => a + (b ?? 0), 0);
exports.totalActions = totalActions;
const usdPerThousandCheckouts = (actions) => (actions * 1_000 * exports.USD_PER_MILLION_ACTIONS) / 1_000_000;
exports.usdPerThousandCheckouts = usdPerThousandCheckouts;
/**
 * The straightforward design's history for a path, run through the same rules: start, then per
 * reminder reached "sleep, send"; an order is a signal that ends the sleep it lands in, followed by
 * one confirmation send when `confirmation` is set (like for like with a workflow that sends one).
 * No search attribute upserts, no status queries.
 */
function straightforwardHistory(remindersSent, ordered, steps, confirmation = false) {
  const events = [{ eventType: E.EVENT_TYPE_WORKFLOW_EXECUTION_STARTED }];
  for (let step = 0; step < steps; step++) {
    if (step > remindersSent) break;
    events.push({ eventType: E.EVENT_TYPE_TIMER_STARTED });
    if (step === remindersSent && ordered) {
      events.push({ eventType: E.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED });
      if (confirmation) {
        events.push(
          { eventType: E.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED },
          { eventType: E.EVENT_TYPE_ACTIVITY_TASK_STARTED, activityTaskStartedEventAttributes: { attempt: 1 } },
        );
      }
      break;
    }
    events.push(
      { eventType: E.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED },
      { eventType: E.EVENT_TYPE_ACTIVITY_TASK_STARTED, activityTaskStartedEventAttributes: { attempt: 1 } },
    );
  }
  return events;
}
//# sourceMappingURL=billing-rules.js.map
