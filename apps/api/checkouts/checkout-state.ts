import type { WorkflowExecutionInfo } from '@temporalio/client';
import { CHECKOUT_STATES, type CheckoutState } from '../../../common/checkout';
import { CheckoutStatusKey } from '../../../common/search-attributes';
import type { ApiCheckoutState } from './dto/checkout-responses';

const OPEN_STATES: readonly ApiCheckoutState[] = ['waiting', 'reminding'];

/**
 * The checkout's state as Temporal knows it without asking a worker: the CheckoutStatus search
 * attribute the workflow keeps current, or how the execution ended when the workflow had no say.
 */
export function stateOf(info: Pick<WorkflowExecutionInfo, 'status' | 'typedSearchAttributes'>): ApiCheckoutState {
  const published = info.typedSearchAttributes.get(CheckoutStatusKey);
  const known = CHECKOUT_STATES.includes(published as CheckoutState) ? (published as CheckoutState) : undefined;
  switch (info.status.name) {
    case 'RUNNING':
      return known ?? 'waiting';
    case 'CANCELLED':
      return 'cancelled';
    case 'COMPLETED':
      return known ?? 'expired';
    case 'TIMED_OUT':
      return 'timed_out';
    case 'FAILED':
      return 'failed';
    default:
      return 'terminated';
  }
}

/** Ordered, expired or cancelled: nothing more will be sent, even while the workflow finishes up. */
export function isFinished(state: ApiCheckoutState): boolean {
  return !OPEN_STATES.includes(state);
}

/** `checkout-co-1` → `co-1`: the inverse of workflowIdFor, for ids read back from Temporal. */
export function checkoutIdOf(workflowId: string): string {
  return workflowId.startsWith('checkout-') ? workflowId.slice('checkout-'.length) : workflowId;
}
