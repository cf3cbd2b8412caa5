import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Worker } from 'node:worker_threads';
import { splitOf, sumSplits, type ThreadCpu, threadCpu } from '../../bench/support/thread-cpu';

const burnMainFor = (ms: number) => {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // spin: CPU on this thread only
  }
};

describe('worker CPU by thread', () => {
  it('puts a spin on the main thread under main, and one in a worker thread under the busiest other Node thread', async () => {
    const worker = new Worker('setInterval(() => {}, 1000)', { eval: true }); // lives across both readings
    try {
      await new Promise((r) => worker.once('online', r));
      const before = threadCpu(process.pid);
      burnMainFor(300);
      const mainOnly = splitOf(process.pid, before, threadCpu(process.pid), 1);
      assert.ok(mainOnly.main >= 200, `main ${mainOnly.main} ms after a 300 ms spin`);
      assert.ok(mainOnly.busiestOtherNode < 100, `other threads ${mainOnly.busiestOtherNode} ms while only main spun`);

      // The spinning worker must still be listed at the second reading: read it while it spins.
      const spinner = new Worker('const until = performance.now() + 400; while (performance.now() < until) {}', {
        eval: true,
      });
      const mid = threadCpu(process.pid);
      await new Promise((r) => setTimeout(r, 300));
      const during = splitOf(process.pid, mid, threadCpu(process.pid), 1);
      await new Promise((r) => spinner.once('exit', r));
      assert.ok(during.busiestOtherNode >= 150, `busiest other ${during.busiestOtherNode} ms while a worker spun`);
      assert.ok(during.main < 100, `main ${during.main} ms while it waited`);
    } finally {
      await worker.terminate();
    }
  });

  it('names threads as /proc does: this process has its main thread and Node threads', () => {
    const threads = threadCpu(process.pid);
    assert.equal(threads.get(String(process.pid))?.name, 'node');
    assert.ok(threads.size > 1, 'V8 and libuv threads besides the main one');
    assert.equal(threadCpu(2 ** 22 + 1).size, 0, 'a process that does not exist has no threads');
  });

  it('divides by the unit, leaves out threads that ended, and counts new threads from zero', () => {
    const before: ThreadCpu = new Map([
      ['100', { name: 'node', ms: 1_000 }],
      ['101', { name: 'node', ms: 500 }],
      ['102', { name: 'tokio-runtime-w', ms: 200 }],
      ['103', { name: 'node', ms: 50 }],
    ]);
    const after: ThreadCpu = new Map([
      ['100', { name: 'node', ms: 1_400 }],
      ['101', { name: 'node', ms: 700 }],
      ['102', { name: 'tokio-runtime-w', ms: 300 }],
      ['104', { name: 'node', ms: 60 }],
      ['105', { name: 'workflow-proces', ms: 20 }],
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
