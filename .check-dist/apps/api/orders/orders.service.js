var __decorate =
  (this && this.__decorate) ||
  function (decorators, target, key, desc) {
    var c = arguments.length,
      r = c < 3 ? target : desc === null ? (desc = Object.getOwnPropertyDescriptor(target, key)) : desc,
      d;
    if (typeof Reflect === 'object' && typeof Reflect.decorate === 'function')
      r = Reflect.decorate(decorators, target, key, desc);
    else
      for (var i = decorators.length - 1; i >= 0; i--)
        if ((d = decorators[i])) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return (c > 3 && r && Object.defineProperty(target, key, r), r);
  };
var __metadata =
  (this && this.__metadata) ||
  ((k, v) => {
    if (typeof Reflect === 'object' && typeof Reflect.metadata === 'function') return Reflect.metadata(k, v);
  });
var __param =
  (this && this.__param) ||
  ((paramIndex, decorator) => (target, key) => {
    decorator(target, key, paramIndex);
  });
Object.defineProperty(exports, '__esModule', { value: true });
exports.OrdersService = void 0;
const common_1 = require('@nestjs/common');
const client_1 = require('@temporalio/client');
const messages_1 = require('../../../common/messages');
const search_attributes_1 = require('../../../common/search-attributes');
const event_recorder_1 = require('../analytics/event-recorder');
const incoming_events_1 = require('../analytics/incoming-events');
const app_config_token_1 = require('../app-config.token');
const checkout_stops_token_1 = require('../checkouts/checkout-stops.token');
const checkouts_service_1 = require('../checkouts/checkouts.service');
const record_stop_1 = require('../checkouts/record-stop');
const api_metrics_1 = require('../metrics/api-metrics');
let OrdersService = class OrdersService {
  client;
  checkouts;
  config;
  metrics;
  stops;
  events;
  logger = new common_1.Logger('Orders');
  constructor(client, checkouts, config, metrics, stops, events) {
    this.client = client;
    this.checkouts = checkouts;
    this.config = config;
    this.metrics = metrics;
    this.stops = stops;
    this.events = events;
  }
  /**
   * Records the order on the checkout's workflow and answers once it is safe: through the `order`
   * update, whose answer waits until no reminder send is in flight (`confirmed: true`: no provider
   * call begins after this answer). Events arrive out of order: when the checkout is not known yet,
   * update-with-start records the order in a workflow of its own id, so the checkout, when it comes,
   * finds it ordered. When no worker answers within ORDER_ACK_TIMEOUT, the durable signal records
   * the order instead (`confirmed: false`; the stop record written first then guards the sends). A
   * checkout that already closed is left as it is.
   */
  async record(checkoutId, orderId, total, discountCode) {
    // First the stop record the sends' claims read: a send claimed from now on is suppressed by
    // its own claim, whichever way the workflow then hears of the order.
    await (0, record_stop_1.recordStop)(this.stops, checkoutId, 'ordered', this.logger);
    const taken = await this.acknowledged(checkoutId, orderId, total).catch(async (err) => {
      // No worker in time, or the update refused (e.g. the checkout closed while it waited): the
      // durable signal records the order, or says the checkout had closed.
      if (
        !isNoWorkerInTime(err) &&
        !(err instanceof client_1.WorkflowUpdateFailedError) &&
        !isMultiOperationRefusal(err)
      )
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
  async recordOrder(order, closesCheckout) {
    const store = this.events.available;
    if (!store) return;
    const facts = await store.facts(order.checkoutId).catch(() => {
      throw new common_1.ServiceUnavailableException('the order could not be recorded; retry');
    });
    const now = new Date();
    await this.events.record([
      (0, incoming_events_1.orderRecord)(order, facts, now),
      ...(closesCheckout ? [(0, incoming_events_1.closedRecord)(order.checkoutId, 'ordered', now)] : []),
    ]);
  }
  /** The `order` update on the running checkout, or on a new early-order workflow of its id. */
  async acknowledged(checkoutId, orderId, total) {
    const deadline = Date.now() + this.config.orderAckTimeoutMs;
    try {
      const ack = await this.client.connection.withDeadline(deadline, () =>
        this.client.workflow.executeUpdateWithStart(messages_1.orderUpdate, {
          args: [{ orderId, total }],
          startWorkflowOperation: new client_1.WithStartWorkflowOperation(messages_1.EARLY_ORDER_WORKFLOW_TYPE, {
            ...this.earlyOrderStart(checkoutId, orderId),
            workflowIdConflictPolicy: 'USE_EXISTING',
          }),
        }),
      );
      return { ack };
    } catch (err) {
      // A closed checkout (ordered, expired…) keeps its id: it is not started again for this order.
      if (err instanceof client_1.WorkflowExecutionAlreadyStartedError) {
        return { ack: undefined, arrivedAfterClose: true };
      }
      throw err;
    }
  }
  /** The order as a signal (signal-with-start when the checkout is not known yet): durable, unacknowledged. */
  async signalled(checkoutId, orderId, total) {
    try {
      await this.client.workflow.signalWithStart(messages_1.EARLY_ORDER_WORKFLOW_TYPE, {
        ...this.earlyOrderStart(checkoutId, orderId),
        signal: messages_1.orderedSignal,
        signalArgs: [{ orderId, total }],
      });
      return { ack: undefined, arrivedAfterClose: false };
    } catch (err) {
      if (!(err instanceof client_1.WorkflowExecutionAlreadyStartedError)) throw err;
      return { ack: undefined, arrivedAfterClose: true };
    }
  }
  earlyOrderStart(checkoutId, orderId) {
    const earlyOrder = { earlyOrder: { checkoutId } };
    return {
      workflowId: (0, messages_1.workflowIdFor)(checkoutId),
      taskQueue: this.config.temporal.taskQueue,
      args: [earlyOrder],
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
      staticSummary: `Order ${orderId} for checkout ${checkoutId}, received before the checkout`,
      // Applies only when this call starts the early-order workflow: a checkout posted right after
      // must read as ordered before that workflow's first task has run.
      typedSearchAttributes: [{ key: search_attributes_1.CheckoutStatusKey, value: 'ordered' }],
    };
  }
};
exports.OrdersService = OrdersService;
exports.OrdersService = OrdersService = __decorate(
  [
    (0, common_1.Injectable)(),
    __param(2, (0, common_1.Inject)(app_config_token_1.APP_CONFIG)),
    __param(4, (0, common_1.Inject)(checkout_stops_token_1.CHECKOUT_STOPS)),
    __metadata('design:paramtypes', [
      client_1.Client,
      checkouts_service_1.CheckoutsService,
      Object,
      api_metrics_1.ApiMetrics,
      Object,
      event_recorder_1.EventRecorder,
    ]),
  ],
  OrdersService,
);
const GRPC_FAILED_PRECONDITION = 9;
/**
 * The server refused the update-with-start as a whole ("Update-with-Start could not be executed",
 * FAILED_PRECONDITION), seen when the checkout closed between the two operations under load: the
 * durable signal then records the order or says the checkout had closed.
 */
function isMultiOperationRefusal(err) {
  return err?.code === GRPC_FAILED_PRECONDITION;
}
function isNoWorkerInTime(err) {
  return (0, client_1.isGrpcDeadlineError)(err) || err instanceof client_1.WorkflowUpdateRPCTimeoutOrCancelledError;
}
//# sourceMappingURL=orders.service.js.map
