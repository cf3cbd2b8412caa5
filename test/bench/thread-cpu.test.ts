import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Worker } from 'node:worker_threads';
import { cpuMs } from '../../bench/support/processes';
import { splitOf, sumSplits, type ThreadCpu, threadCpu } from '../../bench/support/thread-cpu';

const SPIN_CPU_MS = 300;
const DEADLINE_MS = 30_000;

/**
 * Spins until this process has used SPIN_CPU_MS more of CPU (by /proc/<pid>/stat, not the code under
 * test): work, not wall time, so a loaded machine only makes it take longer.
 */
function spinMainThread(): number {
  const start = cpuMs(process.pid);
  const deadline = Date.now() + DEADLINE_MS;
  while (cpuMs(process.pid) - start < SPIN_CPU_MS && Date.now() < deadline) {
    for (let i = 0; i < 100_000; i++) Math.sqrt(i); // keep the /proc reads a small share
  }
  return cpuMs(process.pid) - start;
}

// A worker thread that, asked to, spins until its own thread has used SPIN_CPU_MS more of CPU, then
// tells its thread id and what it spent, and idles until terminated.
const SPINNER = `
const { parentPort } = require('node:worker_threads');
const { readFileSync } = require('node:fs');
const own = () => { const stat = readFileSync('/proc/thread-self/stat', 'utf8'); const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { tid: stat.slice(0, stat.indexOf(' ')), ms: (Number(f[11]) + Number(f[12])) * 10 }; };
parentPort.once('message', () => {
  const start = own().ms; const deadline = Date.now() + ${DEADLINE_MS};
  while (own().ms - start < ${SPIN_CPU_MS} && Date.now() < deadline) for (let i = 0; i < 100000; i++) Math.sqrt(i);
  parentPort.postMessage({ tid: own().tid, spent: own().ms - start });
});
setInterval(() => {}, 60000); // alive until terminated: a thread that ended is not listed`;

describe('worker CPU by thread', () => {
  it('puts work on the main thread under main', () => {
    const before = threadCpu(process.pid);
    const spent = spinMainThread();
    const split = splitOf(process.pid, before, threadCpu(process.pid), 1);
    assert.ok(spent >= SPIN_CPU_MS, `the spin used ${spent} ms`);
    assert.ok(split.main >= 0.7 * spent, `main ${split.main} of ${spent} ms`);
    assert.ok(split.busiestOtherNode + split.restOfNode + split.core < 0.3 * spent, JSON.stringify(split));
  });

  it('puts work in a worker thread under the busiest other Node thread, not the core', async () => {
    const worker = new Worker(SPINNER, { eval: true });
    try {
      await new Promise((resolve) => worker.once('online', resolve));
      const before = threadCpu(process.pid);
      worker.postMessage('spin');
      const { tid, spent } = await new Promise<{ tid: string; spent: number }>((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
      });
      const after = threadCpu(process.pid);
      assert.ok(after.has(tid), `thread ${tid} listed`);
      const split = splitOf(process.pid, before, after, 1);
      assert.ok(spent >= SPIN_CPU_MS, `the worker used ${spent} ms`);
      assert.ok(split.busiestOtherNode >= 0.8 * spent, `busiest other ${split.busiestOtherNode} of ${spent} ms`);
      assert.ok(split.main < 0.5 * spent, `main ${split.main} ms while it waited`);
      assert.ok(split.core < 0.2 * spent, `core ${split.core} ms: a Node thread counted as the SDK core's`);
    } finally {
      await worker.terminate();
    }
  });

  it("lists this process: its main thread and Node's others; a process that does not exist has none", () => {
    const threads = threadCpu(process.pid);
    assert.ok(threads.has(String(process.pid)), 'the main thread');
    assert.ok(threads.size > 1, 'V8 and libuv threads besides the main one');
    assert.equal(threadCpu(2 ** 22 + 1).size, 0);
  });

  it('divides by the unit, leaves out threads that ended, counts new ones from zero, names as Node 20 or 24 does', () => {
    const before: ThreadCpu = new Map([
      ['100', { name: 'node', ms: 1_000 }],
      ['101', { name: 'node', ms: 500 }],
      ['102', { name: 'tokio-runtime-w', ms: 200 }],
      ['103', { name: 'node', ms: 50 }],
      ['106', { name: 'node', ms: 90 }],
    ]);
    const after: ThreadCpu = new Map([
      ['100', { name: 'MainThread', ms: 1_400 }],
      ['101', { name: 'WorkerThread', ms: 700 }],
      ['102', { name: 'tokio-runtime-w', ms: 300 }],
      ['104', { name: 'V8Worker', ms: 60 }],
      ['105', { name: 'workflow-proces', ms: 20 }],
      ['106', { name: 'libuv-worker', ms: 10 }], // the id of an ended thread, reused: not negative
    ]);
    assert.deepEqual(splitOf(100, before, after, 10), { main: 40, busiestOtherNode: 20, restOfNode: 6, core: 12 });
    assert.deepEqual(
      sumSplits([
        { main: 1, busiestOtherNode: 2, restOfNode: 3, core: 4 },
        { main: 0.5, busiestOtherNode: 0.25, restOfNode: 0, core: 1 },
      ]),
      { main: 1.5, busiestOtherNode: 2.25, restOfNode: 3, core: 5 },
    );
  });
});
