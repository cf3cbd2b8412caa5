// Who hands out discount codes. The default (storage/discount-codes.ts) draws and stores codes itself; a shop
// whose platform must know its codes (Shopify price rules, commercetools discount codes, …) passes
// its own DiscountCodeIssuer to createActivities (apps/worker/main.ts) instead.
import type { IssueDiscountCodeInput, IssuedDiscountCode } from '../contract';

export type { IssueDiscountCodeInput, IssuedDiscountCode } from '../contract';

export interface DiscountCodeIssuer {
  /**
   * A code for this checkout and step that gives `offer` until `requestedAt + validForMs`.
   * Idempotent: asked again for the same checkout and step (a retried activity, a reminder the
   * frequency cap held back) it answers the same code, expiry and offer as the first time.
   * Throw DiscountCodeRefused when the offer can never be issued (retrying cannot help); any other
   * error counts as transient and is retried.
   */
  issue(request: IssueDiscountCodeInput): Promise<IssuedDiscountCode>;
}

/** The issuer or the shop's platform refused this offer for good: the reminder goes without it. */
export class DiscountCodeRefused extends Error {
  override readonly name = 'DiscountCodeRefused';
}
