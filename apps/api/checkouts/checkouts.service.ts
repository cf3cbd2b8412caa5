import { ConflictException, Inject, Injectable, Logger, ServiceUnavailableException } from '@nestjs/common';
import { Client, WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError } from '@temporalio/client';
import type { CheckoutRecoveryInput, CheckoutStatus } from '../../../common/checkout';
import type { CheckoutEvent } from '../../../common/checkout-events';
import { type CustomerPreferences, preferencesOf } from '../../../common/customer-preferences';
import {
  activitySignal,
  checkoutEventsSignal,
  rescheduleUpdate,
  supersededSignal,
  WORKFLOW_TYPE,
  workflowIdFor,
} from '../../../common/messages';
import { pushEndpointPolicyError } from '../../../common/push-subscription';
import { isShopUrl, SHOP_ORIGIN_REASON } from '../../../common/shop-origin';
import type { AppConfig } from '../../../config/env';
import type { CheckoutStops } from '../../../storage/checkout-stops';
import { inHoldout } from '../../shared/holdout-group';
import { EventRecorder } from '../analytics/event-recorder';
import { activityRecord, checkoutEventRecords, closedRecord, startedRecord } from '../analytics/incoming-events';
import { APP_CONFIG } from '../app-config.token';
import { PreferencesService } from '../customers/preferences.service';
import { runningCheckoutsOf } from '../customers/running-checkouts';
import { ApiMetrics } from '../metrics/api-metrics';
import { withWorkerDeadline } from '../temporal/deadline';
import { InvalidFieldsException } from '../validation/invalid-fields.exception';
import { CheckoutReader } from './checkout-reader';
import { checkoutIdOf, isFinished } from './checkout-state';
import { CHECKOUT_STOPS } from './checkout-stops.token';
import type {
  ActivityAcceptedResponse,
  ApiCheckoutState,
  CancelAcceptedResponse,
  CheckoutAcceptedResponse,
} from './dto/checkout-responses';
import type { CreateCheckoutDto } from './dto/create-checkout.dto';
import type { CheckoutEventDto } from './dto/record-events.dto';
import type { RescheduleDto } from './dto/reschedule.dto';
import { recordStop } from './record-stop';
import { toRecoveryInput } from './recovery-input';
import { recoveryStartOptions } from './start-options';

// An update needs a workflow task round trip (validator, then handler); 10 s leaves room for a busy worker.
const RESCHEDULE_TIMEOUT_MS = 10_000;

@Injectable()
export class CheckoutsService {
  private readonly reader: CheckoutReader;
  private readonly logger = new Logger('Checkouts');

  constructor(
    private readonly client: Client,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly metrics: ApiMetrics,
    private readonly preferences: PreferencesService,
    @Inject(CHECKOUT_STOPS) private readonly stops: CheckoutStops | null,
    private readonly events: EventRecorder,
  ) {
    this.reader = new CheckoutReader(client);
  }

  async start(dto: CreateCheckoutDto): Promise<CheckoutAcceptedResponse> {
    // Checked here, not in the DTO: whether the local push service is allowed is configuration.
    const endpoint = dto.customer.pushSubscription?.endpoint;
    const refused = endpoint && pushEndpointPolicyError(endpoint, this.config.pushEndpoints.allowLoopback);
    if (refused) throw new InvalidFieldsException([{ field: 'customer.pushSubscription.endpoint', reason: refused }]);
    return this.startRecovery(toRecoveryInput(dto, this.config));
  }

  /** Starts the checkout's workflow once: a repeated start answers with the existing one, running or closed. */
  async startRecovery(given: CheckoutRecoveryInput): Promise<CheckoutAcceptedResponse> {
    const { checkout } = given;
    // Every start, the legacy route's made-up URL too: the worker signs this URL into a redirect.
    this.requireShopUrl(checkout.checkoutUrl);
    // The group is decided once, here, and travels in the input: a later HOLDOUT_PERCENT moves no checkout.
    const { holdoutPercent: percent, holdoutSalt: salt } = this.config.analytics;
    const grouped: CheckoutRecoveryInput = inHoldout(checkout.customer.id, { percent, salt })
      ? { ...given, holdout: true }
      : given;
    // Recorded before the start: a start the analytics cannot see is answered 503, not accepted.
    const { preferences, older } = await this.recordStart(grouped);
    const input: CheckoutRecoveryInput = preferences ? { ...grouped, preferences } : grouped;
    const workflowId = workflowIdFor(checkout.checkoutId);
    const startedAt = new Date();
    try {
      await this.client.workflow.start(WORKFLOW_TYPE, recoveryStartOptions(this.config.temporal.taskQueue, input));
    } catch (err) {
      if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
      // Already there (a repeated start, or an order that came first): its state, from the server.
      this.metrics.checkoutStarted(false);
      const handle = this.client.workflow.getHandle(workflowId);
      const status = await this.reader.stateOf(handle, await handle.describe());
      return { checkoutId: checkout.checkoutId, workflowId, status, created: false };
    }
    // Created by this request: one call, and a new checkout waits (its first task decides more).
    this.metrics.checkoutStarted(true);
    if (this.config.supersede) await this.supersedeOlder(checkout.customer.id, workflowId, startedAt, older);
    return { checkoutId: checkout.checkoutId, workflowId, status: 'waiting', created: true };
  }

  /**
   * The `started` record, and what the start needs from the database: the customer's stored
   * preferences and, read in the same statement when the stores share one, the older checkouts a
   * new one supersedes (`older` absent: looked up once the workflow exists).
   */
  private async recordStart(
    input: CheckoutRecoveryInput,
  ): Promise<{ preferences?: CustomerPreferences; older?: string[] }> {
    const started = startedRecord(input, new Date());
    const recorded = await this.events.recordStart(started, { supersede: this.config.supersede });
    if (recorded) {
      const { preferences: stored, older } = recorded;
      return { older, ...(stored && { preferences: preferencesOf(stored) }) };
    }
    // Never rejects (unreadable preferences start the checkout without them); read while the start
    // is recorded, which needs nothing they decide.
    const [preferences] = await Promise.all([
      this.preferences.forNewCheckout(input.checkout.customer.id),
      this.events.record([started]),
    ]);
    return preferences ? { preferences } : {};
  }

  private requireShopUrl(checkoutUrl: string): void {
    if (!isShopUrl(checkoutUrl, this.config.api.shopOrigins))
      throw new InvalidFieldsException([{ field: 'checkoutUrl', reason: SHOP_ORIGIN_REASON }]);
  }

  /**
   * A newer checkout of the customer replaces their older running ones: each is recorded stopped,
   * signalled, and sends nothing more. An older checkout started at the same moment may be missed
   * (visibility lags by a second or so; two concurrent statements may not see each other): its
   * reminders then follow the frequency cap.
   */
  private async supersedeOlder(
    customerId: string,
    newWorkflowId: string,
    newStartTime: Date,
    known: string[] | undefined,
  ): Promise<void> {
    const by = checkoutIdOf(newWorkflowId);
    // Read in the start's record statement; the checkout joins its customer's now that its workflow exists.
    if (known) await this.events.checkoutCreated(customerId, by);
    for (const olderId of known ?? (await this.olderCheckoutsOf(customerId, newWorkflowId, newStartTime))) {
      await recordStop(this.stops, olderId, 'superseded', this.logger);
      await this.events.recordBestEffort([closedRecord(olderId, 'superseded', new Date())]);
      await this.client.workflow
        .getHandle(workflowIdFor(olderId))
        .signal(supersededSignal, { by })
        .catch((err: unknown) => {
          if (!(err instanceof WorkflowNotFoundError)) throw err; // closed meanwhile: nothing to stop
        });
    }
  }

  /**
   * With the API's database: one statement records this checkout and answers the customer's older
   * ones that nothing has stopped (no visibility query on the start's path). Without it: visibility.
   */
  private async olderCheckoutsOf(customerId: string, newWorkflowId: string, newStartTime: Date): Promise<string[]> {
    if (this.stops) {
      try {
        return await this.stops.addAndListOlder(customerId, checkoutIdOf(newWorkflowId));
      } catch (err) {
        this.logger.warn(`customer_checkouts unavailable, superseding through visibility: ${String(err)}`);
      }
    }
    const older: string[] = [];
    for await (const info of runningCheckoutsOf(this.client, customerId)) {
      if (info.workflowId !== newWorkflowId && info.startTime < newStartTime) older.push(checkoutIdOf(info.workflowId));
    }
    return older;
  }

  async recordActivity(checkoutId: string, at: string | undefined): Promise<ActivityAcceptedResponse> {
    const handle = this.client.workflow.getHandle(workflowIdFor(checkoutId));
    const when = at ? new Date(Date.parse(at)) : new Date();
    await this.unlessFinished(checkoutId, () => handle.signal(activitySignal, { at: at ? Date.parse(at) : undefined }));
    // After the signal: an unknown or closed checkout records nothing; a failed write is a 503 to retry.
    await this.events.record([activityRecord(checkoutId, when)]);
    this.metrics.activitySignal();
    return { checkoutId, accepted: true };
  }

  async recordEvents(checkoutId: string, events: CheckoutEventDto[]): Promise<ActivityAcceptedResponse> {
    const handle = this.client.workflow.getHandle(workflowIdFor(checkoutId));
    const plain = events.map(toCheckoutEvent);
    await this.unlessFinished(checkoutId, () => handle.signal(checkoutEventsSignal, { events: plain }));
    // After the signal (a retried batch is deduplicated by both); a failed write is a 503 to retry.
    const facts = await this.events.available?.facts(checkoutId).catch(() => {
      throw new ServiceUnavailableException('the events could not be recorded; retry');
    });
    if (facts) await this.events.record(checkoutEventRecords(checkoutId, facts, plain));
    return { checkoutId, accepted: true };
  }

  status(checkoutId: string): Promise<CheckoutStatus> {
    return this.reader.status(checkoutId);
  }

  async reschedule(checkoutId: string, { schedule }: RescheduleDto): Promise<CheckoutStatus> {
    const handle = this.client.workflow.getHandle(workflowIdFor(checkoutId));
    const specs = schedule.map(({ after, template, channel }) => ({ after, template, channel }));
    // A rejection by the workflow's validator (CheckoutClosed, InvalidSchedule) is mapped by type in ApiExceptionFilter.
    return this.unlessFinished(checkoutId, () =>
      withWorkerDeadline(
        this.client,
        RESCHEDULE_TIMEOUT_MS,
        'the reschedule',
        () => handle.executeUpdate(rescheduleUpdate, { args: [{ schedule: specs }] }),
        // The server keeps the update for the workflow's next task, so it is not known to have failed.
        'it may still apply once a worker runs: check GET /checkouts/{id}',
      ),
    );
  }

  async cancel(checkoutId: string): Promise<CancelAcceptedResponse> {
    const state = await this.stopReminders(checkoutId);
    if (isFinished(state)) throw new ConflictException(`checkout is already ${state}`);
    return { checkoutId, workflowId: workflowIdFor(checkoutId), cancelRequested: true };
  }

  /** Cancels the workflow unless it has finished; returns the state it was in. Unknown → WorkflowNotFoundError. */
  async stopReminders(checkoutId: string): Promise<ApiCheckoutState> {
    const state = await this.stateOf(checkoutId);
    // Cancelling a closed workflow is a silent no-op on the server, so the state decides.
    if (!isFinished(state)) {
      await recordStop(this.stops, checkoutId, 'cancelled', this.logger);
      await this.events.record([closedRecord(checkoutId, 'cancelled', new Date())]);
      await this.client.workflow.getHandle(workflowIdFor(checkoutId)).cancel();
    }
    return state;
  }

  stateOf(checkoutId: string): Promise<ApiCheckoutState> {
    return this.reader.state(checkoutId);
  }

  /** Temporal answers "not found" for a closed workflow too; describing it tells unknown (404) from over (409). */
  private async unlessFinished<T>(checkoutId: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      if (err instanceof WorkflowNotFoundError) {
        const state = await this.stateOf(checkoutId);
        if (isFinished(state)) throw new ConflictException(`checkout is already ${state}`);
      }
      throw err;
    }
  }
}

/** Plain data for the history: only the fields the event carries, no DTO instances. */
function toCheckoutEvent(e: CheckoutEventDto): CheckoutEvent {
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
