Object.defineProperty(exports, '__esModule', { value: true });
exports.CheckoutReader = void 0;
const proto_1 = require('@temporalio/proto');
const checkout_machine_1 = require('../../../common/checkout-machine');
const messages_1 = require('../../../common/messages');
const kept_signals_1 = require('../../shared/kept-signals');
const deadline_1 = require('../temporal/deadline');
const checkout_state_1 = require('./checkout-state');
const E = proto_1.temporal.api.enums.v1.EventType;
// A polling worker answers a query in milliseconds; after 5 s none is serving the task queue.
const STATUS_QUERY_TIMEOUT_MS = 5_000;
class CheckoutReader {
  client;
  constructor(client) {
    this.client = client;
  }
  handle(checkoutId) {
    return this.client.workflow.getHandle((0, messages_1.workflowIdFor)(checkoutId));
  }
  /**
   * The full status: from the result, the delayed start, or the workflow itself. `known`: the
   * execution as a list already returned it, so it is not described again.
   */
  async status(checkoutId, known) {
    const handle = this.handle(checkoutId);
    const description = known ?? (await handle.describe());
    if (description.status.name === 'COMPLETED') return await handle.result();
    if (description.status.name === 'RUNNING' && isStillDelayed(description)) {
      const delayed = await this.delayedStatus(handle, description);
      if (delayed) return delayed;
    }
    return (0, deadline_1.withWorkerDeadline)(this.client, STATUS_QUERY_TIMEOUT_MS, 'the status query', () =>
      handle.query(messages_1.statusQuery),
    );
  }
  /** The state alone, without a worker: what the API's own decisions (409s, cancel) need. */
  async state(checkoutId) {
    const handle = this.handle(checkoutId);
    return this.stateOf(handle, await handle.describe());
  }
  async stateOf(handle, info) {
    if (info.status.name === 'COMPLETED' && !(0, checkout_state_1.publishedState)(info)) {
      return (await handle.result()).state;
    }
    return (0, checkout_state_1.stateOf)(info);
  }
  /**
   * A checkout still in its start delay: its input and the signals kept for it, folded through the
   * same state machine the workflow's handlers apply. Undefined once a workflow task has run: then
   * the workflow's own answer is the truth.
   */
  async delayedStatus(handle, description) {
    const events = (await handle.fetchHistory()).events ?? [];
    if (events.some((e) => e.eventType === E.EVENT_TYPE_WORKFLOW_TASK_COMPLETED)) return undefined;
    const converter = this.client.options.loadedDataConverter;
    const payloads = events[0]?.workflowExecutionStartedEventAttributes?.input?.payloads ?? [];
    const input = await (0, kept_signals_1.firstArgument)(converter, payloads);
    if (!input || 'earlyOrder' in input) return undefined;
    let machine = (0, checkout_machine_1.start)(input, description.startTime.getTime());
    for (const message of await (0, kept_signals_1.keptSignalMessages)(events, converter))
      machine = (0, checkout_machine_1.apply)(machine, message);
    // As the workflow's first task will: a supersede or an opt-out ends the checkout before any step.
    const stop = (0, checkout_machine_1.stopReason)(machine);
    if (stop && stop !== 'ordered') machine = (0, checkout_machine_1.apply)(machine, { type: 'closed', phase: stop });
    return (0, checkout_machine_1.statusOf)(machine);
  }
}
exports.CheckoutReader = CheckoutReader;
/** The start delay has not run out yet (an order or update may still have ended it early). */
function isStillDelayed(description) {
  return (description.executionTime?.getTime() ?? 0) > Date.now();
}
//# sourceMappingURL=checkout-reader.js.map
