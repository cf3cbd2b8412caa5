// The checkout as the API posted it to its recovery workflow: the first event of that workflow's
// history (one event read, decoded through the client's codecs), so the order charges exactly the
// cart the reminders showed.
import type { Client } from '@temporalio/client';
import type { Checkout, RecoveryWorkflowInput } from '../../../common/checkout';
import { workflowIdFor } from '../../../common/messages';
import { firstArgument } from '../../shared/kept-signals';

export async function checkoutInput(client: Client, checkoutId: string): Promise<Checkout | undefined> {
  let response: Awaited<ReturnType<Client['workflowService']['getWorkflowExecutionHistory']>>;
  try {
    response = await client.workflowService.getWorkflowExecutionHistory({
      namespace: client.options.namespace,
      execution: { workflowId: workflowIdFor(checkoutId) },
      maximumPageSize: 1,
    });
  } catch (err) {
    if ((err as { code?: number }).code === 5) return undefined; // NOT_FOUND
    throw err;
  }
  const payloads = response.history?.events?.[0]?.workflowExecutionStartedEventAttributes?.input?.payloads ?? [];
  const input = await firstArgument<RecoveryWorkflowInput | undefined>(client.options.loadedDataConverter, payloads);
  return input && 'checkout' in input ? input.checkout : undefined;
}
