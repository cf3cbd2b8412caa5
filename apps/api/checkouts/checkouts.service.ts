import { randomUUID } from 'node:crypto';
import { BadRequestException, ConflictException, Inject, Injectable } from '@nestjs/common';
import {
  Client,
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
} from '@temporalio/client';
import type { CheckoutRecoveryInput, CheckoutStatus } from '../../../common/checkout';
import { activitySignal, rescheduleUpdate, statusQuery, WORKFLOW_TYPE, workflowIdFor } from '../../../common/messages';
import { CartTotalKey, CheckoutStatusKey, CustomerIdKey, RemindersSentKey } from '../../../common/search-attributes';
import type { AppConfig } from '../../../config/env';
import { APP_CONFIG } from '../app-config.token';
import { ApiMetrics } from '../metrics/api-metrics';
import { withWorkerDeadline } from '../temporal/deadline';
import { isFinished, stateOf } from './checkout-state';
import type {
  ActivityAcceptedResponse,
  ApiCheckoutState,
  CancelAcceptedResponse,
  CheckoutAcceptedResponse,
} from './dto/checkout-responses';
import type { CreateCheckoutDto } from './dto/create-checkout.dto';
import type { RescheduleDto } from './dto/reschedule.dto';
import { toRecoveryInput } from './recovery-input';
import { detailsFor, summaryFor } from './workflow-summary';

// A polling worker answers a query in milliseconds; after 5 s none is serving the task queue.
const STATUS_QUERY_TIMEOUT_MS = 5_000;
// An update needs a workflow task round trip (validator, then handler); 10 s leaves room for a busy worker.
const RESCHEDULE_TIMEOUT_MS = 10_000;
/** Memo key of a token only the creating request knows: how a start tells "created" from "already there". */
const START_TOKEN_MEMO = 'apiStartToken';
/** The workflow's update validator rejects a closed checkout with this message. */
const ALREADY_CLOSED = /^checkout is already (\w+)/;

@Injectable()
export class CheckoutsService {
  constructor(
    private readonly client: Client,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly metrics: ApiMetrics,
  ) {}

  start(dto: CreateCheckoutDto): Promise<CheckoutAcceptedResponse> {
    return this.startRecovery(toRecoveryInput(dto, this.config.schedule));
  }

  /** Starts the checkout's workflow once: a repeated start answers with the existing one, running or closed. */
  async startRecovery(input: CheckoutRecoveryInput): Promise<CheckoutAcceptedResponse> {
    const { checkout } = input;
    const workflowId = workflowIdFor(checkout.checkoutId);
    const startToken = randomUUID();
    try {
      await this.client.workflow.start(WORKFLOW_TYPE, {
        taskQueue: this.config.temporal.taskQueue,
        workflowId,
        args: [input],
        workflowIdConflictPolicy: 'USE_EXISTING',
        // A closed checkout (ordered, even by an order that came first) must never be restarted.
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
        memo: { [START_TOKEN_MEMO]: startToken },
        typedSearchAttributes: [
          { key: CustomerIdKey, value: checkout.customer.id },
          { key: CheckoutStatusKey, value: 'waiting' },
          { key: CartTotalKey, value: checkout.cart.total },
          { key: RemindersSentKey, value: 0 },
        ],
        staticSummary: summaryFor(input),
        staticDetails: detailsFor(input),
      });
    } catch (err) {
      if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
    }
    const description = await this.client.workflow.getHandle(workflowId).describe();
    const created = description.memo?.[START_TOKEN_MEMO] === startToken;
    this.metrics.checkoutStarted(created);
    return { checkoutId: checkout.checkoutId, workflowId, status: stateOf(description), created };
  }

  async recordActivity(checkoutId: string, at: string | undefined): Promise<ActivityAcceptedResponse> {
    const handle = this.client.workflow.getHandle(workflowIdFor(checkoutId));
    await this.unlessFinished(checkoutId, () => handle.signal(activitySignal, { at: at ? Date.parse(at) : undefined }));
    this.metrics.activitySignal();
    return { checkoutId, accepted: true };
  }

  status(checkoutId: string): Promise<CheckoutStatus> {
    const handle = this.client.workflow.getHandle(workflowIdFor(checkoutId));
    return withWorkerDeadline(this.client, STATUS_QUERY_TIMEOUT_MS, 'the status query', () =>
      handle.query(statusQuery),
    );
  }

  async reschedule(checkoutId: string, { schedule }: RescheduleDto): Promise<CheckoutStatus> {
    const handle = this.client.workflow.getHandle(workflowIdFor(checkoutId));
    const specs = schedule.map(({ after, template, channel }) => ({ after, template, channel }));
    try {
      return await this.unlessFinished(checkoutId, () =>
        withWorkerDeadline(
          this.client,
          RESCHEDULE_TIMEOUT_MS,
          'the reschedule',
          () => handle.executeUpdate(rescheduleUpdate, { args: [{ schedule: specs }] }),
          // The server keeps the update for the workflow's next task, so it is not known to have failed.
          'it may still apply once a worker runs: check GET /checkouts/{id}',
        ),
      );
    } catch (err) {
      // The workflow's validator rejected it; its reason (an ApplicationFailure) is the cause.
      if (err instanceof WorkflowUpdateFailedError) {
        const reason = err.cause?.message ?? err.message;
        throw ALREADY_CLOSED.test(reason) ? new ConflictException(reason) : new BadRequestException(reason);
      }
      throw err;
    }
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
    if (!isFinished(state)) await this.client.workflow.getHandle(workflowIdFor(checkoutId)).cancel();
    return state;
  }

  async stateOf(checkoutId: string): Promise<ApiCheckoutState> {
    return stateOf(await this.client.workflow.getHandle(workflowIdFor(checkoutId)).describe());
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
