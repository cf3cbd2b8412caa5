Object.defineProperty(exports, '__esModule', { value: true });
exports.recoveryStartOptions = recoveryStartOptions;
const messages_1 = require('../../../common/messages');
const recovery_plan_1 = require('../../../common/recovery-plan');
const search_attributes_1 = require('../../../common/search-attributes');
const workflow_summary_1 = require('./workflow-summary');
// Below a second a delay saves nothing worth the special case.
const MIN_START_DELAY_MS = 1_000;
function recoveryStartOptions(taskQueue, input, now = Date.now()) {
  const { checkout } = input;
  const delayMs = (0, recovery_plan_1.firstReminderDelayMs)(input, now);
  return {
    taskQueue,
    workflowId: (0, messages_1.workflowIdFor)(checkout.checkoutId),
    args: [input],
    // An existing one (running, or an order that came first) answers "already started": that is how
    // the start tells "created" from "already there", without a second call (the server dedupes the
    // SDK's own retries of one request by its request id).
    workflowIdConflictPolicy: 'FAIL',
    // A closed checkout (ordered, even by an order that came first) must never be restarted.
    workflowIdReusePolicy: 'REJECT_DUPLICATE',
    // The first wait is the start delay: no timer, one Action less. Orders (signal-with-start) and
    // updates end it early; activity signals are kept and read when the workflow first runs.
    ...(delayMs >= MIN_START_DELAY_MS && { startDelay: delayMs }),
    // Set here, they cost nothing; the workflow upserts none later (each upsert is an Action).
    typedSearchAttributes: [
      { key: search_attributes_1.CustomerIdKey, value: checkout.customer.id },
      { key: search_attributes_1.CartTotalKey, value: checkout.cart.total },
    ],
    staticSummary: (0, workflow_summary_1.summaryFor)(input),
    staticDetails: (0, workflow_summary_1.detailsFor)(input),
  };
}
//# sourceMappingURL=start-options.js.map
