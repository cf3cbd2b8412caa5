import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

// Kept current by the workflow so the Temporal UI can filter, e.g. CustomerId="c-42".
// Only opaque ids and numbers here: search attributes are never encrypted.
export const CustomerIdKey = defineSearchAttributeKey('CustomerId', SearchAttributeType.KEYWORD);
export const CheckoutStatusKey = defineSearchAttributeKey('CheckoutStatus', SearchAttributeType.KEYWORD);
export const CartTotalKey = defineSearchAttributeKey('CartTotal', SearchAttributeType.DOUBLE);
export const RemindersSentKey = defineSearchAttributeKey('RemindersSent', SearchAttributeType.INT);
/** Set when checkout events change them (one upsert per change), so the UI can filter by them. */
export const AbandonReasonKey = defineSearchAttributeKey('AbandonReason', SearchAttributeType.KEYWORD);
export const CheckoutStepKey = defineSearchAttributeKey('CheckoutStep', SearchAttributeType.KEYWORD);

/** Name → type, as `temporal server start-dev --search-attribute Name=Type` and the operator API want them. */
export const SEARCH_ATTRIBUTES = {
  CustomerId: 'Keyword',
  CheckoutStatus: 'Keyword',
  CartTotal: 'Double',
  RemindersSent: 'Int',
  AbandonReason: 'Keyword',
  CheckoutStep: 'Keyword',
} as const;
