// POST /checkouts under autocannon: a fresh checkoutId in every request body.
import { Agent, request } from 'node:http';
import autocannon from 'autocannon';
import { checkoutBody } from '../support/checkout-starts';
import { type LoadOptions, type LoadResult, startLoop } from './raw-start-loop';

// A start that has not answered in 10 s counts as an error, not a latency sample.
const REQUEST_TIMEOUT_S = 10;

export async function apiStartLoad(apiUrl: string, idPrefix: string, options: LoadOptions): Promise<LoadResult> {
  // Paced: the raw loop's own pacing. autocannon's overallRate lets each connection send its share of
  // a second back to back and then wait for the next second (bursts of `rate`), and its correction
  // for a 1 ms expected interval adds samples to every slower answer: not comparable with the raw loop.
  if (options.rate !== undefined) return pacedApiStarts(apiUrl, idPrefix, options);
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

/** POST /checkouts paced like the raw loop, over at most `concurrency` kept-alive connections. */
async function pacedApiStarts(apiUrl: string, idPrefix: string, options: LoadOptions): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: options.concurrency });
  const { hostname, port } = new URL(apiUrl);
  let n = 0;
  const post = () =>
    new Promise<void>((resolve, reject) => {
      const body = JSON.stringify(checkoutBody(`${idPrefix}-${n++}`));
      const req = request(
        {
          agent,
          hostname,
          port,
          method: 'POST',
          path: '/checkouts',
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
          timeout: REQUEST_TIMEOUT_S * 1000,
        },
        (res) => {
          res.resume();
          res.on('end', () => ((res.statusCode ?? 0) < 300 ? resolve() : reject(new Error(`${res.statusCode}`))));
        },
      );
      req.on('timeout', () => req.destroy(new Error('timed out')));
      req.on('error', reject);
      req.end(body);
    });
  try {
    return await startLoop(post, options);
  } finally {
    agent.destroy();
  }
}
