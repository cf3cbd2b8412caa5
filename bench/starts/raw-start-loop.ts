// The baseline for start throughput: bare `client.workflow.start` calls (the same request the API
// makes) from `concurrency` lanes for a fixed time, or paced at a fixed rate. Latency is measured
// from the intended send time when paced, so a stall is not hidden (like autocannon's correction).
import type { Client } from '@temporalio/client';
import { recoveryInput, startCheckout } from '../support/checkout-starts';
import { type Distribution, distribution } from '../support/percentiles';
import { sleep } from '../support/processes';

export interface LoadResult {
  starts: number;
  errors: number;
  seconds: number;
  startsPerSec: number;
  latencyMs: Distribution;
}

export interface LoadOptions {
  concurrency: number;
  durationMs: number;
  /** Starts per second; unset means as fast as the lanes go. */
  rate?: number;
}

export async function rawStartLoop(
  client: Client,
  taskQueue: string,
  idPrefix: string,
  options: LoadOptions,
): Promise<LoadResult> {
  let n = 0;
  return startLoop(() => startCheckout(client, taskQueue, recoveryInput(`${idPrefix}-${n++}`)), options);
}

/**
 * Runs `startOne` from `concurrency` lanes for a fixed time, or paced at `rate` per second (at most
 * `concurrency` in flight). Shared by the raw loop and the API's paced run, so both are paced alike.
 */
export async function startLoop(
  startOne: () => Promise<void>,
  { concurrency, durationMs, rate }: LoadOptions,
): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  const timed = async (intendedAt: number) => {
    try {
      await startOne();
      latencies.push(performance.now() - intendedAt);
    } catch {
      errors += 1;
    }
  };
  const began = performance.now();
  const end = began + durationMs;
  if (rate === undefined) {
    const lane = async () => {
      while (performance.now() < end) await timed(performance.now());
    };
    await Promise.all(Array.from({ length: concurrency }, lane));
  } else {
    const inFlight = new Set<Promise<void>>();
    const total = Math.floor((durationMs / 1000) * rate);
    for (let k = 0; k < total; k++) {
      const intendedAt = began + (k * 1000) / rate;
      const wait = intendedAt - performance.now();
      if (wait > 0) await sleep(wait);
      while (inFlight.size >= concurrency) await Promise.race(inFlight);
      const p: Promise<void> = timed(intendedAt).finally(() => inFlight.delete(p));
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
    latencyMs: distribution(latencies),
  };
}
