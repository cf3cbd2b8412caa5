// `npm run bench`: the six benchmarks on the real stack, printed as a table and written as JSON to
// bench/results/. The defaults fit about five minutes on a busy 2-core machine (the dev server
// starts roughly 60-80 checkouts/s there), plus under three for the races. BENCH_LONG=1 runs the
// large sizes; BENCH_LATENESS_N, BENCH_LATENESS_RATES, BENCH_MEMORY_SIZES, BENCH_RACES_N,
// BENCH_RACES_RATE, BENCH_SEND_N set sizes; BENCH_RACES_CONFIRMATION=off runs the races without order
// confirmations; BENCH_ONLY=actions,starts,send,lateness,memory,races picks sections. The section
// `instructions` (valgrind's callgrind; BENCH_INSTRUCTIONS_N, _SPACING_MS, _WARMUP) runs only
// when named there: it takes about ten minutes.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { benchActions } from './actions/actions-bench';
import { benchInstructions } from './instructions/instructions-bench';
import { benchLateness } from './lateness/lateness-bench';
import { benchMemory } from './memory/memory-bench';
import { benchRaces } from './races/races-bench';
import { type BenchResults, formatReport } from './report';
import { benchSend } from './send/send-bench';
import { benchStarts } from './starts/starts-bench';
import { cpuTimes, describeLoad, loadBetween } from './support/machine-load';

const LONG = process.env.BENCH_LONG === '1';
const SECTIONS = (process.env.BENCH_ONLY || 'actions,starts,send,lateness,memory,races')
  .split(',')
  .map((s) => s.trim());
const RESULTS_DIR = join(__dirname, '..', '..', 'bench', 'results');

function listEnv(name: string): number[] | undefined {
  const raw = process.env[name];
  return raw ? raw.split(',').map((s) => positive(name, s)) : undefined;
}
function numberEnv(name: string): number | undefined {
  const raw = process.env[name];
  return raw ? positive(name, raw) : undefined;
}
function onOffEnv(name: string, fallback: boolean): boolean {
  const raw = process.env[name]?.trim();
  if (!raw) return fallback;
  if (raw !== 'on' && raw !== 'off') throw new Error(`${name}: "${raw}" is neither on nor off`);
  return raw === 'on';
}
function positive(name: string, text: string): number {
  const n = Number(text.trim());
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name}: "${text}" is not a positive integer`);
  return n;
}

const SIZES = {
  starts: {
    concurrencies: LONG ? [10, 25, 50] : [10, 50],
    durationMs: LONG ? 20_000 : 10_000,
    // 100/s is the target; 30/s is a load this dev server sustains, to see the API's own latency.
    pacedRates: LONG ? [100, 30] : [100],
    pacedConcurrency: 10,
  },
  send: numberEnv('BENCH_SEND_N') ?? (LONG ? 6_000 : 1_500),
  lateness: {
    count: numberEnv('BENCH_LATENESS_N') ?? (LONG ? 10_000 : 250),
    rates: listEnv('BENCH_LATENESS_RATES') ?? [25, 50, 100],
  },
  memory: listEnv('BENCH_MEMORY_SIZES') ?? (LONG ? [1_000, 10_000, 100_000] : [1_000, 2_000]),
  instructions: {
    count: numberEnv('BENCH_INSTRUCTIONS_N') ?? 40,
    spacingMs: numberEnv('BENCH_INSTRUCTIONS_SPACING_MS') ?? 3_000,
    warmupCount: numberEnv('BENCH_INSTRUCTIONS_WARMUP') ?? 40,
  },
  races: {
    count: numberEnv('BENCH_RACES_N') ?? (LONG ? 5_000 : 1_000),
    rate: numberEnv('BENCH_RACES_RATE') ?? 10,
    orderConfirmation: onOffEnv('BENCH_RACES_CONFIRMATION', true),
  },
};

async function main(): Promise<void> {
  // The AWS SDK's notice that it will need Node 22 from 2027 (Node here is 20): once is enough.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  Runtime.install({
    logger: new DefaultLogger('WARN'),
    telemetryOptions: { logging: { filter: { core: 'WARN', other: 'WARN' } } },
  });
  const results: BenchResults = {
    startedAt: new Date().toISOString(),
    long: LONG,
    seconds: {},
    machine: {},
    errors: {},
  };
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = join(RESULTS_DIR, `bench-${results.startedAt.replace(/[:.]/g, '-')}.json`);
  const save = () => writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  // A failed section is recorded and the others still run; results are saved after each one.
  const timed = async <T>(name: string, fn: () => Promise<T>): Promise<T | undefined> => {
    if (!SECTIONS.includes(name)) return undefined;
    const began = Date.now();
    const cpuBefore = cpuTimes();
    console.log(`bench: ${name}…`);
    try {
      return await fn();
    } catch (err) {
      results.errors[name] = err instanceof Error ? err.message : String(err);
      console.error(`bench: ${name} failed: ${results.errors[name]}`);
      return undefined;
    } finally {
      results.seconds[name] = Math.round((Date.now() - began) / 1000);
      const load = loadBetween(cpuBefore, cpuTimes());
      if (load) results.machine[name] = load;
      console.log(`bench: ${name} took ${results.seconds[name]} s (${describeLoad(load)})`);
    }
  };
  results.actions = await timed('actions', benchActions);
  save();
  results.starts = await timed('starts', () => benchStarts(SIZES.starts));
  save();
  results.send = await timed('send', () => benchSend(SIZES.send, console.log));
  save();
  results.lateness = await timed('lateness', () =>
    benchLateness(SIZES.lateness.count, SIZES.lateness.rates, console.log),
  );
  save();
  results.instructions = await timed('instructions', () => benchInstructions(SIZES.instructions, console.log));
  save();
  results.memory = await timed('memory', () => benchMemory(SIZES.memory, console.log));
  save();
  results.races = await timed('races', () => benchRaces(SIZES.races, console.log));
  save();

  console.log(`\n${formatReport(results)}`);
  console.log(`results: ${file}`);
  if (Object.keys(results.errors).length > 0) process.exitCode = 1;
}

main().then(
  () => process.exit(),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
