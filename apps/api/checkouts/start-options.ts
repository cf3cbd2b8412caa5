// The start request of a checkout's workflow, as the API issues it (the benchmarks reuse it).
import type { WorkflowStartOptions } from '@temporalio/client';
import type { CheckoutRecoveryInput } from '../../../common/checkout';
import { workflowIdFor } from '../../../common/messages';
import { firstReminderDelayMs } from '../../../common/recovery-plan';
import { CartTotalKey, CustomerIdKey } from '../../../common/search-attributes';
import { detailsFor, summaryFor } from './workflow-summary';

// Below a second a delay saves nothing worth the special case.
const MIN_START_DELAY_MS = 1_000;

export function recoveryStartOptions(
  taskQueue: string,
  input: CheckoutRecoveryInput,
  now = Date.now(),
): WorkflowStartOptions {
  const { checkout } = input;
  const delayMs = firstReminderDelayMs(input, now);
  return {
    taskQueue,
    workflowId: workflowIdFor(checkout.checkoutId),
    args: [input],
    // An existing one (running, or an order that came first) answers "already started": that is how
    // the start tells "created" from "already there", without a second call (the server dedupes the
    // SDK's own retries of one request by its request id).
    workflowIdConflictPolicy: 'FAIL',
    // A closed checkout (ordered, even by an order that came first) must never be restarted.
    workflowIdReusePolicy: 'REJECT_DUPLICATE',
    // The first wait is the start delay: no timer, one Action less. Orders (signal-with-start) and
    // updates end it early; activity signals are kept and read when the workflow first runs.
    ...(delayMs >= MIN_START_DELAY_MS && { startDelay: delayMs }),
    // Set here, they cost nothing; the workflow upserts none later (each upsert is an Action).
    typedSearchAttributes: [
      { key: CustomerIdKey, value: checkout.customer.id },
      { key: CartTotalKey, value: checkout.cart.total },
    ],
    staticSummary: summaryFor(input),
    staticDetails: detailsFor(input),
  };
}
