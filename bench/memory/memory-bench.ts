// 4. What a sleeping checkout costs at rest: worker RSS, dev server RSS and database bytes (SQLite
// file + WAL), measured on an idle fresh stack (the baseline) and again after N checkouts (default
// schedule, first timer set) have settled; per checkout = growth / N. The database growth is also
// split by table and index (SQLite's dbstat), with and without the visibility indexes.
import { join } from 'node:path';
import { workflowIdFor } from '../../common/messages';
import { BenchStack, type DbBytes } from '../support/bench-stack';
import { inParallel, recoveryInput, runId, startCheckout } from '../support/checkout-starts';
import { waitForFirstTasks } from '../support/first-tasks';
import { startLocalSes } from '../support/local-ses';
import { rssBytes, sleep } from '../support/processes';
import { growthPerCheckout, type StorageBreakdown, sqliteBreakdown, type TableGrowth } from './sqlite-breakdown';

const START_CONCURRENCY = 32;
// After the last first task: let the worker's and the server's allocators settle before reading RSS.
const SETTLE_MS = 3_000;

export interface MemorySample {
  checkouts: number;
  workerRss: number;
  serverRss: number;
  db: DbBytes;
  /** The pages in use by table and index; a string says why it could not be read. */
  storage: StorageBreakdown | string;
  /** Seconds it took to start this step's checkouts. */
  startSeconds: number;
}

export interface MemoryRow extends MemorySample {
  perCheckout: {
    workerRss: number;
    serverRss: number;
    dbBytes: number;
    /** From dbstat: growth of the pages in use, all of them and without the visibility indexes. */
    usedBytes?: number;
    withoutVisibilityIndexes?: number;
  };
  /** Growth per checkout by table (dbstat), largest first; absent when dbstat could not be read. */
  tables?: TableGrowth[];
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
        storage: sqliteBreakdown(join(stack.dataDir, 'temporal.sqlite')),
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
      const row: MemoryRow = {
        ...s,
        perCheckout: {
          workerRss: (s.workerRss - baseline.workerRss) / size,
          serverRss: (s.serverRss - baseline.serverRss) / size,
          dbBytes: (s.db.total - baseline.db.total) / size,
        },
      };
      if (typeof s.storage === 'string' || typeof baseline.storage === 'string') {
        log(`  ${size}: no dbstat breakdown (${typeof s.storage === 'string' ? s.storage : baseline.storage})`);
      } else {
        const used = (s.storage.totalBytes - baseline.storage.totalBytes) / size;
        const visibility = (s.storage.visibilityIndexBytes - baseline.storage.visibilityIndexBytes) / size;
        row.perCheckout.usedBytes = used;
        row.perCheckout.withoutVisibilityIndexes = used - visibility;
        row.tables = growthPerCheckout(baseline.storage, s.storage, size);
        log(
          `  ${size}: ${(used / 1024).toFixed(1)} KB/checkout in use, ${((used - visibility) / 1024).toFixed(1)} KB without the visibility indexes`,
        );
      }
      rows.push(row);
    }
    return { baseline, rows };
  } finally {
    await stack.stop();
  }
}
