// Where a worker process's CPU went, by thread (Linux /proc/<pid>/task): the main JavaScript thread
// (activities, the payload codec, the SDK's JavaScript side), the other Node threads (the workflow
// sandbox's worker thread, V8's collector and compiler helpers, libuv's pool) and the SDK core's
// Rust threads (gRPC, state machines). A total alone cannot say which side of a reminder grew.
import { readdirSync, readFileSync } from 'node:fs';
import { round } from './percentiles';
import { cpuMsOfStat } from './processes';

/**
 * The SDK core's Rust threads (names as the kernel keeps them, 15 characters). Node's own threads are
 * named `node` up to Node 23.7 and `MainThread`, `WorkerThread`, `V8Worker`, `libuv-worker` since:
 * everything not the core's counts as Node's.
 */
const CORE_THREAD = /^(tokio-runtime-w|workflow-proces|temporal-)/;

/** CPU ms per thread id so far, with the thread's name, for one process. */
export type ThreadCpu = Map<string, { name: string; ms: number }>;

/** CPU ms per reminder (or whatever unit) of one window, by kind of thread. */
export interface ThreadSplit {
  main: number;
  /** The busiest of the other Node threads: with one workflow thread, usually the workflow sandbox. */
  busiestOtherNode: number;
  /** The rest of the Node threads (V8 helpers, libuv, more workflow threads). */
  restOfNode: number;
  /** The SDK core's Rust threads: its Tokio runtime and its workflow processing. */
  core: number;
}

/** `pid`'s threads now; a thread that ended since is simply absent. */
export function threadCpu(pid: number): ThreadCpu {
  const threads: ThreadCpu = new Map();
  let tids: string[];
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {
    return threads; // the process is gone
  }
  for (const tid of tids) {
    try {
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      threads.set(tid, { name, ms: cpuMsOfStat(stat) });
    } catch {
      // the thread ended between the listing and the read
    }
  }
  return threads;
}

/** What each kind of thread of `pid` spent between two readings, divided by `per`. */
export function splitOf(pid: number, before: ThreadCpu, after: ThreadCpu, per: number): ThreadSplit {
  const split: ThreadSplit = { main: 0, busiestOtherNode: 0, restOfNode: 0, core: 0 };
  const otherNode: number[] = [];
  for (const [tid, { name, ms }] of after) {
    // A thread id reused by a new thread between the readings must not count negative.
    const spent = Math.max(0, ms - (before.get(tid)?.ms ?? 0));
    if (tid === String(pid)) split.main += spent;
    else if (CORE_THREAD.test(name)) split.core += spent;
    else otherNode.push(spent);
  }
  otherNode.sort((a, b) => b - a);
  split.busiestOtherNode = otherNode[0] ?? 0;
  split.restOfNode = otherNode.slice(1).reduce((a, b) => a + b, 0);
  return {
    main: round(split.main / per, 2),
    busiestOtherNode: round(split.busiestOtherNode / per, 2),
    restOfNode: round(split.restOfNode / per, 2),
    core: round(split.core / per, 2),
  };
}

/** Several processes' splits added up (the workers of one task queue). */
export function sumSplits(splits: ThreadSplit[]): ThreadSplit {
  const sum = (k: keyof ThreadSplit) =>
    round(
      splits.reduce((a, s) => a + s[k], 0),
      2,
    );
  return {
    main: sum('main'),
    busiestOtherNode: sum('busiestOtherNode'),
    restOfNode: sum('restOfNode'),
    core: sum('core'),
  };
}
