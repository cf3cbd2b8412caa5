import type { WorkflowExecutionInfo } from '@temporalio/client';
import { CHECKOUT_STATES, type CheckoutState } from '../../../common/checkout';
import { CheckoutStatusKey } from '../../../common/search-attributes';
import type { ApiCheckoutState } from './dto/checkout-responses';

const OPEN_STATES: readonly ApiCheckoutState[] = ['waiting', 'reminding'];

type ExecutionInfo = Pick<WorkflowExecutionInfo, 'status' | 'typedSearchAttributes'>;

/**
 * The CheckoutStatus search attribute, where one was set: by the API for an order that came
 * first, and by workflows started before the lean-actions version, which kept it current.
 */
export function publishedState(info: ExecutionInfo): CheckoutState | undefined {
  const published = info.typedSearchAttributes.get(CheckoutStatusKey);
  return CHECKOUT_STATES.includes(published as CheckoutState) ? (published as CheckoutState) : undefined;
}

/**
 * The checkout's state as the execution tells it without a worker. A running workflow reads as
 * `waiting` unless it published more; a completed one without a published state needs its result
 * (see CheckoutReader.stateOf), `expired` is only the fallback.
 */
export function stateOf(info: ExecutionInfo): ApiCheckoutState {
  const known = publishedState(info);
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
