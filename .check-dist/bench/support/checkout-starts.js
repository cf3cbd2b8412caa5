Object.defineProperty(exports, '__esModule', { value: true });
exports.runId = void 0;
exports.checkoutBody = checkoutBody;
exports.recoveryInput = recoveryInput;
exports.startOptions = startOptions;
exports.startCheckout = startCheckout;
exports.inParallel = inParallel;
// Checkout inputs and the start request exactly as the API issues it (apps/api/checkouts/
// start-options.ts, minus the API's describe()), for the bench's bulk starts and the
// raw-client baseline.
const node_crypto_1 = require('node:crypto');
const start_options_1 = require('../../apps/api/checkouts/start-options');
const messages_1 = require('../../common/messages');
const schedule_1 = require('../../common/schedule');
/** The POST /checkouts body the API's own tests use (test/api/support/api-harness.ts). */
function checkoutBody(checkoutId, email = `${checkoutId}@shoppers.example.com`) {
  return {
    checkoutId,
    customer: { id: 'c-42', email, name: 'Ada', locale: 'de-DE', timezone: 'Europe/Berlin' },
    cart: {
      currency: 'EUR',
      total: 59.9,
      items: [{ sku: 'SKU-1', name: 'Blue mug', quantity: 2, unitPrice: 29.95 }],
    },
    checkoutUrl: `https://shop.example.com/checkout/${checkoutId}`,
  };
}
/** The workflow input the API builds from that body (apps/api/checkouts/recovery-input.ts). */
function recoveryInput(checkoutId, options = {}) {
  const resolved = (0, schedule_1.resolveSchedule)(options.schedule ?? schedule_1.DEFAULT_SCHEDULE);
  if (!resolved.ok) throw new Error(`bad bench schedule: ${JSON.stringify(resolved.errors)}`);
  return {
    checkout: checkoutBody(checkoutId, options.email),
    schedule: resolved.steps,
    ...(options.lastActivityAt !== undefined && { lastActivityAt: options.lastActivityAt }),
    // The API always sets it, from ORDER_CONFIRMATION (default on).
    sendOrderConfirmation: options.orderConfirmation ?? true,
  };
}
function startOptions(taskQueue, input) {
  return (0, start_options_1.recoveryStartOptions)(taskQueue, input);
}
async function startCheckout(client, taskQueue, input) {
  await client.workflow.start(messages_1.WORKFLOW_TYPE, startOptions(taskQueue, input));
}
/** Runs `task(i)` for i in [0, count) with at most `concurrency` in flight; returns elapsed ms. */
async function inParallel(count, concurrency, task) {
  const began = performance.now();
  let next = 0;
  const lane = async () => {
    while (next < count) {
      const i = next++;
      await task(i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, lane));
  return performance.now() - began;
}
const runId = () => (0, node_crypto_1.randomUUID)().slice(0, 6);
exports.runId = runId;
//# sourceMappingURL=checkout-starts.js.map
