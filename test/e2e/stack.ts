// The whole stack in one test process: a real Temporal dev server, the real worker (workflow
// bundle + activities), the real NestJS app over HTTP and a real local SES endpoint.
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import { type ChannelSender, createActivities } from '../../activities';
import { createSesMailer } from '../../activities/ses-mailer';
import { createRecoveryWorker } from '../../apps/worker/create-worker';
import { customerVaultFor } from '../../checkout/customer-vault-for';
import { createOrderActivities } from '../../checkout/order-activities';
import { type PaymentProviders, paymentProvidersFor } from '../../checkout/payments/providers';
import type { CheckoutStatus } from '../../common/checkout';
import { consentFrom } from '../../storage/preferences-store';
import { type LedgerStores, type OpenedLedger, openStores } from '../../storage/send-ledger';
import { call, type JsonResponse, type RunningApi, startApi } from '../api/support/api-harness';
import { LocalInbox } from '../support/inbox';
import { testLinkSettings } from '../support/links';
import { testDataConverter } from '../support/payload-keys';
import { devServerEnv, installQuietRuntime } from '../support/temporal-env';

installQuietRuntime();

export class Stack {
  private constructor(
    readonly env: TestWorkflowEnvironment,
    readonly stores: LedgerStores,
    readonly inbox: LocalInbox,
    readonly api: RunningApi,
    private readonly ledger: OpenedLedger,
    private readonly worker: Worker,
    private readonly running: Promise<void>,
  ) {}

  /**
   * `channels`: senders beside email (SMS, web push), as the worker wires them;
   * `env`: settings for the API and the worker's order activities (e.g. the local Stripe's, or
   * HOLDOUT_PERCENT for npm run simulate);
   * `orders`: the worker also runs the order saga's activities (the vault, providers, stock).
   */
  static async start(
    options: {
      channels?: ChannelSender[];
      env?: NodeJS.ProcessEnv;
      orders?: boolean;
      /** Fault injection around the real providers (test/faults). */
      providers?: (real: PaymentProviders) => PaymentProviders;
    } = {},
  ): Promise<Stack> {
    // What has started so far, closed again (newest first) when a later step fails.
    const undo: Array<() => Promise<unknown>> = [];
    try {
      const started = <T>(promise: Promise<T>, close: (value: T) => Promise<unknown>): Promise<T> =>
        promise.then((value) => {
          undo.push(() => close(value));
          return value;
        });
      const [env, inbox, stores] = await Promise.all([
        started(devServerEnv(), (e) => e.teardown()),
        started(LocalInbox.start(), (i) => i.close()),
        started(openStores({ databaseUrl: undefined, inMemory: true }), (s) => s.close()),
      ]);
      const ledger = stores.ledger;
      // One database for both, as `npm start` runs them: the API stores preferences the worker reads.
      // PUSH_ALLOW_LOOPBACK: the local push service's subscriptions point at 127.0.0.1 over http.
      const api = await started(
        startApi(
          env.client,
          { PUBLIC_API_URL: 'http://127.0.0.1:1', PUSH_ALLOW_LOOPBACK: 'on', ...options.env },
          stores,
        ),
        (a) => a.close(),
      );
      const vault = options.orders ? customerVaultFor(api.config, stores) : null;
      const orderActivities = vault
        ? createOrderActivities({
            vault,
            providers: (options.providers ?? ((p) => p))(paymentProvidersFor(api.config.checkout)),
            inventory: stores.inventory,
            orders: stores.orders,
            stops: stores.stops,
            client: env.client,
            taskQueue: api.config.temporal.taskQueue,
            orderAckTimeoutMs: api.config.orderAckTimeoutMs,
            logger: { warn: () => {} },
            events: stores.events,
          })
        : {};
      const worker = await createRecoveryWorker({
        connection: env.nativeConnection,
        namespace: 'default',
        taskQueue: api.config.temporal.taskQueue,
        dataConverter: testDataConverter(),
        activities: {
          ...orderActivities,
          ...createActivities({
            mailer: createSesMailer({ endpoint: inbox.url, region: 'us-east-1' }),
            ledger,
            from: 'Shop <shop@example.com>',
            links: { ...testLinkSettings(api.url), checkoutPage: api.config.checkout.page },
            consent: consentFrom(stores.preferences),
            consentInLedger: true,
            ...(options.channels && { channels: options.channels }),
            discounts: stores.ledger.discountCodes,
            events: stores.events,
            eventsInLedger: true,
          }),
        },
      });
      const running = worker.run();
      return new Stack(env, stores, inbox, api, ledger, worker, running);
    } catch (err) {
      for (const step of undo.reverse()) await step().catch(() => undefined);
      throw err;
    }
  }

  /** Every part is closed even when one fails (a worker that died, say); the failures are thrown after. */
  async close(): Promise<void> {
    const steps: Array<() => Promise<unknown>> = [
      () => this.api.close(),
      async () => {
        this.worker.shutdown();
        await this.running;
      },
      () => this.ledger.close(),
      () => this.env.teardown(),
      () => this.inbox.close(),
    ];
    const errors: unknown[] = [];
    for (const step of steps) await step().catch((err: unknown) => errors.push(err));
    if (errors.length > 0) throw new AggregateError(errors, 'closing the stack');
  }

  request(method: string, path: string, body?: unknown): Promise<JsonResponse> {
    return call(`${this.api.url}${path}`, method, body);
  }

  /** Polls GET /checkouts/:id until `done` holds (reminders are seconds apart in these tests). */
  async waitForStatus(
    checkoutId: string,
    done: (s: CheckoutStatus) => boolean,
    timeoutMs = 20_000,
  ): Promise<CheckoutStatus> {
    const deadline = Date.now() + timeoutMs;
    let last: unknown;
    while (Date.now() < deadline) {
      const res = await this.request('GET', `/checkouts/${checkoutId}`);
      last = res.body;
      if (res.status === 200 && done(res.body as CheckoutStatus)) return res.body as CheckoutStatus;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`checkout ${checkoutId} did not reach the expected status; last: ${JSON.stringify(last)}`);
  }
}

export const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
