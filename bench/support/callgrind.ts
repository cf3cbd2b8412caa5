// Instructions a process executes, counted by valgrind's callgrind: the same count for the same work
// however fast or busy the host is. On this VM a build's CPU time per reminder moves by 40% within an
// hour while steal stays under 1%, so a CPU-time ratio of two workers measured minutes apart cannot
// settle a 1.5x target; an instruction count can (it weighs no cache misses or stalls: a proxy of CPU
// time, not a stopwatch). A process runs under callgrind with counting off, so its start-up costs a
// fraction of the counted slowdown (about 65x); `instructionsDuring` counts one window of its life.
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A command to run a process under: `command ...args node script`. */
export interface Wrapper {
  command: string;
  args: string[];
  /** Flags for node itself, after the wrapper's. */
  nodeArgs?: string[];
}

/**
 * V8 with its garbage collection and compilation on the main thread and its heap growth on a fixed
 * schedule instead of timers and background threads: otherwise when a major collection falls decides
 * the count (three runs of 20 reminders read 0.48x, 0.61x and 2.23x for one build; with these two
 * flags 1.62x and 1.43x, the floor's own count 32.6 and 33.1 M).
 */
const PREDICTABLE_V8 = ['--single-threaded', '--predictable-gc-schedule'];

/**
 * Runs the process under callgrind, counting nothing until `startCounting`. Dumps land beside
 * `outPrefix` as `<outPrefix>.<pid>.<n>`. `--smc-check=all-non-file`: V8 writes machine code into
 * its heap at run time, and valgrind must notice code that changes where no file backs it.
 */
export function callgrindWrapper(outPrefix: string): Wrapper {
  return {
    command: 'valgrind',
    args: [
      '--tool=callgrind',
      '--instr-atstart=no',
      '--smc-check=all-non-file',
      `--callgrind-out-file=${outPrefix}.%p`,
    ],
    nodeArgs: PREDICTABLE_V8,
  };
}

/** Whether valgrind can be run here (it is on every machine kind of this workplace, not everywhere). */
export async function callgrindAvailable(): Promise<boolean> {
  try {
    await run('valgrind', ['--version']);
    return true;
  } catch {
    return false;
  }
}

/** callgrind_control exits 0 whatever happened; only its "OK." says the process took the command. */
async function control(pid: number, ...args: string[]): Promise<void> {
  const { stdout, stderr } = await run('callgrind_control', [...args, String(pid)]);
  if (!/^\s*OK\.?\s*$/m.test(stdout)) {
    throw new Error(`callgrind_control ${args.join(' ')} ${pid} failed: ${`${stdout}${stderr}`.trim()}`);
  }
}

/** From here on, the process's instructions are counted (every thread's, garbage collection included). */
export function startCounting(pid: number): Promise<void> {
  return control(pid, '--instr=on');
}

/** The instructions `pid` executed while `during` ran (counters zeroed before, dumped after). */
export async function instructionsDuring<T>(
  pid: number,
  outPrefix: string,
  during: () => Promise<T>,
): Promise<{ result: T; instructions: number; dump: string }> {
  await control(pid, '--zero');
  const result = await during();
  const before = dumpsOf(outPrefix, pid).length;
  await control(pid, '--dump');
  const dumps = dumpsOf(outPrefix, pid);
  if (dumps.length <= before) throw new Error(`callgrind wrote no dump for pid ${pid} beside ${outPrefix}`);
  const dump = dumps[dumps.length - 1] as string;
  return { result, instructions: totalOf(readFileSync(dump, 'utf8')), dump };
}

/**
 * Instructions spent in each named function and everything it called (callgrind_annotate's inclusive
 * cost; 0 when the function never ran). Keys are labels, values the start of a function's name.
 */
export async function inclusiveCosts(dump: string, functions: Record<string, string>): Promise<Record<string, number>> {
  const { stdout } = await run('callgrind_annotate', ['--inclusive=yes', '--threshold=100', dump], {
    maxBuffer: 256 * 1024 * 1024,
  });
  return Object.fromEntries(Object.entries(functions).map(([label, name]) => [label, inclusiveOf(stdout, name)]));
}

/** From callgrind_annotate's lines, `  81,638,908 ( 7.71%)  ???:name(args) [object]`, the first with `name`. */
export function inclusiveOf(annotated: string, name: string): number {
  for (const line of annotated.split('\n')) {
    const m = /^\s*([\d,]+)\s+\([\s\d.]+%\)\s+\S*?:(.*)$/.exec(line);
    if (m?.[1] && m[2]?.startsWith(name)) return Number(m[1].replaceAll(',', ''));
  }
  return 0;
}

/** This process's numbered dumps, oldest first (the unnumbered file is the one written at exit). */
function dumpsOf(outPrefix: string, pid: number): string[] {
  const dir = dirname(outPrefix);
  const stem = `${basename(outPrefix)}.${pid}.`;
  return readdirSync(dir)
    .filter((f) => f.startsWith(stem) && /^\d+$/.test(f.slice(stem.length)))
    .sort((a, b) => Number(a.slice(stem.length)) - Number(b.slice(stem.length)))
    .map((f) => join(dir, f));
}

/** The dump's total of its first event, instructions executed (Ir): `totals:` or, failing that, `summary:`. */
export function totalOf(dump: string): number {
  const line = /^totals:\s+(\d+)/m.exec(dump) ?? /^summary:\s+(\d+)/m.exec(dump);
  if (!line?.[1]) throw new Error('callgrind dump without a totals or summary line');
  return Number(line[1]);
}
