import { Injectable } from '@nestjs/common';
import { Client, type WorkflowExecutionInfo } from '@temporalio/client';
import { WORKFLOW_TYPE } from '../../../common/messages';
import { CartTotalKey, CustomerIdKey, RemindersSentKey } from '../../../common/search-attributes';
import { checkoutIdOf, stateOf } from '../checkouts/checkout-state';
import type { CustomerCheckoutResponse } from './customer-checkouts';

// A customer has a handful of checkouts; the cap bounds one request against a runaway integration.
// Visibility stores cannot all sort by start time, so the newest-first order is applied here.
export const MAX_LISTED_CHECKOUTS = 500;

function toResponse(info: WorkflowExecutionInfo): CustomerCheckoutResponse {
  return {
    checkoutId: checkoutIdOf(info.workflowId),
    workflowId: info.workflowId,
    status: stateOf(info),
    cartTotal: info.typedSearchAttributes.get(CartTotalKey) ?? null,
    remindersSent: info.typedSearchAttributes.get(RemindersSentKey) ?? 0,
    startedAt: info.startTime.toISOString(),
    closedAt: info.closeTime?.toISOString() ?? null,
  };
}

@Injectable()
export class CustomerCheckoutsService {
  constructor(private readonly client: Client) {}

  /** `customerId` matched ID_PATTERN (no quotes), so it cannot break out of the visibility query. */
  async list(customerId: string): Promise<CustomerCheckoutResponse[]> {
    const query = `WorkflowType = "${WORKFLOW_TYPE}" AND ${CustomerIdKey.name} = "${customerId}"`;
    const found: WorkflowExecutionInfo[] = [];
    for await (const info of this.client.workflow.list({ query })) {
      found.push(info);
      if (found.length >= MAX_LISTED_CHECKOUTS) break;
    }
    found.sort((a, b) => b.startTime.getTime() - a.startTime.getTime());
    return found.map(toResponse);
  }
}
