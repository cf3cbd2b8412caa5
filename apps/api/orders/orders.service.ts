import { Inject, Injectable } from '@nestjs/common';
import { Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import type { EarlyOrderInput } from '../../../common/checkout';
import { EARLY_ORDER_WORKFLOW_TYPE, orderedSignal, workflowIdFor } from '../../../common/messages';
import { CheckoutStatusKey } from '../../../common/search-attributes';
import type { AppConfig } from '../../../config/env';
import { APP_CONFIG } from '../app-config.token';
import { CheckoutsService } from '../checkouts/checkouts.service';
import { ApiMetrics } from '../metrics/api-metrics';
import type { OrderAcceptedResponse } from './order-responses';

@Injectable()
export class OrdersService {
  constructor(
    private readonly client: Client,
    private readonly checkouts: CheckoutsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly metrics: ApiMetrics,
  ) {}

  /**
   * Signals the order to the checkout's workflow. Events arrive out of order: when the checkout is not
   * known yet, signal-with-start records the order in a workflow of its own id, so the checkout, when
   * it comes, finds it ordered. A checkout that already closed is left as it is.
   */
  async record(checkoutId: string, orderId: string, total?: number): Promise<OrderAcceptedResponse> {
    const earlyOrder: EarlyOrderInput = { earlyOrder: { checkoutId } };
    let arrivedAfterClose = false;
    try {
      await this.client.workflow.signalWithStart(EARLY_ORDER_WORKFLOW_TYPE, {
        workflowId: workflowIdFor(checkoutId),
        taskQueue: this.config.temporal.taskQueue,
        args: [earlyOrder],
        signal: orderedSignal,
        signalArgs: [{ orderId, total }],
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
        staticSummary: `Order ${orderId} for checkout ${checkoutId}, received before the checkout`,
        // Applies only when this call starts the early-order workflow: a checkout posted right after
        // must read as ordered before that workflow's first task has run.
        typedSearchAttributes: [{ key: CheckoutStatusKey, value: 'ordered' }],
      });
    } catch (err) {
      if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
      arrivedAfterClose = true;
    }
    const status = await this.checkouts.stateOf(checkoutId);
    this.metrics.orderRecorded(status);
    return {
      checkoutId,
      orderId,
      accepted: true,
      status,
      ...(arrivedAfterClose && {
        note: `the order arrived after the checkout closed as ${status}; it was not recorded on it`,
      }),
    };
  }
}
