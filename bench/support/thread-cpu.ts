// Where a worker process's CPU went, by thread (Linux /proc/<pid>/task): the main JavaScript thread
// (activities, the payload codec, the SDK's JavaScript side), the other Node threads (the workflow
// sandbox's worker thread, V8's collector and compiler helpers, libuv's pool) and the SDK core's
// Rust threads (gRPC, state machines). A total alone cannot say which side of a reminder grew.
import { readdirSync, readFileSync } from 'node:fs';

// Linux reports CPU time in clock ticks of 1/100 s (USER_HZ) on every common build.
const TICKS_PER_SECOND = 100;
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
      // Fields after the parenthesised name: utime is field 14, stime 15 (indexes 11 and 12 here).
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      threads.set(tid, { name, ms: ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND });
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
  const round = (ms: number) => Math.round((ms / per) * 100) / 100;
  return {
    main: round(split.main),
    busiestOtherNode: round(split.busiestOtherNode),
    restOfNode: round(split.restOfNode),
    core: round(split.core),
  };
}

/** Several processes' splits added up (the workers of one task queue). */
export function sumSplits(splits: ThreadSplit[]): ThreadSplit {
  const sum = (k: keyof ThreadSplit) => Math.round(splits.reduce((a, s) => a + s[k], 0) * 100) / 100;
  return {
    main: sum('main'),
    busiestOtherNode: sum('busiestOtherNode'),
    restOfNode: sum('restOfNode'),
    core: sum('core'),
  };
}
