Object.defineProperty(exports, '__esModule', { value: true });
exports.eventIds = exports.RECOVERY_EVENT_TYPES = void 0;
exports.RECOVERY_EVENT_TYPES = [
  'checkout_started',
  'checkout_event',
  'activity',
  'reminder_sent',
  'reminder_suppressed',
  'reminder_failed',
  'reminder_delayed',
  'link_clicked',
  'unsubscribed',
  'ordered',
  'closed',
];
/** Ids of the records a retry must not repeat: one per thing that happened. */
exports.eventIds = {
  started: (checkoutId) => `${checkoutId}:started`,
  reminder: (checkoutId, step, outcome) => `${checkoutId}:reminder:${step}:${outcome}`,
  delayed: (checkoutId, step, until) => `${checkoutId}:reminder:${step}:delayed:${until}`,
  order: (checkoutId, orderId) => `${checkoutId}:order:${orderId}`,
  closed: (checkoutId) => `${checkoutId}:closed`,
};
//# sourceMappingURL=recovery-events.js.map
