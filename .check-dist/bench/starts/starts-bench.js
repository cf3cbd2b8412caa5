Object.defineProperty(exports, '__esModule', { value: true });
exports.benchStarts = benchStarts;
// 2. Checkouts started per second through POST /checkouts (the real API process under autocannon)
// against bare client.workflow.start calls from this process (the same start request), at the same
// concurrency, on one dev server. No worker polls the task queue (as in test/api): this measures the
// start path alone, and no run inherits the previous run's first workflow tasks. Then both paced at
// fixed rates: the target rate, and one the server sustains.
const bench_stack_1 = require('../support/bench-stack');
const checkout_starts_1 = require('../support/checkout-starts');
const api_load_1 = require('./api-load');
const raw_start_loop_1 = require('./raw-start-loop');
const WARMUP_MS = 2_000;
async function benchStarts(options) {
  const stack = await bench_stack_1.BenchStack.start('starts');
  const taskQueue = `bench-starts-${(0, checkout_starts_1.runId)()}`;
  try {
    const { url } = await stack.startApi(taskQueue);
    const client = stack.client;
    const prefix = `st-${(0, checkout_starts_1.runId)()}`;
    await (0, api_load_1.apiStartLoad)(url, `${prefix}-wa`, { concurrency: 10, durationMs: WARMUP_MS });
    await (0, raw_start_loop_1.rawStartLoop)(client, taskQueue, `${prefix}-wr`, {
      concurrency: 10,
      durationMs: WARMUP_MS,
    });
    const rows = [];
    const compare = async (mode, load) => {
      const api = await (0, api_load_1.apiStartLoad)(url, `${prefix}-a${rows.length}`, load);
      const raw = await (0, raw_start_loop_1.rawStartLoop)(client, taskQueue, `${prefix}-r${rows.length}`, load);
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
//# sourceMappingURL=starts-bench.js.map
