// 4. What a sleeping checkout costs at rest: worker RSS, dev server RSS and database bytes (SQLite
// file + WAL), measured on an idle fresh stack (the baseline) and again after N checkouts (default
// schedule, first timer set) have settled; per checkout = growth / N.
import { workflowIdFor } from '../../common/messages';
import { BenchStack, type DbBytes } from '../support/bench-stack';
import { inParallel, recoveryInput, runId, startCheckout } from '../support/checkout-starts';
import { waitForFirstTasks } from '../support/first-tasks';
import { startLocalSes } from '../support/local-ses';
import { rssBytes, sleep } from '../support/processes';

const START_CONCURRENCY = 32;
// After the last first task: let the worker's and the server's allocators settle before reading RSS.
const SETTLE_MS = 3_000;

export interface MemorySample {
  checkouts: number;
  workerRss: number;
  serverRss: number;
  db: DbBytes;
  /** Seconds it took to start this step's checkouts. */
  startSeconds: number;
}

export interface MemoryRow extends MemorySample {
  perCheckout: { workerRss: number; serverRss: number; dbBytes: number };
}

export async function benchMemory(
  sizes: number[],
  log: (line: string) => void,
): Promise<{ baseline: MemorySample; rows: MemoryRow[] }> {
  const stack = await BenchStack.start('memory');
  const taskQueue = `bench-mem-${runId()}`;
  try {
    const ses = await startLocalSes();
    stack.track(ses.child);
    const worker = await stack.startWorker(taskQueue, ses.url);
    const sample = async (checkouts: number, startSeconds: number): Promise<MemorySample> => {
      await sleep(SETTLE_MS);
      return {
        checkouts,
        workerRss: rssBytes(worker.pid),
        serverRss: rssBytes(stack.serverPid),
        db: stack.dbBytes(),
        startSeconds,
      };
    };
    const baseline = await sample(0, 0);
    const rows: MemoryRow[] = [];
    const prefix = `mem-${runId()}`;
    let started = 0;
    for (const size of [...sizes].sort((a, b) => a - b)) {
      const ids: string[] = [];
      const from = started;
      const since = Date.now();
      const ms = await inParallel(size - from, START_CONCURRENCY, async (i) => {
        const checkoutId = `${prefix}-${from + i}`;
        await startCheckout(stack.client, taskQueue, recoveryInput(checkoutId));
        ids[i] = workflowIdFor(checkoutId);
      });
      started = size;
      await waitForFirstTasks(stack.client, ids);
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
