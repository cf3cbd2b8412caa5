Object.defineProperty(exports, '__esModule', { value: true });
exports.rescheduleUpdate =
  exports.statusQuery =
  exports.activitySignal =
  exports.checkoutEventsSignal =
  exports.preferencesSignal =
  exports.supersededSignal =
  exports.orderUpdate =
  exports.orderedSignal =
  exports.EARLY_ORDER_WORKFLOW_TYPE =
  exports.WORKFLOW_TYPE =
    void 0;
exports.workflowIdFor = workflowIdFor;
// Signals, queries and updates of the checkout-recovery workflow. Side-effect free so the API
// can import them without pulling in workflow code.
const workflow_1 = require('@temporalio/workflow');
exports.WORKFLOW_TYPE = 'checkoutRecovery';
/** An order that arrived before its checkout (same workflow id as the checkout's). */
exports.EARLY_ORDER_WORKFLOW_TYPE = 'earlyOrder';
exports.orderedSignal = (0, workflow_1.defineSignal)('ordered');
/**
 * The order, acknowledged: the handler records it, stops the schedule and answers once any send in
 * flight has ended, so no provider call can begin after the answer.
 */
exports.orderUpdate = (0, workflow_1.defineUpdate)('order');
/** A newer checkout of the same customer took over: this one stops, sending nothing more. */
exports.supersededSignal = (0, workflow_1.defineSignal)('superseded');
/** The shopper's checkout steps; each counts as activity and feeds the abandonment reason. */
/** The customer changed their preferences: an opt-out stops the checkout, the rest re-plans it. */
exports.preferencesSignal = (0, workflow_1.defineSignal)('preferences');
exports.checkoutEventsSignal = (0, workflow_1.defineSignal)('checkoutEvents');
exports.activitySignal = (0, workflow_1.defineSignal)('activity');
exports.statusQuery = (0, workflow_1.defineQuery)('status');
/** Replaces the steps not yet sent; returns the new status. Rejected by its validator when invalid. */
exports.rescheduleUpdate = (0, workflow_1.defineUpdate)('reschedule');
/** The workflow id is derived from the business key, so a repeated start finds the same workflow. */
function workflowIdFor(checkoutId) {
  return `checkout-${checkoutId}`;
}
//# sourceMappingURL=messages.js.map
