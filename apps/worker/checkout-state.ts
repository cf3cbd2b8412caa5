import type { Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import type { CheckoutRecoveryInput } from '../../common/checkout';
import { apply, start, stopReason } from '../../common/checkout-machine';
import { orderedSignal, orderUpdate, supersededSignal } from '../../common/messages';
import { keptSignalMessages } from '../shared/kept-signals';

const E = temporal.api.enums.v1.EventType;
/** Only these signals can stop a send; the others are not decoded. */
const STOPPING_SIGNALS = [orderedSignal.name, supersededSignal.name];
// The fold below needs a machine; only the order and supersede parts of it are read.
const PLACEHOLDER_INPUT = {
  checkout: { checkoutId: '', customer: { id: '' } },
  schedule: [],
} as unknown as CheckoutRecoveryInput;

/**
 * The state the send activity re-checks right before sending, read from the workflow's history:
 * an order (signal or accepted `order` update) or a cancel request recorded there wins, even while
 * the workflow still awaits this very send. An order acknowledged through the update needs no
 * re-check to be safe (its answer waits for this send to end); the re-check keeps the signal path
 * safe and spares a message the update's order already made pointless. The order and supersede signals are folded through the workflow's own state
 * machine (a supersede without a usable `by` is ignored there, and so here). Reading history is
 * free (a query is a billable Action) and needs no worker.
 */
export function checkoutStateReader(client: Client): (workflowId: string) => Promise<string | undefined> {
  return async (workflowId) => {
    const events = (await client.workflow.getHandle(workflowId).fetchHistory()).events ?? [];
    let machine = start(PLACEHOLDER_INPUT, 0);
    const converter = client.options.loadedDataConverter;
    for (const message of await keptSignalMessages(events, converter, STOPPING_SIGNALS))
      machine = apply(machine, message);
    const stop = stopReason(machine);
    // An order acknowledged through the `order` update (accepted updates are in history too).
    const orderAccepted = events.some(
      (e) => e.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input?.name === orderUpdate.name,
    );
    if (stop === 'ordered' || orderAccepted) return 'ordered';
    const cancelRequested = events.some((e) => e.eventType === E.EVENT_TYPE_WORKFLOW_EXECUTION_CANCEL_REQUESTED);
    return cancelRequested ? 'cancelled' : (stop ?? undefined);
  };
}
