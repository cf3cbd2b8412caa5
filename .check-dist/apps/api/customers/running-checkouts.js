Object.defineProperty(exports, '__esModule', { value: true });
exports.runningCheckoutsOf = runningCheckoutsOf;
const messages_1 = require('../../../common/messages');
const search_attributes_1 = require('../../../common/search-attributes');
/**
 * The customer's running checkouts, from visibility: eventually consistent, so one started within
 * the last second or so may be missing (the send activity's own checks cover it).
 * `customerId` matched ID_PATTERN (no quotes), so it cannot break out of the query.
 */
async function* runningCheckoutsOf(client, customerId) {
  const query = `WorkflowType = "${messages_1.WORKFLOW_TYPE}" AND ${search_attributes_1.CustomerIdKey.name} = "${customerId}" AND ExecutionStatus = "Running"`;
  yield* client.workflow.list({ query });
}
//# sourceMappingURL=running-checkouts.js.map
