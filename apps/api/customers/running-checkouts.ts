import type { Client, WorkflowExecutionInfo } from '@temporalio/client';
import { WORKFLOW_TYPE } from '../../../common/messages';
import { CustomerIdKey } from '../../../common/search-attributes';

/**
 * The customer's running checkouts, from visibility: eventually consistent, so one started within
 * the last second or so may be missing (the send activity's own checks cover it).
 * `customerId` matched ID_PATTERN (no quotes), so it cannot break out of the query.
 */
export async function* runningCheckoutsOf(client: Client, customerId: string): AsyncIterable<WorkflowExecutionInfo> {
  const query = `WorkflowType = "${WORKFLOW_TYPE}" AND ${CustomerIdKey.name} = "${customerId}" AND ExecutionStatus = "Running"`;
  yield* client.workflow.list({ query });
}
