// How an order reaches a checkout's recovery workflow, shared by POST /orders (the shop tells us)
// and the order saga's record activity (we placed it): first the stop record the sends' claims
// read, then the `order` update (its answer waits until no send is in flight), or update-with-start
// of an early-order workflow when the checkout is not known yet; when no worker answers in time,
// the durable signal (signal-with-start). A checkout that already closed is left as it is.
import {
  type Client,
  isGrpcDeadlineError,
  WithStartWorkflowOperation,
  WorkflowExecutionAlreadyStartedError,
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
} from '@temporalio/client';
import type { EarlyOrderInput } from '../../common/checkout';
import {
  EARLY_ORDER_WORKFLOW_TYPE,
  type OrderAck,
  orderedSignal,
  orderUpdate,
  workflowIdFor,
} from '../../common/messages';
import { CheckoutStatusKey } from '../../common/search-attributes';
import type { CheckoutStops } from '../../storage/checkout-stops';
import { recordStop } from '../api/checkouts/record-stop';

export type OrderTaken = { ack: OrderAck } | { ack: undefined; arrivedAfterClose: boolean };

export interface OrderRecordingDeps {
  client: Client;
  stops: CheckoutStops | null;
  taskQueue: string;
  /** ORDER_ACK_TIMEOUT */
  ackTimeoutMs: number;
  logger: { warn(message: string): void };
}

export async function recordOrderOnCheckout(
  deps: OrderRecordingDeps,
  checkoutId: string,
  orderId: string,
  total?: number,
): Promise<OrderTaken> {
  // First the stop record: a send claimed from now on is suppressed by its own claim, whichever
  // way the workflow then hears of the order.
  await recordStop(deps.stops, checkoutId, 'ordered', deps.logger);
  return acknowledged(deps, checkoutId, orderId, total).catch(async (err: unknown) => {
    // No worker in time, or the update refused (e.g. the checkout closed while it waited): the
    // durable signal records the order, or says the checkout had closed.
    if (!isNoWorkerInTime(err) && !(err instanceof WorkflowUpdateFailedError) && !isMultiOperationRefusal(err))
      throw err;
    deps.logger.warn(`order ${orderId} for ${checkoutId} not acknowledged (${String(err)}); recorded by signal`);
    return signalled(deps, checkoutId, orderId, total);
  });
}

/** The `order` update on the running checkout, or on a new early-order workflow of its id. */
async function acknowledged(
  deps: OrderRecordingDeps,
  checkoutId: string,
  orderId: string,
  total?: number,
): Promise<OrderTaken> {
  const deadline = Date.now() + deps.ackTimeoutMs;
  try {
    const ack = await deps.client.connection.withDeadline(deadline, () =>
      deps.client.workflow.executeUpdateWithStart(orderUpdate, {
        args: [{ orderId, total }],
        startWorkflowOperation: new WithStartWorkflowOperation(EARLY_ORDER_WORKFLOW_TYPE, {
          ...earlyOrderStart(deps, checkoutId, orderId),
          workflowIdConflictPolicy: 'USE_EXISTING',
        }),
      }),
    );
    return { ack };
  } catch (err) {
    // A closed checkout (ordered, expired…) keeps its id: it is not started again for this order.
    if (err instanceof WorkflowExecutionAlreadyStartedError) return { ack: undefined, arrivedAfterClose: true };
    throw err;
  }
}

/** The order as a signal (signal-with-start when the checkout is not known yet): durable, unacknowledged. */
async function signalled(
  deps: OrderRecordingDeps,
  checkoutId: string,
  orderId: string,
  total?: number,
): Promise<OrderTaken> {
  try {
    await deps.client.workflow.signalWithStart(EARLY_ORDER_WORKFLOW_TYPE, {
      ...earlyOrderStart(deps, checkoutId, orderId),
      signal: orderedSignal,
      signalArgs: [{ orderId, total }],
    });
    return { ack: undefined, arrivedAfterClose: false };
  } catch (err) {
    if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
    return { ack: undefined, arrivedAfterClose: true };
  }
}

function earlyOrderStart(deps: OrderRecordingDeps, checkoutId: string, orderId: string) {
  const earlyOrder: EarlyOrderInput = { earlyOrder: { checkoutId } };
  return {
    workflowId: workflowIdFor(checkoutId),
    taskQueue: deps.taskQueue,
    args: [earlyOrder] as [EarlyOrderInput],
    workflowIdReusePolicy: 'REJECT_DUPLICATE' as const,
    staticSummary: `Order ${orderId} for checkout ${checkoutId}, received before the checkout`,
    // Applies only when this call starts the early-order workflow: a checkout posted right after
    // must read as ordered before that workflow's first task has run.
    typedSearchAttributes: [{ key: CheckoutStatusKey, value: 'ordered' }],
  };
}

const GRPC_FAILED_PRECONDITION = 9;

/**
 * The server refused the update-with-start as a whole ("Update-with-Start could not be executed",
 * FAILED_PRECONDITION), seen when the checkout closed between the two operations under load: the
 * durable signal then records the order or says the checkout had closed.
 */
function isMultiOperationRefusal(err: unknown): boolean {
  return (err as { code?: unknown } | null)?.code === GRPC_FAILED_PRECONDITION;
}

function isNoWorkerInTime(err: unknown): boolean {
  return isGrpcDeadlineError(err) || err instanceof WorkflowUpdateRPCTimeoutOrCancelledError;
}
