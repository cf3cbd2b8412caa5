// The bench's instruction counter (bench/support/callgrind.ts) on a known workload: a process under
// callgrind that does one fixed unit of work per signal. Twice the work must count about twice the
// instructions, and a window without work next to nothing; a dump's total is read from its text.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  callgrindAvailable,
  callgrindWrapper,
  inclusiveOf,
  instructionsDuring,
  startCounting,
  totalOf,
} from '../../bench/support/callgrind';
import { type NodeChild, sleep, spawnNode } from '../../bench/support/processes';

const FIXTURE = join(__dirname, 'support', 'work-on-signal.js');
// Under callgrind node starts in seconds with counting off; a counted unit takes about one.
const READY_TIMEOUT_MS = 120_000;
const UNIT_TIMEOUT_MS = 60_000;

test('a dump’s instruction total is read from its totals line, or its summary line', () => {
  assert.equal(totalOf('events: Ir\nsummary: 1092688\ntotals: 1092703\n'), 1092703);
  assert.equal(totalOf('events: Ir\nsummary: 42\n'), 42);
  assert.throws(() => totalOf('events: Ir\n'), /without a totals or summary line/);
});

test('a function’s inclusive cost is read from callgrind_annotate’s line for it, 0 when it never ran', () => {
  const annotated = [
    '1,058,953,132 (100.0%)  PROGRAM TOTALS',
    '   81,638,908 ( 7.71%)  ???:tonic::codec::compression::compress [/x/index.node]',
    '    7,866,800 ( 0.74%)  ./zlib/deflate.c:deflateInit2_ [/usr/bin/node]',
  ].join('\n');
  assert.equal(inclusiveOf(annotated, 'tonic::codec::compression::compress'), 81_638_908);
  assert.equal(inclusiveOf(annotated, 'deflateInit2_'), 7_866_800);
  assert.equal(inclusiveOf(annotated, 'v8::internal::Heap::CollectGarbage('), 0);
});

test('counts twice the instructions for twice the work, and next to none while idle', async (t) => {
  // valgrind is on every machine kind of this workplace; elsewhere the test reports itself skipped.
  if (!(await callgrindAvailable())) return t.skip('valgrind is not installed');
  const dir = mkdtempSync(join(tmpdir(), 'callgrind-test-'));
  const outPrefix = join(dir, 'cg');
  let child: NodeChild | undefined;
  try {
    child = await spawnNode(
      'work-on-signal',
      FIXTURE,
      process.env,
      (out) => out.includes('ready'),
      READY_TIMEOUT_MS,
      callgrindWrapper(outPrefix),
    );
    const worker = child;
    // Counted from its own output, not the tail the handle keeps (its last 30 lines).
    let done = 0;
    worker.process.stdout?.on('data', (d: Buffer) => {
      done += d
        .toString()
        .split('\n')
        .filter((l) => l.startsWith('done ')).length;
    });
    const units = async (n: number) => {
      for (let i = 0; i < n; i++) {
        const before = done;
        const deadline = Date.now() + UNIT_TIMEOUT_MS;
        worker.process.kill('SIGUSR2');
        while (done === before) {
          if (worker.process.exitCode !== null) throw new Error(`the worker exited: ${worker.tail()}`);
          if (Date.now() > deadline) throw new Error(`no unit done within ${UNIT_TIMEOUT_MS} ms`);
          await sleep(20);
        }
      }
    };
    await startCounting(worker.pid);
    await units(3); // the JIT compiles the loop during the first units: not counted
    const one = await instructionsDuring(worker.pid, outPrefix, () => units(1));
    const two = await instructionsDuring(worker.pid, outPrefix, () => units(2));
    const idle = await instructionsDuring(worker.pid, outPrefix, () => sleep(200));
    // Two million turns of a loop body of several instructions each.
    assert.ok(one.instructions > 4_000_000, `one unit: ${one.instructions} instructions`);
    const ratio = two.instructions / one.instructions;
    t.diagnostic(`one unit ${one.instructions}, two ${two.instructions}, idle ${idle.instructions} instructions`);
    assert.ok(
      ratio > 1.95 && ratio < 2.05,
      `two units / one unit = ${ratio.toFixed(3)} (${two.instructions} / ${one.instructions}, idle ${idle.instructions})`,
    );
    assert.ok(idle.instructions < one.instructions / 20, `idle ${idle.instructions} vs a unit's ${one.instructions}`);
  } finally {
    await child?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
