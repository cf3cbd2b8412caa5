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
exports.CheckoutsService = void 0;
const common_1 = require('@nestjs/common');
const client_1 = require('@temporalio/client');
const messages_1 = require('../../../common/messages');
const push_subscription_1 = require('../../../common/push-subscription');
const shop_origin_1 = require('../../../common/shop-origin');
const holdout_group_1 = require('../../shared/holdout-group');
const event_recorder_1 = require('../analytics/event-recorder');
const incoming_events_1 = require('../analytics/incoming-events');
const app_config_token_1 = require('../app-config.token');
const preferences_service_1 = require('../customers/preferences.service');
const running_checkouts_1 = require('../customers/running-checkouts');
const api_metrics_1 = require('../metrics/api-metrics');
const deadline_1 = require('../temporal/deadline');
const invalid_fields_exception_1 = require('../validation/invalid-fields.exception');
const checkout_reader_1 = require('./checkout-reader');
const checkout_state_1 = require('./checkout-state');
const checkout_stops_token_1 = require('./checkout-stops.token');
const record_stop_1 = require('./record-stop');
const recovery_input_1 = require('./recovery-input');
const start_options_1 = require('./start-options');
// An update needs a workflow task round trip (validator, then handler); 10 s leaves room for a busy worker.
const RESCHEDULE_TIMEOUT_MS = 10_000;
let CheckoutsService = class CheckoutsService {
  client;
  config;
  metrics;
  preferences;
  stops;
  events;
  reader;
  logger = new common_1.Logger('Checkouts');
  constructor(client, config, metrics, preferences, stops, events) {
    this.client = client;
    this.config = config;
    this.metrics = metrics;
    this.preferences = preferences;
    this.stops = stops;
    this.events = events;
    this.reader = new checkout_reader_1.CheckoutReader(client);
  }
  async start(dto) {
    // Checked here, not in the DTO: whether the local push service is allowed is configuration.
    const endpoint = dto.customer.pushSubscription?.endpoint;
    const refused =
      endpoint && (0, push_subscription_1.pushEndpointPolicyError)(endpoint, this.config.pushEndpoints.allowLoopback);
    if (refused)
      throw new invalid_fields_exception_1.InvalidFieldsException([
        { field: 'customer.pushSubscription.endpoint', reason: refused },
      ]);
    const preferences = await this.preferences.forNewCheckout(dto.customer.id);
    return this.startRecovery((0, recovery_input_1.toRecoveryInput)(dto, { ...this.config, preferences }));
  }
  /** Starts the checkout's workflow once: a repeated start answers with the existing one, running or closed. */
  async startRecovery(given) {
    const { checkout } = given;
    // Every start, the legacy route's made-up URL too: the worker signs this URL into a redirect.
    this.requireShopUrl(checkout.checkoutUrl);
    // The group is decided once, here, and travels in the input: a later HOLDOUT_PERCENT moves no checkout.
    const { holdoutPercent: percent, holdoutSalt: salt } = this.config.analytics;
    const input = (0, holdout_group_1.inHoldout)(checkout.customer.id, { percent, salt })
      ? { ...given, holdout: true }
      : given;
    // Recorded before the start: a start the analytics cannot see is answered 503, not accepted.
    await this.events.record([(0, incoming_events_1.startedRecord)(input, new Date())]);
    const workflowId = (0, messages_1.workflowIdFor)(checkout.checkoutId);
    const startedAt = new Date();
    try {
      await this.client.workflow.start(
        messages_1.WORKFLOW_TYPE,
        (0, start_options_1.recoveryStartOptions)(this.config.temporal.taskQueue, input),
      );
    } catch (err) {
      if (!(err instanceof client_1.WorkflowExecutionAlreadyStartedError)) throw err;
      // Already there (a repeated start, or an order that came first): its state, from the server.
      this.metrics.checkoutStarted(false);
      const handle = this.client.workflow.getHandle(workflowId);
      const status = await this.reader.stateOf(handle, await handle.describe());
      return { checkoutId: checkout.checkoutId, workflowId, status, created: false };
    }
    // Created by this request: one call, and a new checkout waits (its first task decides more).
    this.metrics.checkoutStarted(true);
    if (this.config.supersede) await this.supersedeOlder(checkout.customer.id, workflowId, startedAt);
    return { checkoutId: checkout.checkoutId, workflowId, status: 'waiting', created: true };
  }
  /**
   * A newer checkout of the customer replaces their older running ones: each is signalled and stops,
   * sending nothing more. Found through visibility, which lags by up to a second or so: an older
   * checkout started that recently may be missed (its reminders then follow the frequency cap).
   */
  requireShopUrl(checkoutUrl) {
    if (!(0, shop_origin_1.isShopUrl)(checkoutUrl, this.config.api.shopOrigins))
      throw new invalid_fields_exception_1.InvalidFieldsException([
        { field: 'checkoutUrl', reason: shop_origin_1.SHOP_ORIGIN_REASON },
      ]);
  }
  async supersedeOlder(customerId, newWorkflowId, newStartTime) {
    const by = (0, checkout_state_1.checkoutIdOf)(newWorkflowId);
    for await (const older of (0, running_checkouts_1.runningCheckoutsOf)(this.client, customerId)) {
      if (older.workflowId === newWorkflowId || older.startTime >= newStartTime) continue;
      await (0, record_stop_1.recordStop)(
        this.stops,
        (0, checkout_state_1.checkoutIdOf)(older.workflowId),
        'superseded',
        this.logger,
      );
      await this.events.recordBestEffort([
        (0, incoming_events_1.closedRecord)(
          (0, checkout_state_1.checkoutIdOf)(older.workflowId),
          'superseded',
          new Date(),
        ),
      ]);
      await this.client.workflow
        .getHandle(older.workflowId)
        .signal(messages_1.supersededSignal, { by })
        .catch((err) => {
          if (!(err instanceof client_1.WorkflowNotFoundError)) throw err; // closed meanwhile: nothing to stop
        });
    }
  }
  async recordActivity(checkoutId, at) {
    const handle = this.client.workflow.getHandle((0, messages_1.workflowIdFor)(checkoutId));
    const when = at ? new Date(Date.parse(at)) : new Date();
    await this.unlessFinished(checkoutId, () =>
      handle.signal(messages_1.activitySignal, { at: at ? Date.parse(at) : undefined }),
    );
    // After the signal: an unknown or closed checkout records nothing; a failed write is a 503 to retry.
    await this.events.record([(0, incoming_events_1.activityRecord)(checkoutId, when)]);
    this.metrics.activitySignal();
    return { checkoutId, accepted: true };
  }
  async recordEvents(checkoutId, events) {
    const handle = this.client.workflow.getHandle((0, messages_1.workflowIdFor)(checkoutId));
    const plain = events.map(toCheckoutEvent);
    await this.unlessFinished(checkoutId, () => handle.signal(messages_1.checkoutEventsSignal, { events: plain }));
    // After the signal (a retried batch is deduplicated by both); a failed write is a 503 to retry.
    const facts = await this.events.available?.facts(checkoutId).catch(() => {
      throw new common_1.ServiceUnavailableException('the events could not be recorded; retry');
    });
    if (facts) await this.events.record((0, incoming_events_1.checkoutEventRecords)(checkoutId, facts, plain));
    return { checkoutId, accepted: true };
  }
  status(checkoutId) {
    return this.reader.status(checkoutId);
  }
  async reschedule(checkoutId, { schedule }) {
    const handle = this.client.workflow.getHandle((0, messages_1.workflowIdFor)(checkoutId));
    const specs = schedule.map(({ after, template, channel }) => ({ after, template, channel }));
    // A rejection by the workflow's validator (CheckoutClosed, InvalidSchedule) is mapped by type in ApiExceptionFilter.
    return this.unlessFinished(checkoutId, () =>
      (0, deadline_1.withWorkerDeadline)(
        this.client,
        RESCHEDULE_TIMEOUT_MS,
        'the reschedule',
        () => handle.executeUpdate(messages_1.rescheduleUpdate, { args: [{ schedule: specs }] }),
        // The server keeps the update for the workflow's next task, so it is not known to have failed.
        'it may still apply once a worker runs: check GET /checkouts/{id}',
      ),
    );
  }
  async cancel(checkoutId) {
    const state = await this.stopReminders(checkoutId);
    if ((0, checkout_state_1.isFinished)(state)) throw new common_1.ConflictException(`checkout is already ${state}`);
    return { checkoutId, workflowId: (0, messages_1.workflowIdFor)(checkoutId), cancelRequested: true };
  }
  /** Cancels the workflow unless it has finished; returns the state it was in. Unknown → WorkflowNotFoundError. */
  async stopReminders(checkoutId) {
    const state = await this.stateOf(checkoutId);
    // Cancelling a closed workflow is a silent no-op on the server, so the state decides.
    if (!(0, checkout_state_1.isFinished)(state)) {
      await (0, record_stop_1.recordStop)(this.stops, checkoutId, 'cancelled', this.logger);
      await this.events.record([(0, incoming_events_1.closedRecord)(checkoutId, 'cancelled', new Date())]);
      await this.client.workflow.getHandle((0, messages_1.workflowIdFor)(checkoutId)).cancel();
    }
    return state;
  }
  stateOf(checkoutId) {
    return this.reader.state(checkoutId);
  }
  /** Temporal answers "not found" for a closed workflow too; describing it tells unknown (404) from over (409). */
  async unlessFinished(checkoutId, fn) {
    try {
      return await fn();
    } catch (err) {
      if (err instanceof client_1.WorkflowNotFoundError) {
        const state = await this.stateOf(checkoutId);
        if ((0, checkout_state_1.isFinished)(state))
          throw new common_1.ConflictException(`checkout is already ${state}`);
      }
      throw err;
    }
  }
};
exports.CheckoutsService = CheckoutsService;
exports.CheckoutsService = CheckoutsService = __decorate(
  [
    (0, common_1.Injectable)(),
    __param(1, (0, common_1.Inject)(app_config_token_1.APP_CONFIG)),
    __param(4, (0, common_1.Inject)(checkout_stops_token_1.CHECKOUT_STOPS)),
    __metadata('design:paramtypes', [
      client_1.Client,
      Object,
      api_metrics_1.ApiMetrics,
      preferences_service_1.PreferencesService,
      Object,
      event_recorder_1.EventRecorder,
    ]),
  ],
  CheckoutsService,
);
/** Plain data for the history: only the fields the event carries, no DTO instances. */
function toCheckoutEvent(e) {
  const { type, at, shippingCost, paymentMethod, declineReason, couponCode, sku, address, name } = e;
  return {
    type,
    at: new Date(Date.parse(at)).toISOString(),
    ...(shippingCost != null && { shippingCost }),
    ...(paymentMethod != null && { paymentMethod }),
    ...(declineReason != null && { declineReason }),
    ...(couponCode != null && { couponCode }),
    ...(sku != null && { sku }),
    ...(address != null && {
      address: {
        ...(address.country != null && { country: address.country }),
        ...(address.postalCode != null && { postalCode: address.postalCode }),
        ...(address.city != null && { city: address.city }),
      },
    }),
    ...(name != null && { name }),
  };
}
//# sourceMappingURL=checkouts.service.js.map
