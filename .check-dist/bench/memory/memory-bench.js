Object.defineProperty(exports, '__esModule', { value: true });
exports.benchMemory = benchMemory;
// 4. What a sleeping checkout costs at rest: worker RSS, dev server RSS and database bytes (SQLite
// file + WAL), measured on an idle fresh stack (the baseline) and again after N checkouts (default
// schedule, first timer set) have settled; per checkout = growth / N.
const messages_1 = require('../../common/messages');
const bench_stack_1 = require('../support/bench-stack');
const checkout_starts_1 = require('../support/checkout-starts');
const first_tasks_1 = require('../support/first-tasks');
const local_ses_1 = require('../support/local-ses');
const processes_1 = require('../support/processes');
const START_CONCURRENCY = 32;
// After the last first task: let the worker's and the server's allocators settle before reading RSS.
const SETTLE_MS = 3_000;
async function benchMemory(sizes, log) {
  const stack = await bench_stack_1.BenchStack.start('memory');
  const taskQueue = `bench-mem-${(0, checkout_starts_1.runId)()}`;
  try {
    const ses = await (0, local_ses_1.startLocalSes)();
    stack.track(ses.child);
    const worker = await stack.startWorker(taskQueue, ses.url);
    const sample = async (checkouts, startSeconds) => {
      await (0, processes_1.sleep)(SETTLE_MS);
      return {
        checkouts,
        workerRss: (0, processes_1.rssBytes)(worker.pid),
        serverRss: (0, processes_1.rssBytes)(stack.serverPid),
        db: stack.dbBytes(),
        startSeconds,
      };
    };
    const baseline = await sample(0, 0);
    const rows = [];
    const prefix = `mem-${(0, checkout_starts_1.runId)()}`;
    let started = 0;
    for (const size of [...sizes].sort((a, b) => a - b)) {
      const ids = [];
      const from = started;
      const since = Date.now();
      const ms = await (0, checkout_starts_1.inParallel)(size - from, START_CONCURRENCY, async (i) => {
        const checkoutId = `${prefix}-${from + i}`;
        await (0, checkout_starts_1.startCheckout)(
          stack.client,
          taskQueue,
          (0, checkout_starts_1.recoveryInput)(checkoutId),
        );
        ids[i] = (0, messages_1.workflowIdFor)(checkoutId);
      });
      started = size;
      await (0, first_tasks_1.waitForFirstTasks)(stack.client, ids);
      log(
        `  ${size}: ${size - from} more started in ${(ms / 1000).toFixed(1)} s, all asleep after ${((Date.now() - since) / 1000).toFixed(1)} s`,
      );
      const s = await sample(size, ms / 1000);
      rows.push({
        ...s,
        perCheckout: {
          workerRss: (s.workerRss - baseline.workerRss) / size,
          serverRss: (s.serverRss - baseline.serverRss) / size,
          dbBytes: (s.db.total - baseline.db.total) / size,
        },
      });
    }
    return { baseline, rows };
  } finally {
    await stack.stop();
  }
}
//# sourceMappingURL=memory-bench.js.map
