var __decorate =
  (this && this.__decorate) ||
  function (decorators, target, key, desc) {
    var c = arguments.length,
      r = c < 3 ? target : desc === null ? (desc = Object.getOwnPropertyDescriptor(target, key)) : desc,
      d;
    if (typeof Reflect === 'object' && typeof Reflect.decorate === 'function')
      r = Reflect.decorate(decorators, target, key, desc);
    else
      for (var i = decorators.length - 1; i >= 0; i--)
        if ((d = decorators[i])) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return (c > 3 && r && Object.defineProperty(target, key, r), r);
  };
var __metadata =
  (this && this.__metadata) ||
  ((k, v) => {
    if (typeof Reflect === 'object' && typeof Reflect.metadata === 'function') return Reflect.metadata(k, v);
  });
Object.defineProperty(exports, '__esModule', { value: true });
exports.CustomerCheckoutsService = exports.MAX_LISTED_CHECKOUTS = void 0;
const common_1 = require('@nestjs/common');
const client_1 = require('@temporalio/client');
const messages_1 = require('../../../common/messages');
const search_attributes_1 = require('../../../common/search-attributes');
const checkout_reader_1 = require('../checkouts/checkout-reader');
const checkout_state_1 = require('../checkouts/checkout-state');
// A customer has a handful of checkouts; the cap bounds one request against a runaway integration.
// Visibility stores cannot all sort by start time, so the newest-first order is applied here.
exports.MAX_LISTED_CHECKOUTS = 500;
function toResponse(info, status) {
  return {
    checkoutId: (0, checkout_state_1.checkoutIdOf)(info.workflowId),
    workflowId: info.workflowId,
    status: status?.state ?? (0, checkout_state_1.stateOf)(info),
    cartTotal: info.typedSearchAttributes.get(search_attributes_1.CartTotalKey) ?? null,
    remindersSent: status?.remindersSent ?? info.typedSearchAttributes.get(search_attributes_1.RemindersSentKey) ?? 0,
    startedAt: info.startTime.toISOString(),
    closedAt: info.closeTime?.toISOString() ?? null,
  };
}
let CustomerCheckoutsService = class CustomerCheckoutsService {
  client;
  reader;
  constructor(client) {
    this.client = client;
    this.reader = new checkout_reader_1.CheckoutReader(client);
  }
  /** `customerId` matched ID_PATTERN (no quotes), so it cannot break out of the visibility query. */
  async list(customerId) {
    const query = `WorkflowType = "${messages_1.WORKFLOW_TYPE}" AND ${search_attributes_1.CustomerIdKey.name} = "${customerId}"`;
    const found = [];
    for await (const info of this.client.workflow.list({ query })) {
      found.push(info);
      if (found.length >= exports.MAX_LISTED_CHECKOUTS) break;
    }
    found.sort((a, b) => b.startTime.getTime() - a.startTime.getTime());
    // Each checkout's own status (result, delayed start or query); without a worker, what the
    // execution alone tells.
    const statuses = await Promise.all(
      found.map((info) =>
        this.reader.status((0, checkout_state_1.checkoutIdOf)(info.workflowId), info).catch(() => undefined),
      ),
    );
    return found.map((info, i) => toResponse(info, statuses[i]));
  }
};
exports.CustomerCheckoutsService = CustomerCheckoutsService;
exports.CustomerCheckoutsService = CustomerCheckoutsService = __decorate(
  [(0, common_1.Injectable)(), __metadata('design:paramtypes', [client_1.Client])],
  CustomerCheckoutsService,
);
//# sourceMappingURL=customer-checkouts.service.js.map
