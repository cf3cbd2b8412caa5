import { Inject, Injectable, Logger, ServiceUnavailableException } from '@nestjs/common';
import {
  Client,
  isGrpcDeadlineError,
  WithStartWorkflowOperation,
  WorkflowExecutionAlreadyStartedError,
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
} from '@temporalio/client';
import type { EarlyOrderInput } from '../../../common/checkout';
import {
  EARLY_ORDER_WORKFLOW_TYPE,
  type OrderAck,
  orderedSignal,
  orderUpdate,
  workflowIdFor,
} from '../../../common/messages';
import { CheckoutStatusKey } from '../../../common/search-attributes';
import type { AppConfig } from '../../../config/env';
import type { CheckoutStops } from '../../../storage/checkout-stops';
import { EventRecorder } from '../analytics/event-recorder';
import { closedRecord, type IncomingOrder, orderRecord } from '../analytics/incoming-events';
import { APP_CONFIG } from '../app-config.token';
import { CHECKOUT_STOPS } from '../checkouts/checkout-stops.token';
import { CheckoutsService } from '../checkouts/checkouts.service';
import { recordStop } from '../checkouts/record-stop';
import { ApiMetrics } from '../metrics/api-metrics';
import type { OrderAcceptedResponse } from './order-responses';

type Taken = { ack: OrderAck } | { ack: undefined; arrivedAfterClose: boolean };

@Injectable()
export class OrdersService {
  private readonly logger = new Logger('Orders');

  constructor(
    private readonly client: Client,
    private readonly checkouts: CheckoutsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly metrics: ApiMetrics,
    @Inject(CHECKOUT_STOPS) private readonly stops: CheckoutStops | null,
    private readonly events: EventRecorder,
  ) {}

  /**
   * Records the order on the checkout's workflow and answers once it is safe: through the `order`
   * update, whose answer waits until no reminder send is in flight (`confirmed: true`: no provider
   * call begins after this answer). Events arrive out of order: when the checkout is not known yet,
   * update-with-start records the order in a workflow of its own id, so the checkout, when it comes,
   * finds it ordered. When no worker answers within ORDER_ACK_TIMEOUT, the durable signal records
   * the order instead (`confirmed: false`; the stop record written first then guards the sends). A
   * checkout that already closed is left as it is.
   */
  async record(
    checkoutId: string,
    orderId: string,
    total?: number,
    discountCode?: string,
  ): Promise<OrderAcceptedResponse> {
    // First the stop record the sends' claims read: a send claimed from now on is suppressed by
    // its own claim, whichever way the workflow then hears of the order.
    await recordStop(this.stops, checkoutId, 'ordered', this.logger);
    const taken = await this.acknowledged(checkoutId, orderId, total).catch(async (err: unknown) => {
      // No worker in time, or the update refused (e.g. the checkout closed while it waited): the
      // durable signal records the order, or says the checkout had closed.
      if (!isNoWorkerInTime(err) && !(err instanceof WorkflowUpdateFailedError) && !isMultiOperationRefusal(err))
        throw err;
      this.logger.warn(`order ${orderId} for ${checkoutId} not acknowledged (${String(err)}); recorded by signal`);
      return this.signalled(checkoutId, orderId, total);
    });
    const status = taken.ack ? taken.ack.state : await this.checkouts.stateOf(checkoutId);
    this.metrics.orderRecorded(status);
    const arrivedAfterClose = !taken.ack && taken.arrivedAfterClose;
    // Recorded once the checkout has it (an order after the close counts too: attribution has a
    // window). A retry of this request finds the order taken and writes what was missing.
    await this.recordOrder({ checkoutId, orderId, total, discountCode }, !arrivedAfterClose);
    return {
      checkoutId,
      orderId,
      accepted: true,
      confirmed: taken.ack !== undefined,
      status,
      ...(arrivedAfterClose && {
        note: `the order arrived after the checkout closed as ${status}; it was not recorded on it`,
      }),
    };
  }

  private async recordOrder(order: IncomingOrder, closesCheckout: boolean): Promise<void> {
    const store = this.events.available;
    if (!store) return;
    const facts = await store.facts(order.checkoutId).catch(() => {
      throw new ServiceUnavailableException('the order could not be recorded; retry');
    });
    const now = new Date();
    await this.events.record([
      orderRecord(order, facts, now),
      ...(closesCheckout ? [closedRecord(order.checkoutId, 'ordered', now)] : []),
    ]);
  }

  /** The `order` update on the running checkout, or on a new early-order workflow of its id. */
  private async acknowledged(checkoutId: string, orderId: string, total?: number): Promise<Taken> {
    const deadline = Date.now() + this.config.orderAckTimeoutMs;
    try {
      const ack = await this.client.connection.withDeadline(deadline, () =>
        this.client.workflow.executeUpdateWithStart(orderUpdate, {
          args: [{ orderId, total }],
          startWorkflowOperation: new WithStartWorkflowOperation(EARLY_ORDER_WORKFLOW_TYPE, {
            ...this.earlyOrderStart(checkoutId, orderId),
            workflowIdConflictPolicy: 'USE_EXISTING',
          }),
        }),
      );
      return { ack };
    } catch (err) {
      // A closed checkout (ordered, expired…) keeps its id: it is not started again for this order.
      if (err instanceof WorkflowExecutionAlreadyStartedError) {
        return { ack: undefined, arrivedAfterClose: true };
      }
      throw err;
    }
  }

  /** The order as a signal (signal-with-start when the checkout is not known yet): durable, unacknowledged. */
  private async signalled(checkoutId: string, orderId: string, total?: number): Promise<Taken> {
    try {
      await this.client.workflow.signalWithStart(EARLY_ORDER_WORKFLOW_TYPE, {
        ...this.earlyOrderStart(checkoutId, orderId),
        signal: orderedSignal,
        signalArgs: [{ orderId, total }],
      });
      return { ack: undefined, arrivedAfterClose: false };
    } catch (err) {
      if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
      return { ack: undefined, arrivedAfterClose: true };
    }
  }

  private earlyOrderStart(checkoutId: string, orderId: string) {
    const earlyOrder: EarlyOrderInput = { earlyOrder: { checkoutId } };
    return {
      workflowId: workflowIdFor(checkoutId),
      taskQueue: this.config.temporal.taskQueue,
      args: [earlyOrder] as [EarlyOrderInput],
      workflowIdReusePolicy: 'REJECT_DUPLICATE' as const,
      staticSummary: `Order ${orderId} for checkout ${checkoutId}, received before the checkout`,
      // Applies only when this call starts the early-order workflow: a checkout posted right after
      // must read as ordered before that workflow's first task has run.
      typedSearchAttributes: [{ key: CheckoutStatusKey, value: 'ordered' }],
    };
  }
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
