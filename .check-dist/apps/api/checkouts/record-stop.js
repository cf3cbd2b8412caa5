Object.defineProperty(exports, '__esModule', { value: true });
exports.recordStop = recordStop;
const with_timeout_1 = require('../../shared/with-timeout');
// A database that does not answer must not hold the order back: the workflow still hears of it.
const STOP_WRITE_TIMEOUT_MS = 2_000;
/**
 * Records that a checkout must send nothing more, before the workflow is told. Best effort: the
 * order update's answer is the guarantee; the record also closes the window of the signal path and
 * spares a send that was already queued. Without a database (or when it fails) it logs and goes on.
 */
async function recordStop(stops, checkoutId, state, logger) {
  if (!stops) return;
  try {
    await (0, with_timeout_1.withTimeout)(stops.markStopped(checkoutId, state), STOP_WRITE_TIMEOUT_MS);
  } catch (err) {
    logger.warn(`could not record ${checkoutId} as ${state} for the sends' claims: ${String(err)}`);
  }
}
//# sourceMappingURL=record-stop.js.map
