import { Injectable } from '@nestjs/common';
import { Client, type WorkflowExecutionInfo } from '@temporalio/client';
import type { CheckoutStatus } from '../../../common/checkout';
import { WORKFLOW_TYPE } from '../../../common/messages';
import { CartTotalKey, CustomerIdKey, RemindersSentKey } from '../../../common/search-attributes';
import { CheckoutReader } from '../checkouts/checkout-reader';
import { checkoutIdOf, stateOf } from '../checkouts/checkout-state';
import type { CustomerCheckoutResponse } from './customer-checkouts';

// A customer has a handful of checkouts; the cap bounds one request against a runaway integration.
// Visibility stores cannot all sort by start time, so the newest-first order is applied here.
export const MAX_LISTED_CHECKOUTS = 500;

function toResponse(info: WorkflowExecutionInfo, status: CheckoutStatus | undefined): CustomerCheckoutResponse {
  return {
    checkoutId: checkoutIdOf(info.workflowId),
    workflowId: info.workflowId,
    status: status?.state ?? stateOf(info),
    cartTotal: info.typedSearchAttributes.get(CartTotalKey) ?? null,
    remindersSent: status?.remindersSent ?? info.typedSearchAttributes.get(RemindersSentKey) ?? 0,
    startedAt: info.startTime.toISOString(),
    closedAt: info.closeTime?.toISOString() ?? null,
  };
}

@Injectable()
export class CustomerCheckoutsService {
  private readonly reader: CheckoutReader;

  constructor(private readonly client: Client) {
    this.reader = new CheckoutReader(client);
  }

  /** `customerId` matched ID_PATTERN (no quotes), so it cannot break out of the visibility query. */
  async list(customerId: string): Promise<CustomerCheckoutResponse[]> {
    const query = `WorkflowType = "${WORKFLOW_TYPE}" AND ${CustomerIdKey.name} = "${customerId}"`;
    const found: WorkflowExecutionInfo[] = [];
    for await (const info of this.client.workflow.list({ query })) {
      found.push(info);
      if (found.length >= MAX_LISTED_CHECKOUTS) break;
    }
    found.sort((a, b) => b.startTime.getTime() - a.startTime.getTime());
    // Each checkout's own status (result, delayed start or query); without a worker, what the
    // execution alone tells.
    const statuses = await Promise.all(
      found.map((info) => this.reader.status(checkoutIdOf(info.workflowId), info).catch(() => undefined)),
    );
    return found.map((info, i) => toResponse(info, statuses[i]));
  }
}
