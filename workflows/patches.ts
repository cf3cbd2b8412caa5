// Every patch id the checkout workflow branches on, in one list: the replay suite checks that a
// recorded history exercises each one, so no patched branch ships without a history to replay.
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
} as const;

export type PatchId = (typeof PATCHES)[keyof typeof PATCHES];
