Object.defineProperty(exports, '__esModule', { value: true });
exports.pause = exports.Stack = void 0;
const activities_1 = require('../../activities');
const ses_mailer_1 = require('../../activities/ses-mailer');
const create_worker_1 = require('../../apps/worker/create-worker');
const preferences_store_1 = require('../../storage/preferences-store');
const send_ledger_1 = require('../../storage/send-ledger');
const api_harness_1 = require('../api/support/api-harness');
const inbox_1 = require('../support/inbox');
const links_1 = require('../support/links');
const payload_keys_1 = require('../support/payload-keys');
const temporal_env_1 = require('../support/temporal-env');
(0, temporal_env_1.installQuietRuntime)();
class Stack {
  env;
  inbox;
  api;
  ledger;
  worker;
  running;
  constructor(env, inbox, api, ledger, worker, running) {
    this.env = env;
    this.inbox = inbox;
    this.api = api;
    this.ledger = ledger;
    this.worker = worker;
    this.running = running;
  }
  /** `channels`: senders beside email (SMS, web push), as the worker wires them. */
  static async start(options = {}) {
    const [env, inbox, stores] = await Promise.all([
      (0, temporal_env_1.devServerEnv)(),
      inbox_1.LocalInbox.start(),
      (0, send_ledger_1.openStores)({ databaseUrl: undefined, inMemory: true }),
    ]);
    const ledger = stores.ledger;
    // One database for both, as `npm start` runs them: the API stores preferences the worker reads.
    // PUSH_ALLOW_LOOPBACK: the local push service's subscriptions point at 127.0.0.1 over http.
    const api = await (0, api_harness_1.startApi)(
      env.client,
      { PUBLIC_API_URL: 'http://127.0.0.1:1', PUSH_ALLOW_LOOPBACK: 'on' },
      stores,
    );
    const worker = await (0, create_worker_1.createRecoveryWorker)({
      connection: env.nativeConnection,
      namespace: 'default',
      taskQueue: api.config.temporal.taskQueue,
      dataConverter: (0, payload_keys_1.testDataConverter)(),
      activities: (0, activities_1.createActivities)({
        mailer: (0, ses_mailer_1.createSesMailer)({ endpoint: inbox.url, region: 'us-east-1' }),
        ledger,
        from: 'Shop <shop@example.com>',
        links: (0, links_1.testLinkSettings)(api.url),
        consent: (0, preferences_store_1.consentFrom)(stores.preferences),
        consentInLedger: true,
        ...(options.channels && { channels: options.channels }),
        discounts: stores.ledger.discountCodes,
        events: stores.events,
      }),
    });
    const running = worker.run();
    return new Stack(env, inbox, api, ledger, worker, running);
  }
  async close() {
    await this.api.close();
    this.worker.shutdown();
    await this.running;
    await this.ledger.close();
    await this.env.teardown();
    await this.inbox.close();
  }
  request(method, path, body) {
    return (0, api_harness_1.call)(`${this.api.url}${path}`, method, body);
  }
  /** Polls GET /checkouts/:id until `done` holds (reminders are seconds apart in these tests). */
  async waitForStatus(checkoutId, done, timeoutMs = 20_000) {
    const deadline = Date.now() + timeoutMs;
    let last;
    while (Date.now() < deadline) {
      const res = await this.request('GET', `/checkouts/${checkoutId}`);
      last = res.body;
      if (res.status === 200 && done(res.body)) return res.body;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`checkout ${checkoutId} did not reach the expected status; last: ${JSON.stringify(last)}`);
  }
}
exports.Stack = Stack;
const pause = (ms) => new Promise((r) => setTimeout(r, ms));
exports.pause = pause;
//# sourceMappingURL=stack.js.map
