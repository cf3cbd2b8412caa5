Object.defineProperty(exports, '__esModule', { value: true });
exports.earlyOrder = earlyOrder;
exports.legacyEarlyOrder = legacyEarlyOrder;
// An order that arrived before its checkout: a workflow of the checkout's own id that remembers
// the order, so the checkout, when it comes, finds it closed as ordered and sends nothing.
const workflow_1 = require('@temporalio/workflow');
const messages_1 = require('../common/messages');
const search_attributes_1 = require('../common/search-attributes');
const patches_1 = require('./patches');
async function earlyOrder(input) {
  return awaitOrder(input);
}
/**
 * checkoutRecovery's early-order branch, kept for the histories recorded before early orders had a
 * workflow type of their own. Those started before lean-actions set the status search attribute here.
 */
async function legacyEarlyOrder(input) {
  const status = await awaitOrder(input);
  if (!(0, workflow_1.patched)(patches_1.PATCHES.leanActions))
    (0, workflow_1.upsertSearchAttributes)([{ key: search_attributes_1.CheckoutStatusKey, value: 'ordered' }]);
  return status;
}
async function awaitOrder(input) {
  const iso = (ms) => new Date(ms).toISOString();
  const startedAt = Date.now();
  let order = null;
  const record = (orderId, total) =>
    (order ??= { orderId, total, receivedAt: iso(Date.now()), afterStep: 0, beforeCheckout: true });
  (0, workflow_1.setHandler)(messages_1.orderedSignal, ({ orderId, total }) => {
    record(orderId, total);
  });
  // Nothing to wait for here: this checkout never sent anything.
  (0, workflow_1.setHandler)(messages_1.orderUpdate, ({ orderId, total }) => ({
    confirmed: true,
    orderId: record(orderId, total).orderId,
    state: 'ordered',
    remindersSent: 0,
  }));
  const status = () => ({
    checkoutId: input.earlyOrder.checkoutId,
    customerId: '',
    state: order ? 'ordered' : 'waiting',
    startedAt: iso(startedAt),
    lastActivityAt: iso(startedAt),
    nextDueAt: null,
    remindersSent: 0,
    reminders: [],
    upcoming: [],
    order,
  });
  (0, workflow_1.setHandler)(messages_1.statusQuery, status);
  await (0, workflow_1.condition)(() => order !== null);
  return status();
}
//# sourceMappingURL=early-order.js.map
