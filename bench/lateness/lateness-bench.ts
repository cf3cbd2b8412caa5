// 3. Reminder lateness: N checkouts asleep, their reminders falling due at a steady R per second;
// lateness = arrival at the SES endpoint (stamped to the ms by a pass-through in front of the
// local SES inbox) minus the due time. Baseline: N minimal workflows (sleep, then an activity that
// reports its arrival to the same recorder) on their own worker, same rate, same machine.
//
// Two baselines. Warm: each sleeps on a timer set by its first task, so the worker still holds it in
// its cache when the timer fires (500 of them fit the 1,000-workflow cache). Cold: the same workflow
// started with a start delay, so at its due time the worker meets a workflow it has never run, as
// every reminder of a real shop does: a checkout that sleeps for hours or days among more sleeping
// checkouts than the cache holds is evicted long before it is due, and a checkout's first reminder
// is a start delay. The checkouts are cold too.
//
// Per rate, the three sets are started together and fall asleep; then the warm baseline's due
// window runs, a gap, the cold baseline's, a gap, then the checkouts' window of the same length.
import { join } from 'node:path';
import type { Client } from '@temporalio/client';
import type { RecoveryPolicy } from '../../common/checkout';
import { parseDuration } from '../../common/duration';
import { workflowIdFor } from '../../common/messages';
import { BenchStack } from '../support/bench-stack';
import { inParallel, recoveryInput, runId, startCheckout } from '../support/checkout-starts';
import { waitForFirstTasks } from '../support/first-tasks';
import { startLocalSes } from '../support/local-ses';
import { type Distribution, distribution, round } from '../support/percentiles';
import { cpuMs, cpuMsOf, sleep } from '../support/processes';
import { type SesRecorder, startSesRecorder } from '../support/ses-recorder';
import { splitOf, sumSplits, type ThreadSplit, threadCpu } from '../support/thread-cpu';
import type { SleepThenReportInput } from './baseline-workflow';

export const BASELINE_WORKER = join(__dirname, 'baseline-worker.js');
const START_CONCURRENCY = 32;
// Workflows started and through their first task per second, to plan the first rate's start-up;
// later rates use what the previous one measured, with a margin.
const INITIAL_READY_RATE = 35;
const READY_MARGIN = 1.2;
// Quiet time between the last first task and the first due time.
const SETTLE_MS = 2_000;
// Between the baseline's last due time and the checkouts' first: the baseline's tail drains.
const GAP_MS = 4_000;
// How long after the last due time an arrival may still come before it counts as missing.
const ARRIVAL_GRACE_MS = 30_000;
// The shipped policy's frequency cap (config/policy-file.ts), so each reminder takes the cap's path
// through the ledger as in a shop on the defaults; each checkout is its own customer, so the cap
// holds every one. BENCH_LATENESS_CAP=off: no policy (as the runs before 2026-12-02 10:00).
// Quiet hours stay off: they would move reminders due at night.
export function latenessPolicy(env: NodeJS.ProcessEnv = process.env): RecoveryPolicy | undefined {
  const cap = env.BENCH_LATENESS_CAP?.trim() || '16h';
  if (cap.toLowerCase() === 'off') return undefined;
  // The workflow ignores a cap it cannot read: a typo would measure no cap under the cap's name.
  if (!parseDuration(cap).ok)
    throw new Error(`BENCH_LATENESS_CAP must be a duration like "16h" or "off" (got "${cap}")`);
  return { quietHours: null, defaultTimezone: 'UTC', frequencyCap: cap };
}

export interface Lateness extends Distribution {
  missing: number;
  /** Arrivals beyond each key's first: a reminder sent twice (two workers must make none). */
  twice: number;
  /** p50 lateness of each fifth of the window, in due order: growth means a backlog. */
  p50ByFifth: number[];
  /** CPU ms its worker and the dev server spent per reminder over the window. */
  workerCpuMs: number;
  serverCpuMs: number;
  /** The worker CPU ms per reminder by thread (absent in results from before it was measured). */
  workerThreads?: ThreadSplit;
}

export interface LatenessRun {
  rate: number;
  count: number;
  /** Lateness of the real reminders (ms). */
  reminders: Lateness;
  /** Lateness of the baseline workflow's arrivals (ms): warm, asleep on a timer in the worker's cache. */
  baseline: Lateness;
  /** The same baseline started with a start delay: cold at its due time, as the checkouts are. */
  coldBaseline: Lateness;
  /** Start-up ran past the first due time, or the baseline's tail into the checkouts' window. */
  overlapped: boolean;
}

interface Batch {
  keys: string[];
  dueAt: number[];
  workflowIds: string[];
}

export async function benchLateness(
  count: number,
  rates: number[],
  log: (line: string) => void,
): Promise<LatenessRun[]> {
  const stack = await BenchStack.start('lateness');
  const realQueue = `bench-late-${runId()}`;
  const baseQueue = `bench-late-base-${runId()}`;
  let recorder: SesRecorder | undefined;
  try {
    const ses = await startLocalSes();
    stack.track(ses.child);
    // BENCH_LATENESS_SES=local: the recorder answers SES itself (ses-recorder.ts says why).
    recorder = await startSesRecorder(ses.url, {
      answer: process.env.BENCH_LATENESS_SES === 'local' ? 'local' : 'upstream',
    });
    const rec = recorder;
    const realWorkers = await stack.startWorkers(realQueue, rec.url);
    const policy = latenessPolicy();
    log(`  checkouts' policy: ${policy ? JSON.stringify(policy) : 'none'} (BENCH_LATENESS_CAP)`);
    const baseWorker = await stack.spawn(
      'baseline worker',
      BASELINE_WORKER,
      { TASK_QUEUE: baseQueue, RECORDER_URL: rec.url },
      (out) => out.includes('baseline worker polling'),
    );
    const runs: LatenessRun[] = [];
    let readyRate = INITIAL_READY_RATE;
    for (const rate of rates) {
      const planAt = Date.now();
      const windowMs = (count * 1000) / rate;
      // All three sets (3 × count) must be asleep before the first due time, as `lateStart` checks;
      // planning for two of them let start-up run into the window at 25/s.
      const firstDue = planAt + ((3 * count) / readyRate) * 1000 * READY_MARGIN + SETTLE_MS;
      const coldFirstDue = firstDue + windowMs + GAP_MS;
      const realFirstDue = coldFirstDue + windowMs + GAP_MS;
      // One schedule offset for every checkout, so every lastActivityAt lies before the first start.
      const afterS = Math.ceil((realFirstDue + windowMs - planAt) / 1000) + 1;
      const tag = runId();
      const base = newBatch();
      const cold = newBatch();
      const real = newBatch();
      const startMs = await inParallel(3 * count, START_CONCURRENCY, async (j) => {
        const i = Math.floor(j / 3);
        if (j % 3 === 0) {
          const key = `base-${tag}-${i}`;
          const dueAt = Math.round(firstDue + (i * 1000) / rate);
          add(base, i, key, dueAt, await startBaseline(stack.client, baseQueue, { key, dueAt }));
        } else if (j % 3 === 1) {
          const key = `cold-${tag}-${i}`;
          const dueAt = Math.round(coldFirstDue + (i * 1000) / rate);
          add(cold, i, key, dueAt, await startBaseline(stack.client, baseQueue, { key, dueAt }, 'cold'));
        } else {
          const checkoutId = `late-${tag}-${i}`;
          const key = `${checkoutId}@bench.example.com`;
          const dueAt = Math.round(realFirstDue + (i * 1000) / rate);
          const lastActivityAt = dueAt - afterS * 1000;
          const schedule = [{ after: `${afterS}s` }];
          await startCheckout(
            stack.client,
            realQueue,
            recoveryInput(checkoutId, {
              email: key,
              customerId: `cust-${checkoutId}`,
              schedule,
              lastActivityAt,
              policy,
            }),
          );
          add(real, i, key, dueAt, workflowIdFor(checkoutId));
        }
      });
      await waitForFirstTasks(stack.client, base.workflowIds);
      await waitForFirstTasks(stack.client, cold.workflowIds);
      await waitForFirstTasks(stack.client, real.workflowIds);
      const readyMs = Date.now() - planAt;
      readyRate = ((3 * count) / readyMs) * 1000;
      const lateStart = Date.now() > firstDue;
      log(
        `  ${rate}/s: ${3 * count} started in ${(startMs / 1000).toFixed(1)} s, asleep after ${(readyMs / 1000).toFixed(1)} s, ` +
          `${((firstDue - Date.now()) / 1000).toFixed(1)} s before the first due time`,
      );
      const baseline = await collect(rec, base, [baseWorker.pid], stack.serverPid);
      const coldBaseline = await collect(rec, cold, [baseWorker.pid], stack.serverPid);
      const baselineTail = Math.max(...cold.keys.map((k) => rec.arrivals.get(k) ?? 0));
      const reminders = await collect(
        rec,
        real,
        realWorkers.map((w) => w.pid),
        stack.serverPid,
      );
      runs.push({
        rate,
        count,
        reminders,
        baseline,
        coldBaseline,
        overlapped: lateStart || baselineTail > realFirstDue,
      });
    }
    return runs;
  } finally {
    await recorder?.close();
    await stack.stop();
  }
}

const newBatch = (): Batch => ({ keys: [], dueAt: [], workflowIds: [] });

function add(batch: Batch, i: number, key: string, dueAt: number, workflowId: string): void {
  batch.keys[i] = key;
  batch.dueAt[i] = dueAt;
  batch.workflowIds[i] = workflowId;
}

/** `cold`: its first task runs at the due time (a start delay), finds nothing to wait for, reports. */
export async function startBaseline(
  client: Client,
  taskQueue: string,
  input: SleepThenReportInput,
  temperature: 'warm' | 'cold' = 'warm',
): Promise<string> {
  const workflowId = `bench-baseline-${input.key}`;
  const startDelay = temperature === 'cold' ? Math.max(1_000, input.dueAt - Date.now()) : undefined;
  await client.workflow.start('sleepThenReport', {
    taskQueue,
    workflowId,
    args: [input],
    ...(startDelay && { startDelay }),
  });
  return workflowId;
}

/** Waits for the batch's arrivals (bounded), then its lateness and the CPU the window cost. */
async function collect(recorder: SesRecorder, batch: Batch, workers: number[], server: number): Promise<Lateness> {
  const cpuBefore = [cpuMsOf(workers), cpuMs(server)] as const;
  const threadsBefore = workers.map(threadCpu);
  const deadline = Math.max(...batch.dueAt) + ARRIVAL_GRACE_MS;
  while (Date.now() < deadline && batch.keys.some((k) => !recorder.arrivals.has(k))) await sleep(200);
  const n = batch.keys.length;
  const late = batch.keys.map((k, i) => {
    const at = recorder.arrivals.get(k);
    return at === undefined ? undefined : at - (batch.dueAt[i] as number);
  });
  const arrived = late.filter((l) => l !== undefined);
  const fifth = Math.ceil(n / 5);
  const p50ByFifth = [0, 1, 2, 3, 4].map(
    (f) => distribution(late.slice(f * fifth, (f + 1) * fifth).filter((l) => l !== undefined)).p50,
  );
  const keys = new Set(batch.keys);
  const arrivals = recorder.messages.filter((m) => keys.has(m.key)).length;
  return {
    ...distribution(arrived),
    missing: n - arrived.length,
    twice: arrivals - arrived.length,
    p50ByFifth,
    workerCpuMs: round((cpuMsOf(workers) - cpuBefore[0]) / n, 2),
    serverCpuMs: round((cpuMs(server) - cpuBefore[1]) / n, 2),
    workerThreads: sumSplits(workers.map((pid, i) => splitOf(pid, threadsBefore[i] ?? new Map(), threadCpu(pid), n))),
  };
}
