// 2. Checkouts started per second through POST /checkouts (the real API process under autocannon)
// against bare client.workflow.start calls from this process (the same start request), at the same
// concurrency, on one dev server. No worker polls the task queue (as in test/api): this measures the
// start path alone, and no run inherits the previous run's first workflow tasks. Then both paced at
// fixed rates: the target rate, and one the server sustains.
import { BenchStack } from '../support/bench-stack';
import { runId } from '../support/checkout-starts';
import { cpuMs } from '../support/processes';
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
  /**
   * CPU ms per start (user + system, from /proc: less swayed by other work on the machine than a
   * rate): the API process, the Temporal server in either run, and this process (autocannon, or the
   * raw client). The ledger's PostgreSQL is shared with other users of the machine and not counted.
   */
  cpuMsPerStart: { api: number; apiServer: number; apiBench: number; rawServer: number; rawBench: number };
}

/** CPU ms per start of each process over one run. */
async function metered<T extends { starts: number }>(pids: Record<string, number>, run: () => Promise<T>) {
  const benchMs = () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  };
  const before = Object.fromEntries(Object.entries(pids).map(([k, pid]) => [k, cpuMs(pid)]));
  const bench0 = benchMs();
  const result = await run();
  const per = (ms: number) => ms / Math.max(1, result.starts);
  const cpu = Object.fromEntries(Object.entries(pids).map(([k, pid]) => [k, per(cpuMs(pid) - (before[k] ?? 0))]));
  return { result, cpu: { ...cpu, bench: per(benchMs() - bench0) } as Record<string, number> };
}

export async function benchStarts(options: StartsOptions): Promise<StartsRow[]> {
  const stack = await BenchStack.start('starts');
  const taskQueue = `bench-starts-${runId()}`;
  try {
    const { url, child } = await stack.startApi(taskQueue);
    const pids = { api: child.pid, server: stack.serverPid };
    const client = stack.client;
    const prefix = `st-${runId()}`;
    await apiStartLoad(url, `${prefix}-wa`, { concurrency: 10, durationMs: WARMUP_MS });
    await rawStartLoop(client, taskQueue, `${prefix}-wr`, { concurrency: 10, durationMs: WARMUP_MS });

    const rows: StartsRow[] = [];
    const compare = async (mode: string, load: LoadOptions) => {
      const a = await metered(pids, () => apiStartLoad(url, `${prefix}-a${rows.length}`, load));
      const r = await metered(pids, () => rawStartLoop(client, taskQueue, `${prefix}-r${rows.length}`, load));
      const [api, raw] = [a.result, r.result];
      const cpuMsPerStart = {
        api: a.cpu.api ?? 0,
        apiServer: a.cpu.server ?? 0,
        apiBench: a.cpu.bench ?? 0,
        rawServer: r.cpu.server ?? 0,
        rawBench: r.cpu.bench ?? 0,
      };
      rows.push({ mode, api, raw, ratio: api.startsPerSec / raw.startsPerSec, cpuMsPerStart });
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
