// Checkout inputs and the start request exactly as the API issues it (apps/api/checkouts/
// start-options.ts, minus the API's describe()), for the bench's bulk starts and the
// raw-client baseline.
import { randomUUID } from 'node:crypto';
import type { Client, WorkflowStartOptions } from '@temporalio/client';
import { recoveryStartOptions } from '../../apps/api/checkouts/start-options';
import type { CheckoutRecoveryInput, RecoveryPolicy, ScheduleStepSpec } from '../../common/checkout';
import { WORKFLOW_TYPE } from '../../common/messages';
import { DEFAULT_SCHEDULE, resolveSchedule } from '../../common/schedule';

/** The POST /checkouts body the API's own tests use (test/api/support/api-harness.ts). */
export function checkoutBody(checkoutId: string, email = `${checkoutId}@shoppers.example.com`, customerId = 'c-42') {
  return {
    checkoutId,
    customer: { id: customerId, email, name: 'Ada', locale: 'de-DE', timezone: 'Europe/Berlin' },
    cart: {
      currency: 'EUR',
      total: 59.9,
      items: [{ sku: 'SKU-1', name: 'Blue mug', quantity: 2, unitPrice: 29.95 }],
    },
    checkoutUrl: `https://shop.example.com/checkout/${checkoutId}`,
  };
}

/** The workflow input the API builds from that body (apps/api/checkouts/recovery-input.ts). */
export function recoveryInput(
  checkoutId: string,
  options: {
    email?: string;
    /** Default: one customer for every checkout (a frequency cap would hold all but one back). */
    customerId?: string;
    schedule?: ScheduleStepSpec[];
    lastActivityAt?: number;
    orderConfirmation?: boolean;
    policy?: RecoveryPolicy;
  } = {},
): CheckoutRecoveryInput {
  const resolved = resolveSchedule(options.schedule ?? DEFAULT_SCHEDULE);
  if (!resolved.ok) throw new Error(`bad bench schedule: ${JSON.stringify(resolved.errors)}`);
  return {
    checkout: checkoutBody(checkoutId, options.email, options.customerId),
    schedule: resolved.steps,
    ...(options.lastActivityAt !== undefined && { lastActivityAt: options.lastActivityAt }),
    // The API always sets it, from ORDER_CONFIRMATION (default on).
    sendOrderConfirmation: options.orderConfirmation ?? true,
    ...(options.policy && { policy: options.policy }),
  };
}

export function startOptions(taskQueue: string, input: CheckoutRecoveryInput): WorkflowStartOptions {
  return recoveryStartOptions(taskQueue, input);
}

export async function startCheckout(client: Client, taskQueue: string, input: CheckoutRecoveryInput): Promise<void> {
  await client.workflow.start(WORKFLOW_TYPE, startOptions(taskQueue, input));
}

/** Runs `task(i)` for i in [0, count) with at most `concurrency` in flight; returns elapsed ms. */
export async function inParallel(
  count: number,
  concurrency: number,
  task: (i: number) => Promise<void>,
): Promise<number> {
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

export const runId = () => randomUUID().slice(0, 6);
