// Workflow tests run the real workflow bundle and the real activities (SES client, MIME, dedupe
// ledger) on the time-skipping test server, against a real local SES endpoint.
import { randomUUID } from 'node:crypto';
import type { WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, DefaultLogger, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { type ActivityDependencies, createActivities } from '../../activities';
import type { DiscountCodeIssuer } from '../../activities/discounts/issuer';
import { createSesMailer, type Mailer } from '../../activities/ses-mailer';
import { WORKFLOW_BUNDLE_OPTIONS } from '../../apps/worker/workflow-source';
import type { CheckoutRecoveryInput, CheckoutStatus, ScheduleStepSpec } from '../../common/checkout';
import { WORKFLOW_TYPE, workflowIdFor } from '../../common/messages';
import { DEFAULT_SCHEDULE, resolveSchedule } from '../../common/schedule';
import type { CheckoutStops } from '../../storage/checkout-stops';
import type { EventStore } from '../../storage/event-store';
import { consentFrom, type PreferenceStore } from '../../storage/preferences-store';
import { type OpenedLedger, openStores } from '../../storage/send-ledger';
import { LocalInbox } from '../support/inbox';
import { testLinkSettings } from '../support/links';
import { closeAll, openAll } from '../support/open-all';
import { testDataConverter } from '../support/payload-keys';
import { installQuietRuntime, timeSkippingEnv } from '../support/temporal-env';

installQuietRuntime();

export const PUBLIC_URL = 'https://recovery.example.test';
export const FROM = 'Shop <shop@example.com>';

export class RecoveryHarness {
  private current: TestWorkflowEnvironment | undefined;
  /** Replaces the ledger's discount code issuer for the workers started from now on. */
  discountIssuer: DiscountCodeIssuer | undefined;

  private constructor(
    readonly inbox: LocalInbox,
    readonly ledger: OpenedLedger,
    /** The customer preference store the send activities read consent from (same database). */
    readonly preferences: PreferenceStore,
    /** Where the API records orders before telling the workflow; the sends' claims read it. */
    readonly stops: CheckoutStops,
    /** The analytics event stream the send activities record each outcome in (same database). */
    readonly events: EventStore,
    private readonly bundle: WorkflowBundleWithSourceMap,
  ) {}

  static async start(): Promise<RecoveryHarness> {
    const [inbox, stores, bundle] = await openAll([
      [LocalInbox.start(), (i) => i.close()],
      [openStores({ databaseUrl: undefined, inMemory: true }), (s) => s.close()],
      // Code in memory: nothing to close.
      [bundleWorkflowCode({ ...WORKFLOW_BUNDLE_OPTIONS, logger: new DefaultLogger('ERROR') }), () => undefined],
    ]);
    return new RecoveryHarness(inbox, stores.ledger, stores.preferences, stores.stops, stores.events, bundle);
  }

  /** The test server of the running `withWorker` call. */
  get env(): TestWorkflowEnvironment {
    if (!this.current) throw new Error('env is only available inside withWorker');
    return this.current;
  }

  /** The inbox is closed even when the ledger's close fails. */
  close(): Promise<void> {
    return closeAll([() => this.ledger.close(), () => this.inbox.close()]);
  }

  /** A mailer talking SES to the local inbox, or to another SES-compatible endpoint. */
  mailer(endpoint = this.inbox.url): Mailer {
    return createSesMailer({ endpoint, region: 'us-east-1' });
  }

  /**
   * Runs `fn` with a fresh time-skipping server and worker, sending through `mailer` (and `extra`
   * dependencies, e.g. the SMS channel). A server per
   * test: one clock per test, so a workflow one test leaves behind cannot stall another's timers.
   */
  async withWorker<T>(
    fn: (ctx: { taskQueue: string }) => Promise<T>,
    mailer: Mailer = this.mailer(),
    extra: Partial<ActivityDependencies> = {},
  ): Promise<T> {
    const taskQueue = `recovery-${randomUUID()}`;
    this.current = await timeSkippingEnv();
    try {
      return await this.runWorker(fn, mailer, taskQueue, extra);
    } finally {
      await this.current.teardown();
      this.current = undefined;
    }
  }

  private async runWorker<T>(
    fn: (ctx: { taskQueue: string }) => Promise<T>,
    mailer: Mailer,
    taskQueue: string,
    extra: Partial<ActivityDependencies>,
  ): Promise<T> {
    const activities = createActivities({
      mailer,
      ledger: this.ledger,
      from: FROM,
      links: testLinkSettings(PUBLIC_URL),
      consent: consentFrom(this.preferences),
      consentInLedger: true,
      discounts: this.discountIssuer ?? this.ledger.discountCodes,
      events: this.events,
      eventsInLedger: true,
      ...extra,
    });
    const worker = await Worker.create({
      connection: this.env.nativeConnection,
      taskQueue,
      workflowBundle: this.bundle,
      activities,
      dataConverter: testDataConverter(),
    });
    return worker.runUntil(fn({ taskQueue }));
  }

  /** Starts a checkout the way the API does, with a unique id and customer email. */
  async startCheckout(
    taskQueue: string,
    schedule: ScheduleStepSpec[] = DEFAULT_SCHEDULE,
    overrides: Partial<CheckoutRecoveryInput> = {},
    customerId = 'c-42',
  ): Promise<{ handle: WorkflowHandle; email: string; checkoutId: string }> {
    const checkoutId = `co-${randomUUID().slice(0, 8)}`;
    const email = `${checkoutId}@shoppers.example.com`;
    const resolved = resolveSchedule(schedule);
    if (!resolved.ok) throw new Error(JSON.stringify(resolved.errors));
    const input: CheckoutRecoveryInput = {
      checkout: {
        checkoutId,
        customer: { id: customerId, email, name: 'Ada', locale: 'de-DE', timezone: 'Europe/Berlin' },
        cart: {
          currency: 'EUR',
          total: 1234.5,
          items: [{ sku: 'SKU-1', name: 'Espresso machine', quantity: 1, unitPrice: 1234.5 }],
        },
        checkoutUrl: `https://shop.example.com/checkout/${checkoutId}`,
      },
      schedule: resolved.steps,
      ...overrides,
    };
    const handle = await this.env.client.workflow.start(WORKFLOW_TYPE, {
      taskQueue,
      workflowId: workflowIdFor(checkoutId),
      args: [input],
    });
    return { handle, email, checkoutId };
  }
}

export const result = (handle: WorkflowHandle): Promise<CheckoutStatus> => handle.result() as Promise<CheckoutStatus>;

/** Timer durations the workflow started, in ms, read from its history. */
export async function timerDurations(handle: WorkflowHandle): Promise<number[]> {
  const history = await handle.fetchHistory();
  return (history.events ?? [])
    .map((e) => e.timerStartedEventAttributes?.startToFireTimeout)
    .filter((t) => t != null)
    .map((t) => Number(t.seconds ?? 0) * 1000 + Math.round(Number(t.nanos ?? 0) / 1e6));
}
