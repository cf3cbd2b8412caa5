Object.defineProperty(exports, '__esModule', { value: true });
exports.sleepThenReport = sleepThenReport;
// The lateness baseline: the least a reminder workflow can do. Sleep until the due time on
// Temporal's clock, then run one activity that reports its arrival. No SES, no queries, no upserts.
const workflow_1 = require('@temporalio/workflow');
// Reporting an arrival is one local HTTP call.
const { reportArrival } = (0, workflow_1.proxyActivities)({ startToCloseTimeout: '30s' });
async function sleepThenReport({ key, dueAt }) {
  const wait = dueAt - Date.now();
  if (wait > 0) await (0, workflow_1.sleep)(wait);
  await reportArrival(key);
}
//# sourceMappingURL=baseline-workflow.js.map
