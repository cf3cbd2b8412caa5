Object.defineProperty(exports, '__esModule', { value: true });
exports.SEARCH_ATTRIBUTES =
  exports.CheckoutStepKey =
  exports.AbandonReasonKey =
  exports.RemindersSentKey =
  exports.CartTotalKey =
  exports.CheckoutStatusKey =
  exports.CustomerIdKey =
    void 0;
const common_1 = require('@temporalio/common');
// Kept current by the workflow so the Temporal UI can filter, e.g. CustomerId="c-42".
// Only opaque ids and numbers here: search attributes are never encrypted.
exports.CustomerIdKey = (0, common_1.defineSearchAttributeKey)('CustomerId', common_1.SearchAttributeType.KEYWORD);
exports.CheckoutStatusKey = (0, common_1.defineSearchAttributeKey)(
  'CheckoutStatus',
  common_1.SearchAttributeType.KEYWORD,
);
exports.CartTotalKey = (0, common_1.defineSearchAttributeKey)('CartTotal', common_1.SearchAttributeType.DOUBLE);
exports.RemindersSentKey = (0, common_1.defineSearchAttributeKey)('RemindersSent', common_1.SearchAttributeType.INT);
/** Set when checkout events change them (one upsert per change), so the UI can filter by them. */
exports.AbandonReasonKey = (0, common_1.defineSearchAttributeKey)(
  'AbandonReason',
  common_1.SearchAttributeType.KEYWORD,
);
exports.CheckoutStepKey = (0, common_1.defineSearchAttributeKey)('CheckoutStep', common_1.SearchAttributeType.KEYWORD);
/** Name → type, as `temporal server start-dev --search-attribute Name=Type` and the operator API want them. */
exports.SEARCH_ATTRIBUTES = {
  CustomerId: 'Keyword',
  CheckoutStatus: 'Keyword',
  CartTotal: 'Double',
  RemindersSent: 'Int',
  AbandonReason: 'Keyword',
  CheckoutStep: 'Keyword',
};
//# sourceMappingURL=search-attributes.js.map
