// Every patch id the workflows (checkout recovery, order placement) branch on, in one list: the replay suite checks that a
// recorded history exercises each one, so no patched branch ships without a history to replay.
//
// When an old branch can go: a checkout lives at most its schedule (MAX_OFFSET_MS, 30 days, after
// the last activity; activity before reminder 1 can push it back, but never later than the last
// event) plus the send's give-up time (6 h) and the order confirmation. So 31 days after a version
// is deployed on every worker, no workflow started before it can still be running: then replace
// `patched(id)` by `deprecatePatch(id)` and delete the old branch; one more 31 days later, delete
// the deprecatePatch call. Histories in test/histories from before stay: they must still replay
// until the branch is removed, then move to an archive the replay suite skips.
export const PATCHES = {
  /**
   * Fewer billable Actions: the API's startDelay replaces the first timer, search attributes are
   * set once at start, the order confirmation can be turned off.
   */
  leanActions: 'lean-actions-v2',
  /** Reminders the discount policy gives an offer carry a unique code, issued right before the send. */
  discountOffers: 'discount-offers-v3',
  /** A custom checkout step named with free text is published as the CheckoutStep "custom". */
  checkoutStepSlug: 'checkout-step-slug-v5',
  /**
   * Reminders held by quiet hours leave at a stable offset within the policy's quietHoursSpread. A
   * checkout started by a newer API on an older worker carries the spread but recorded timers without it.
   */
  quietHoursSpread: 'quiet-hours-spread-v6',
  /**
   * The order saga (orderPlacement) waits, bounded, for the shopper to complete a 3-D Secure step and
   * then captures; before, it released the stock and ended at `requires_action`.
   */
  orderAuthenticationWait: 'order-authentication-wait-v7',
  /**
   * A 3-D Secure payment the bank refused (authentication_failed) is voided before the decline: its
   * client secret was given to the page, so left open it could be confirmed into a hold nobody captures.
   */
  orderAuthenticationFailedVoid: 'order-authentication-failed-void-v8',
  /**
   * The read when the 3-D Secure wait runs out retries until it answers (an outage is not "not
   * authenticated"), and a void that finds the payment captured records the order.
   */
  orderAuthenticationDeadline: 'order-authentication-deadline-v8',
  /**
   * A capture that failed: the void's `alreadyCaptured` answer decides (captured after all: the
   * order stands); before, the saga compensated whatever the void answered.
   */
  captureVoidAnswer: 'capture-void-answer-v8',
} as const;

export type PatchId = (typeof PATCHES)[keyof typeof PATCHES];
