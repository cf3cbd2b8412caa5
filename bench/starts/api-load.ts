// POST /checkouts under autocannon: a fresh checkoutId in every request body.
import autocannon from 'autocannon';
import { checkoutBody } from '../support/checkout-starts';
import type { LoadOptions, LoadResult } from './raw-start-loop';

// A start that has not answered in 10 s counts as an error, not a latency sample.
const REQUEST_TIMEOUT_S = 10;

export async function apiStartLoad(apiUrl: string, idPrefix: string, options: LoadOptions): Promise<LoadResult> {
  let n = 0;
  const result = await autocannon({
    url: apiUrl,
    connections: options.concurrency,
    duration: options.durationMs / 1000,
    timeout: REQUEST_TIMEOUT_S,
    ...(options.rate !== undefined && { overallRate: options.rate }),
    requests: [
      {
        method: 'POST',
        path: '/checkouts',
        headers: { 'content-type': 'application/json' },
        setupRequest: (req) => ({ ...req, body: JSON.stringify(checkoutBody(`${idPrefix}-${n++}`)) }),
      },
    ],
  });
  const ok = result['2xx'];
  return {
    starts: ok,
    errors: result.errors + result.non2xx,
    seconds: result.duration,
    startsPerSec: ok / result.duration,
    latencyMs: { count: ok, p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
  };
}
