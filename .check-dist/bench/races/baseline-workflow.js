Object.defineProperty(exports, '__esModule', { value: true });
exports.baselineOrderedSignal = void 0;
exports.sendUnlessOrdered = sendUnlessOrdered;
// The order-races baseline: the least a reminder workflow can do under the same start path. It is
// started with the same start delay (its first task runs when the reminder falls due), sends at
// once unless an order has come, with no re-check before the send, then waits for the order and
// closes. No confirmation, no SES: its send reports an arrival to the bench's recorder.
const workflow_1 = require('@temporalio/workflow');
// Reporting an arrival is one local HTTP call.
const { reportArrival } = (0, workflow_1.proxyActivities)({ startToCloseTimeout: '30s' });
exports.baselineOrderedSignal = (0, workflow_1.defineSignal)('ordered');
async function sendUnlessOrdered({ key }) {
  let ordered = false;
  (0, workflow_1.setHandler)(exports.baselineOrderedSignal, () => {
    ordered = true;
  });
  if (!ordered) await reportArrival(key);
  await (0, workflow_1.condition)(() => ordered);
}
//# sourceMappingURL=baseline-workflow.js.map
