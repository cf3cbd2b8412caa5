import type { Logger } from '@nestjs/common';
import type { CheckoutStops, StopState } from '../../../storage/checkout-stops';
import { withTimeout } from '../../shared/with-timeout';

// A database that does not answer must not hold the order back: the workflow still hears of it.
const STOP_WRITE_TIMEOUT_MS = 2_000;

/**
 * Records that a checkout must send nothing more, before the workflow is told. Best effort: the
 * order update's answer is the guarantee; the record also closes the window of the signal path and
 * spares a send that was already queued. Without a database (or when it fails) it logs and goes on.
 */
export async function recordStop(
  stops: CheckoutStops | null,
  checkoutId: string,
  state: StopState,
  logger: Pick<Logger, 'warn'>,
): Promise<void> {
  if (!stops) return;
  try {
    await withTimeout(stops.markStopped(checkoutId, state), STOP_WRITE_TIMEOUT_MS);
  } catch (err) {
    logger.warn(`could not record ${checkoutId} as ${state} for the sends' claims: ${String(err)}`);
  }
}
