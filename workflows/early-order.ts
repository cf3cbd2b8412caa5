// An order that arrived before its checkout: a workflow of the checkout's own id that remembers
// the order, so the checkout, when it comes, finds it closed as ordered and sends nothing.
import { condition, patched, setHandler, upsertSearchAttributes } from '@temporalio/workflow';
import type { CheckoutStatus, EarlyOrderInput, OrderRecord } from '../common/checkout';
import { orderedSignal, orderUpdate, statusQuery } from '../common/messages';
import { CheckoutStatusKey } from '../common/search-attributes';
import { PATCHES } from './patches';

export async function earlyOrder(input: EarlyOrderInput): Promise<CheckoutStatus> {
  return awaitOrder(input);
}

/**
 * checkoutRecovery's early-order branch, kept for the histories recorded before early orders had a
 * workflow type of their own. Those started before lean-actions set the status search attribute here.
 */
export async function legacyEarlyOrder(input: EarlyOrderInput): Promise<CheckoutStatus> {
  const status = await awaitOrder(input);
  if (!patched(PATCHES.leanActions)) upsertSearchAttributes([{ key: CheckoutStatusKey, value: 'ordered' }]);
  return status;
}

async function awaitOrder(input: EarlyOrderInput): Promise<CheckoutStatus> {
  const iso = (ms: number) => new Date(ms).toISOString();
  const startedAt = Date.now();
  let order: OrderRecord | null = null;
  const record = (orderId: string, total: number | undefined): OrderRecord =>
    (order ??= { orderId, total, receivedAt: iso(Date.now()), afterStep: 0, beforeCheckout: true });
  setHandler(orderedSignal, ({ orderId, total }) => {
    record(orderId, total);
  });
  // Nothing to wait for here: this checkout never sent anything.
  setHandler(orderUpdate, ({ orderId, total }) => ({
    confirmed: true,
    orderId: record(orderId, total).orderId,
    state: 'ordered',
    remindersSent: 0,
  }));
  const status = (): CheckoutStatus => ({
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
  setHandler(statusQuery, status);
  await condition(() => order !== null);
  return status();
}
