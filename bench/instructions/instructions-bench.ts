// 3b. Worker instructions per reminder: the real worker and the cold baseline's worker (the lateness
// section's sleep-then-report workflow, started with a start delay) each run under callgrind, which
// counts the instructions they execute. The count of the same work does not move with the host's
// speed, which on this VM drifts by 40% within an hour: the ratio of the two is the issue's "worker
// CPU per reminder at most 1.5x the floor's" read without the host's drift. A count weighs no cache
// misses or stalls: it says how much work, not how long it took.
//
// Each worker first runs a warm-up window, counted apart: its JIT compiles the hot paths, as a
// long-running worker's has (after 5 reminders, a fifth of the next 20's count was still TurboFan
// compiling). Warm-up reminders fall due three times as often: they may queue. Then a counted window
// of N reminders due one every `spacingMs`, slow enough that a worker under callgrind (about 65x
// slower) keeps up and tasks do not pile up into batches, which would lower the slower worker's count
// per reminder; the window ends when every workflow of it has completed. Idle polling is counted too,
// and printed per second: about a thousandth of a reminder's.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Client } from '@temporalio/client';
import { withTimeout } from '../../apps/shared/with-timeout';
import { workflowIdFor } from '../../common/messages';
import { BASELINE_WORKER, latenessPolicy, startBaseline } from '../lateness/lateness-bench';
import { BenchStack } from '../support/bench-stack';
import { callgrindWrapper, inclusiveCosts, instructionsDuring, startCounting } from '../support/callgrind';
import { inParallel, recoveryInput, runId, startCheckout } from '../support/checkout-starts';
import { sleep } from '../support/processes';
import { startSesRecorder } from '../support/ses-recorder';

// Time to start a window's workflows (all asleep in their start delay) before the first falls due.
const LEAD_MS = 5_000;
const IDLE_MS = 5_000;
// A worker just started keeps busy for a while after it polls (its JIT and heap settling after the
// bundle); a window starts once idle costs under this, checked every IDLE_MS for at most IDLE_READINGS.
const SETTLED_PER_SECOND = 2_000_000;
const IDLE_READINGS = 24;
// Every workflow of a window completes within this after its due time, or the window fails.
const COMPLETION_GRACE_MS = 300_000;

export interface InstructionsOptions {
  count: number;
  spacingMs: number;
  warmupCount: number;
}

/**
 * Where some of a reminder's instructions go, each a function with all it called (they may nest): the
 * SDK's own costs that both workers pay, and the JIT and the collector, which shrink with warm-up.
 */
/** The label of TurboFan's share in `inside`: the part of a count that swings between runs. */
export const JIT = 'JIT (TurboFan)';
const INSIDE = {
  'gRPC gzip': 'tonic::codec::compression::compress',
  // Compiles on a call; on-stack replacement (a hot loop) compiles elsewhere and is not in this figure.
  [JIT]: 'v8::internal::Runtime_CompileOptimized(',
  GC: 'v8::internal::Heap::CollectGarbage(',
  'promise stack traces': 'v8::internal::Accessors::ErrorStackGetter(',
};

export interface WorkerInstructions {
  /** Instructions of the counted window, per reminder. */
  perReminder: number;
  /** Instructions per reminder of the warm-up window (JIT compiling the hot paths). */
  warmupPerReminder: number;
  /** Instructions per second while idle (polling). */
  idlePerSecond: number;
  /** Per reminder of the counted window, inside each of INSIDE's functions. */
  inside: Record<string, number>;
}

export interface InstructionsRun extends InstructionsOptions {
  checkouts: WorkerInstructions;
  coldBaseline: WorkerInstructions;
}

interface Counted {
  pid: number;
  /** Starts the workflow due at `dueAt`; resolves once started, with its completion. */
  start(i: number, dueAt: number): Promise<{ done: Promise<unknown> }>;
}

export async function benchInstructions(
  { count, spacingMs, warmupCount }: InstructionsOptions,
  log: (line: string) => void,
): Promise<InstructionsRun> {
  const stack = await BenchStack.start('instructions');
  // Kept with the results: `callgrind_annotate <dump>` shows where a window's instructions went.
  const id = runId();
  const dumpDir = join(__dirname, '..', '..', '..', 'bench', 'results', `callgrind-${id}`);
  mkdirSync(dumpDir, { recursive: true });
  log(`  callgrind dumps in ${dumpDir}`);
  const outPrefix = join(dumpDir, 'cg');
  const wrapper = callgrindWrapper(outPrefix);
  const realQueue = `bench-instr-${id}`;
  const baseQueue = `bench-instr-base-${id}`;
  // The recorder answers SES itself: no stand-in process, and nothing is counted outside the workers.
  const recorder = await startSesRecorder('http://127.0.0.1:9', { answer: 'local' });
  try {
    log('  starting both workers under callgrind (a minute or two each)…');
    const began = Date.now();
    // One after the other: the stack stops each once started, even when the other fails to start.
    const real = await stack.startWorker(realQueue, recorder.url, 'worker', wrapper);
    const base = await stack.spawn(
      'baseline worker',
      BASELINE_WORKER,
      { TASK_QUEUE: baseQueue, RECORDER_URL: recorder.url },
      (out) => out.includes('baseline worker polling'),
      wrapper,
    );
    log(`  both started after ${Math.round((Date.now() - began) / 1000)} s`);
    const checkouts: Counted = {
      pid: real.pid,
      start: (i, dueAt) => startCheckoutDue(stack.client, realQueue, `instr-${id}-${i}`, dueAt),
    };
    const coldBaseline: Counted = {
      pid: base.pid,
      start: (i, dueAt) => startColdBaseline(stack.client, baseQueue, `instr-${id}-${i}`, dueAt),
    };
    const measure = async (name: string, worker: Counted): Promise<WorkerInstructions> => {
      await startCounting(worker.pid);
      let idlePerSecond = Number.POSITIVE_INFINITY;
      for (let i = 0; i < IDLE_READINGS && idlePerSecond >= SETTLED_PER_SECOND; i++) {
        const idle = await instructionsDuring(worker.pid, outPrefix, () => sleep(IDLE_MS));
        idlePerSecond = Math.round(idle.instructions / (IDLE_MS / 1000));
        log(`  ${name}: idle ${(idlePerSecond / 1e6).toFixed(2)} M instructions per second`);
      }
      if (idlePerSecond >= SETTLED_PER_SECOND) {
        throw new Error(`${name}'s worker still busy while idle after ${(IDLE_READINGS * IDLE_MS) / 1000} s`);
      }
      const window = (from: number, n: number, every: number) =>
        instructionsDuring(worker.pid, outPrefix, () => runWindow(worker, from, n, every));
      const warmup = await window(0, warmupCount, spacingMs / 3);
      const counted = await window(warmupCount, count, spacingMs);
      const perReminder = Math.round(counted.instructions / count);
      log(`  ${name}: ${(perReminder / 1e6).toFixed(1)} M instructions per reminder`);
      const inside = await inclusiveCosts(counted.dump, INSIDE);
      return {
        perReminder,
        warmupPerReminder: Math.round(warmup.instructions / warmupCount),
        idlePerSecond,
        inside: Object.fromEntries(Object.entries(inside).map(([k, v]) => [k, Math.round(v / count)])),
      };
    };
    // One worker at a time: the other one idles meanwhile, so neither competes for the cores.
    const baselineCounts = await measure('baseline, cold', coldBaseline);
    const checkoutCounts = await measure('checkoutRecovery', checkouts);
    return { count, spacingMs, warmupCount, checkouts: checkoutCounts, coldBaseline: baselineCounts };
  } finally {
    await recorder.close();
    await stack.stop();
  }
}

/** Starts workflows `from`..`from + n - 1`, due one every `spacingMs`, and waits until all completed. */
async function runWindow(worker: Counted, from: number, n: number, spacingMs: number): Promise<void> {
  const firstDue = Date.now() + LEAD_MS;
  const completions: Promise<unknown>[] = [];
  await inParallel(n, 8, async (i) => {
    completions[i] = (await worker.start(from + i, firstDue + i * spacingMs)).done;
  });
  await withTimeout(Promise.all(completions), firstDue + n * spacingMs + COMPLETION_GRACE_MS - Date.now());
}

/** A workflow's result, marked handled at once: it is awaited only once the whole window has started. */
function completion(result: Promise<unknown>): { done: Promise<unknown> } {
  result.catch(() => undefined);
  return { done: result };
}

/** A checkout as the lateness section starts it: asleep in its start delay until reminder 1 falls due. */
async function startCheckoutDue(client: Client, taskQueue: string, checkoutId: string, dueAt: number) {
  const afterS = Math.ceil((dueAt - Date.now()) / 1000) + 1;
  const key = `${checkoutId}@bench.example.com`;
  const policy = latenessPolicy();
  const input = recoveryInput(checkoutId, {
    email: key,
    customerId: `cust-${checkoutId}`,
    schedule: [{ after: `${afterS}s` }],
    lastActivityAt: dueAt - afterS * 1000,
    ...(policy && { policy }),
  });
  await startCheckout(client, taskQueue, input);
  return completion(client.workflow.getHandle(workflowIdFor(checkoutId)).result());
}

async function startColdBaseline(client: Client, taskQueue: string, key: string, dueAt: number) {
  const workflowId = await startBaseline(client, taskQueue, { key, dueAt }, 'cold');
  return completion(client.workflow.getHandle(workflowId).result());
}
