import type { Client } from '@temporalio/client';
import { statusQuery } from '../../common/messages';

/**
 * The state the send activity re-checks right before sending. An order received while a send is
 * in flight leaves the workflow's state at `reminding` until the send returns, so the order itself
 * is what counts here.
 */
export function checkoutStateReader(client: Client): (workflowId: string) => Promise<string> {
  return async (workflowId) => {
    const status = await client.workflow.getHandle(workflowId).query(statusQuery);
    return status.order ? 'ordered' : status.state;
  };
}
