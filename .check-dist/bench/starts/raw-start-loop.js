Object.defineProperty(exports, '__esModule', { value: true });
exports.rawStartLoop = rawStartLoop;
const checkout_starts_1 = require('../support/checkout-starts');
const percentiles_1 = require('../support/percentiles');
const processes_1 = require('../support/processes');
async function rawStartLoop(client, taskQueue, idPrefix, { concurrency, durationMs, rate }) {
  const latencies = [];
  let errors = 0;
  let n = 0;
  const startOne = async (intendedAt) => {
    const input = (0, checkout_starts_1.recoveryInput)(`${idPrefix}-${n++}`);
    try {
      await (0, checkout_starts_1.startCheckout)(client, taskQueue, input);
      latencies.push(performance.now() - intendedAt);
    } catch {
      errors += 1;
    }
  };
  const began = performance.now();
  const end = began + durationMs;
  if (rate === undefined) {
    const lane = async () => {
      while (performance.now() < end) await startOne(performance.now());
    };
    await Promise.all(Array.from({ length: concurrency }, lane));
  } else {
    const inFlight = new Set();
    const total = Math.floor((durationMs / 1000) * rate);
    for (let k = 0; k < total; k++) {
      const intendedAt = began + (k * 1000) / rate;
      const wait = intendedAt - performance.now();
      if (wait > 0) await (0, processes_1.sleep)(wait);
      while (inFlight.size >= concurrency) await Promise.race(inFlight);
      const p = startOne(intendedAt).finally(() => inFlight.delete(p));
      inFlight.add(p);
    }
    await Promise.all(inFlight);
  }
  const seconds = (performance.now() - began) / 1000;
  return {
    starts: latencies.length,
    errors,
    seconds,
    startsPerSec: latencies.length / seconds,
    latencyMs: (0, percentiles_1.distribution)(latencies),
  };
}
//# sourceMappingURL=raw-start-loop.js.map
