Object.defineProperty(exports, '__esModule', { value: true });
exports.result = exports.RecoveryHarness = exports.FROM = exports.PUBLIC_URL = void 0;
exports.timerDurations = timerDurations;
// Workflow tests run the real workflow bundle and the real activities (SES client, MIME, dedupe
// ledger) on the time-skipping test server, against a real local SES endpoint.
const node_crypto_1 = require('node:crypto');
const worker_1 = require('@temporalio/worker');
const activities_1 = require('../../activities');
const ses_mailer_1 = require('../../activities/ses-mailer');
const workflow_source_1 = require('../../apps/worker/workflow-source');
const messages_1 = require('../../common/messages');
const schedule_1 = require('../../common/schedule');
const preferences_store_1 = require('../../storage/preferences-store');
const send_ledger_1 = require('../../storage/send-ledger');
const inbox_1 = require('../support/inbox');
const links_1 = require('../support/links');
const payload_keys_1 = require('../support/payload-keys');
const temporal_env_1 = require('../support/temporal-env');
(0, temporal_env_1.installQuietRuntime)();
exports.PUBLIC_URL = 'https://recovery.example.test';
exports.FROM = 'Shop <shop@example.com>';
class RecoveryHarness {
  inbox;
  ledger;
  preferences;
  stops;
  events;
  bundle;
  current;
  /** Replaces the ledger's discount code issuer for the workers started from now on. */
  discountIssuer;
  constructor(
    inbox,
    ledger,
    /** The customer preference store the send activities read consent from (same database). */
    preferences,
    /** Where the API records orders before telling the workflow; the sends' claims read it. */
    stops,
    /** The analytics event stream the send activities record each outcome in (same database). */
    events,
    bundle,
  ) {
    this.inbox = inbox;
    this.ledger = ledger;
    this.preferences = preferences;
    this.stops = stops;
    this.events = events;
    this.bundle = bundle;
  }
  static async start() {
    const [inbox, stores, bundle] = await Promise.all([
      inbox_1.LocalInbox.start(),
      (0, send_ledger_1.openStores)({ databaseUrl: undefined, inMemory: true }),
      (0, worker_1.bundleWorkflowCode)({
        ...workflow_source_1.WORKFLOW_BUNDLE_OPTIONS,
        logger: new worker_1.DefaultLogger('ERROR'),
      }),
    ]);
    return new RecoveryHarness(inbox, stores.ledger, stores.preferences, stores.stops, stores.events, bundle);
  }
  /** The test server of the running `withWorker` call. */
  get env() {
    if (!this.current) throw new Error('env is only available inside withWorker');
    return this.current;
  }
  async close() {
    await this.ledger.close();
    await this.inbox.close();
  }
  /** A mailer talking SES to the local inbox, or to another SES-compatible endpoint. */
  mailer(endpoint = this.inbox.url) {
    return (0, ses_mailer_1.createSesMailer)({ endpoint, region: 'us-east-1' });
  }
  /**
   * Runs `fn` with a fresh time-skipping server and worker, sending through `mailer` (and `extra`
   * dependencies, e.g. the SMS channel). A server per
   * test: one clock per test, so a workflow one test leaves behind cannot stall another's timers.
   */
  async withWorker(fn, mailer = this.mailer(), extra = {}) {
    const taskQueue = `recovery-${(0, node_crypto_1.randomUUID)()}`;
    this.current = await (0, temporal_env_1.timeSkippingEnv)();
    try {
      return await this.runWorker(fn, mailer, taskQueue, extra);
    } finally {
      await this.current.teardown();
      this.current = undefined;
    }
  }
  async runWorker(fn, mailer, taskQueue, extra) {
    const activities = (0, activities_1.createActivities)({
      mailer,
      ledger: this.ledger,
      from: exports.FROM,
      links: (0, links_1.testLinkSettings)(exports.PUBLIC_URL),
      consent: (0, preferences_store_1.consentFrom)(this.preferences),
      consentInLedger: true,
      discounts: this.discountIssuer ?? this.ledger.discountCodes,
      events: this.events,
      ...extra,
    });
    const worker = await worker_1.Worker.create({
      connection: this.env.nativeConnection,
      taskQueue,
      workflowBundle: this.bundle,
      activities,
      dataConverter: (0, payload_keys_1.testDataConverter)(),
    });
    return worker.runUntil(fn({ taskQueue }));
  }
  /** Starts a checkout the way the API does, with a unique id and customer email. */
  async startCheckout(taskQueue, schedule = schedule_1.DEFAULT_SCHEDULE, overrides = {}, customerId = 'c-42') {
    const checkoutId = `co-${(0, node_crypto_1.randomUUID)().slice(0, 8)}`;
    const email = `${checkoutId}@shoppers.example.com`;
    const resolved = (0, schedule_1.resolveSchedule)(schedule);
    if (!resolved.ok) throw new Error(JSON.stringify(resolved.errors));
    const input = {
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
    const handle = await this.env.client.workflow.start(messages_1.WORKFLOW_TYPE, {
      taskQueue,
      workflowId: (0, messages_1.workflowIdFor)(checkoutId),
      args: [input],
    });
    return { handle, email, checkoutId };
  }
}
exports.RecoveryHarness = RecoveryHarness;
const result = (handle) => handle.result();
exports.result = result;
/** Timer durations the workflow started, in ms, read from its history. */
async function timerDurations(handle) {
  const history = await handle.fetchHistory();
  return (history.events ?? [])
    .map((e) => e.timerStartedEventAttributes?.startToFireTimeout)
    .filter((t) => t != null)
    .map((t) => Number(t.seconds ?? 0) * 1000 + Math.round(Number(t.nanos ?? 0) / 1e6));
}
//# sourceMappingURL=recovery-harness.js.map
