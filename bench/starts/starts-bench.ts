// 2. Checkouts started per second through POST /checkouts (the real API process under autocannon)
// against bare client.workflow.start calls from this process (the same start request), at the same
// concurrency, on one dev server. No worker polls the task queue (as in test/api): this measures the
// start path alone, and no run inherits the previous run's first workflow tasks. Then both paced at
// fixed rates: the target rate, and one the server sustains.
import { BenchStack } from '../support/bench-stack';
import { runId } from '../support/checkout-starts';
import { apiStartLoad } from './api-load';
import { type LoadOptions, type LoadResult, rawStartLoop } from './raw-start-loop';

const WARMUP_MS = 2_000;

export interface StartsOptions {
  concurrencies: number[];
  durationMs: number;
  /** Starts per second, each run at most `pacedConcurrency` in flight. */
  pacedRates: number[];
  pacedConcurrency: number;
}

export interface StartsRow {
  mode: string;
  api: LoadResult;
  raw: LoadResult;
  /** API starts/s over raw starts/s. */
  ratio: number;
}

export async function benchStarts(options: StartsOptions): Promise<StartsRow[]> {
  const stack = await BenchStack.start('starts');
  const taskQueue = `bench-starts-${runId()}`;
  try {
    const { url } = await stack.startApi(taskQueue);
    const client = stack.client;
    const prefix = `st-${runId()}`;
    await apiStartLoad(url, `${prefix}-wa`, { concurrency: 10, durationMs: WARMUP_MS });
    await rawStartLoop(client, taskQueue, `${prefix}-wr`, { concurrency: 10, durationMs: WARMUP_MS });

    const rows: StartsRow[] = [];
    const compare = async (mode: string, load: LoadOptions) => {
      const api = await apiStartLoad(url, `${prefix}-a${rows.length}`, load);
      const raw = await rawStartLoop(client, taskQueue, `${prefix}-r${rows.length}`, load);
      rows.push({ mode, api, raw, ratio: api.startsPerSec / raw.startsPerSec });
    };
    for (const concurrency of options.concurrencies) {
      await compare(`c=${concurrency}`, { concurrency, durationMs: options.durationMs });
    }
    for (const rate of options.pacedRates) {
      await compare(`paced ${rate}/s`, { concurrency: options.pacedConcurrency, durationMs: options.durationMs, rate });
    }
    return rows;
  } finally {
    await stack.stop();
  }
}
