// Which customers are held out of recovery messages: a salted hash of the customer id, so a customer
// stays in their group across checkouts, and the shop cannot pick who is held out.
import { createHash } from 'node:crypto';

/** The customer's position in [0, 100): stable for one salt, uniform over customers. */
export function holdoutPosition(customerId: string, salt: string): number {
  const digest = createHash('sha256').update(salt).update('\0').update(customerId).digest();
  return (digest.readUInt32BE(0) / 2 ** 32) * 100;
}

/** In the holdout group when the position falls under the share; 0 % holds nobody out. */
export function inHoldout(customerId: string, { percent, salt }: { percent: number; salt: string }): boolean {
  return percent > 0 && holdoutPosition(customerId, salt) < percent;
}
