import { Inject, Injectable, Logger, ServiceUnavailableException } from '@nestjs/common';
import { Client } from '@temporalio/client';
import type { AppConfig } from '../../../config/env';
import type { CheckoutStops } from '../../../storage/checkout-stops';
import { recordOrderOnCheckout } from '../../shared/order-recording';
import { EventRecorder } from '../analytics/event-recorder';
import { closedRecord, type IncomingOrder, orderRecord } from '../analytics/incoming-events';
import { APP_CONFIG } from '../app-config.token';
import { CHECKOUT_STOPS } from '../checkouts/checkout-stops.token';
import { CheckoutsService } from '../checkouts/checkouts.service';
import { ApiMetrics } from '../metrics/api-metrics';
import type { OrderAcceptedResponse } from './order-responses';

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
    const taken = await recordOrderOnCheckout(
      {
        client: this.client,
        stops: this.stops,
        taskQueue: this.config.temporal.taskQueue,
        ackTimeoutMs: this.config.orderAckTimeoutMs,
        logger: this.logger,
      },
      checkoutId,
      orderId,
      total,
    );
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
}
