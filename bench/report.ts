// The bench's printed table: one block per section, each figure beside its baseline.
import type { PathActions } from './actions/actions-bench';
import { PRICE_SOURCE } from './actions/billing-rules';
import { type InstructionsRun, JIT, type WorkerInstructions } from './instructions/instructions-bench';
import type { LatenessRun } from './lateness/lateness-bench';
import type { MemoryRow, MemorySample } from './memory/memory-bench';
import type { RacesRun } from './races/races-bench';
import type { SendRun } from './send/send-bench';
import type { StartsRow } from './starts/starts-bench';
import { describeLoad, type MachineLoad } from './support/machine-load';
import type { ThreadSplit } from './support/thread-cpu';

export interface BenchResults {
  startedAt: string;
  long: boolean;
  seconds: Record<string, number>;
  /** How busy the machine was during each section, and how much the host took back. */
  machine: Record<string, MachineLoad>;
  /** Sections that failed, with the error. */
  errors: Record<string, string>;
  actions?: PathActions[];
  starts?: StartsRow[];
  send?: SendRun;
  lateness?: LatenessRun[];
  instructions?: InstructionsRun;
  memory?: { baseline: MemorySample; rows: MemoryRow[] };
  races?: RacesRun;
}

const usd = (n: number) => `$${n.toFixed(2)}`;
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
const kib = (bytes: number) => `${(bytes / 1024).toFixed(2)} KiB`;
const pct = (n: number) => `${Math.round(n * 100)}%`;

function table(header: string[], rows: (string | number)[][]): string {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...cells.slice(1).map(line)].join('\n');
}

export function formatReport(r: BenchResults): string {
  const out: string[] = [];
  if (r.actions) {
    out.push(`1. Billable actions per checkout (${PRICE_SOURCE}); re-checks read history, not Actions`);
    out.push(
      table(
        ['path', 'confirmation', 'actions', 'baseline', 'target', 'per 1k checkouts', 'baseline per 1k', 'breakdown'],
        r.actions.map((a) => [
          a.asExpected ? a.path : `${a.path} (UNEXPECTED OUTCOME)`,
          a.orderConfirmation ? 'on' : 'off',
          a.actions,
          a.baselineActions,
          a.target === undefined ? '-' : `<= ${a.target} ${a.actions <= a.target ? 'met' : 'MISSED'}`,
          usd(a.usdPer1000),
          usd(a.baselineUsdPer1000),
          Object.entries(a.counts)
            .map(([k, v]) => `${k} ${v}`)
            .join(', '),
        ]),
      ),
    );
    out.push('   baseline: start, then sleep+send per reminder, order as a signal (+1 send with confirmation on)');
  }
  if (r.starts) {
    out.push('', '2. Starts: POST /checkouts (API) vs bare client.workflow.start (raw), same server');
    out.push(
      table(
        ['load', 'API starts/s', 'raw starts/s', 'API/raw', 'API p50/p99 ms', 'raw p50/p99 ms', 'API err', 'raw err'],
        r.starts.map((s) => [
          s.mode,
          s.api.startsPerSec.toFixed(1),
          s.raw.startsPerSec.toFixed(1),
          pct(s.ratio),
          `${s.api.latencyMs.p50}/${s.api.latencyMs.p99}`,
          `${s.raw.latencyMs.p50}/${s.raw.latencyMs.p99}`,
          s.api.errors,
          s.raw.errors,
        ]),
      ),
    );
    out.push('   targets (issue 11): API/raw >= 90% at c=10 and c=50; API p99 at the paced rate within 20 ms of raw');
    out.push('   CPU ms per start: API run (API process + Temporal server + autocannon) vs raw run (server + client)');
    out.push(
      table(
        ['load', 'API', 'server (API run)', 'autocannon', 'server (raw run)', 'raw client', 'CPU-bound ceiling'],
        r.starts.map((s) => {
          const c = s.cpuMsPerStart;
          const f = (ms: number | undefined) => (ms === undefined ? '-' : ms.toFixed(2));
          // The API/raw ratio this machine allows once its cores are the limit: every process of a run shares them.
          const ceiling = c && (c.rawServer + c.rawBench) / (c.api + c.apiServer + c.apiBench);
          const pct = ceiling === undefined ? '-' : `${Math.round(ceiling * 100)}%`;
          return [s.mode, f(c?.api), f(c?.apiServer), f(c?.apiBench), f(c?.rawServer), f(c?.rawBench), pct];
        }),
      ),
    );
    out.push(
      '   CPU-bound ceiling: raw CPU per start / API run CPU per start. On one machine the API, the server and the',
      '   load generator share the cores, so API/raw cannot pass it; an API on hosts of its own is not bound by it.',
    );
  }
  if (r.send) {
    const { activity: a, floor: f } = r.send;
    out.push(
      '',
      `2b. The send activity alone (${r.send.count} reminders, ${r.send.ledger} ledger) vs the bare SES call`,
    );
    out.push(
      table(
        ['path', 'CPU ms each', 'wall p50 ms', 'wall p99 ms'],
        [
          ['sendReminder (render, MIME, claim, SES, mark)', a.cpuMsEach, a.p50, a.p99],
          ['floor: SES SendRawEmail of a pre-built message', f.cpuMsEach, f.p50, f.p99],
        ],
      ),
    );
    out.push(
      `   the activity's own work: ${(a.cpuMsEach - f.cpuMsEach).toFixed(2)} ms CPU per reminder over the provider call`,
    );
  }
  if (r.lateness) {
    out.push('', '3. Reminder lateness at SES (ms after due): checkoutRecovery vs sleep-then-report baseline');
    out.push(
      table(
        [
          'rate/s',
          'N',
          'workflow',
          'p50',
          'p99',
          'max',
          'missing',
          'twice',
          'p50 by fifth',
          'worker/server CPU ms each',
          'note',
        ],
        r.lateness.flatMap((l) =>
          (
            [
              ['checkoutRecovery', l.reminders],
              ['baseline, warm', l.baseline],
              ...(l.coldBaseline ? ([['baseline, cold', l.coldBaseline]] as const) : []),
            ] as const
          ).map(([name, d], i) => [
            i === 0 ? l.rate : '',
            i === 0 ? l.count : '',
            name,
            d.p50,
            d.p99,
            d.max,
            d.missing,
            d.twice ?? '-',
            d.p50ByFifth.join(' '),
            `${d.workerCpuMs}/${d.serverCpuMs}`,
            i === 0 && l.overlapped ? 'start-up or baseline tail overlapped the window' : '',
          ]),
        ),
      ),
    );
    const x = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}x` : '-');
    out.push(
      '   targets (issue 11): p99 <= 1.5x the floor at each rate and < 250 ms at 50/s; worker CPU <= 1.5x the floor',
      ...r.lateness.map((l) => {
        const { reminders: c, baseline: w, coldBaseline: k } = l;
        const vs = (b: typeof w) => `p99 ${x(c.p99, b.p99)}, worker CPU ${x(c.workerCpuMs, b.workerCpuMs)}`;
        return `   ${l.rate}/s vs warm: ${vs(w)}${k ? `; vs cold: ${vs(k)}` : ''}`;
      }),
    );
    const split = r.lateness.flatMap((l) =>
      l.reminders.workerThreads && l.coldBaseline?.workerThreads
        ? [
            [l.rate, 'checkoutRecovery', ...threadColumns(l.reminders.workerThreads)],
            ['', 'baseline, cold', ...threadColumns(l.coldBaseline.workerThreads)],
          ]
        : [],
    );
    if (split.length > 0) {
      out.push(
        '   worker CPU ms per reminder by thread (Linux /proc): the main JS thread runs the activities and the codec;',
        '   the busiest other Node thread is, with one workflow thread, the workflow sandbox; core: the SDK core (Rust)',
        table(['rate/s', 'workflow', 'main', 'busiest other Node', 'rest of Node', 'core'], split),
      );
    }
  }
  if (r.instructions) out.push('', ...formatInstructions(r.instructions));
  if (r.memory) {
    const b = r.memory.baseline;
    out.push('', '4. Sleeping checkouts: growth over the idle stack, per checkout');
    out.push(
      table(
        ['checkouts', 'worker RSS', 'server RSS', 'db+wal', 'worker/co', 'server/co', 'db/co', 'start s'],
        [
          [0, mib(b.workerRss), mib(b.serverRss), mib(b.db.total), '-', '-', '-', '-'],
          ...r.memory.rows.map((m) => [
            m.checkouts,
            mib(m.workerRss),
            mib(m.serverRss),
            mib(m.db.total),
            kib(m.perCheckout.workerRss),
            kib(m.perCheckout.serverRss),
            kib(m.perCheckout.dbBytes),
            m.startSeconds.toFixed(1),
          ]),
        ],
      ),
    );
    // dbstat's view of the largest run: pages in use by table (its indexes apart), per checkout.
    const largest = r.memory.rows[r.memory.rows.length - 1];
    if (largest?.tables && largest.perCheckout.usedBytes !== undefined) {
      out.push(
        '',
        `   SQLite pages in use after ${largest.checkouts} checkouts, growth per checkout: ` +
          `${kib(largest.perCheckout.usedBytes)} in all, ${kib(largest.perCheckout.withoutVisibilityIndexes ?? 0)} ` +
          'without the visibility indexes (a production cluster keeps visibility elsewhere)',
      );
      out.push(
        table(
          ['table', 'rows/co', 'indexes/co'],
          largest.tables.slice(0, 12).map((t) => [t.table, kib(t.tableBytes), kib(t.indexBytes)]),
        ),
      );
    }
  }
  if (r.races) {
    const x = r.races;
    out.push(
      '',
      `5. Order races: ${x.count} orders at due time ±1 s, ${x.rate}/s; reminders vs the order's ack; close latency in ms` +
        ` (order confirmation ${x.orderConfirmation ? 'on' : 'off'})`,
    );
    const dist = (d: { p50: number; p99: number; max: number }) => `${d.p50}/${d.p99}/${d.max}`;
    out.push(
      table(
        [
          'design',
          'orders (err)',
          'before ack',
          'in flight at ack',
          'began after ack (after a confirmed ack)',
          'unconfirmed acks',
          'ack->close p50/p99/max',
          'signal->close p50/p99/max',
          'not closed',
          'order ack p50/p99',
          'fire lag p99',
        ],
        (
          [
            ['checkoutRecovery', x.real],
            ['baseline (no re-check)', x.baseline],
          ] as const
        ).map(([name, s]) => [
          name,
          `${s.orders} (${s.orderErrors})`,
          s.reminders.beforeAck,
          s.reminders.inFlightAtAck,
          `${s.reminders.afterAck} (${s.reminders.afterConfirmedAck})`,
          s.unconfirmed,
          dist(s.ackToCloseMs),
          dist(s.signalToCloseMs),
          s.notClosed,
          `${s.ackMs.p50}/${s.ackMs.p99}`,
          s.fireLagMs.p99,
        ]),
      ),
    );
    for (const [name, side] of [
      ['checkoutRecovery', x.real],
      ['baseline', x.baseline],
    ] as const) {
      const p = side.afterSignalMs;
      out.push(
        `   ${name}, signal->close p50 by phase: workflow task queue ${p.workflowTaskQueue.p50}, run ` +
          `${p.workflowTaskRun.p50}; activity queue ${p.activityQueue.p50}, run ${p.activityRun.p50}; ` +
          `start delay fired ${side.delayExpiry.lateMs.p50} late, picked up after ${side.delayExpiry.pickupMs.p50}`,
      );
    }
    const o = x.real.outcomes;
    if (o) {
      out.push(
        `   reminder 1: sent ${o.reminderSent}, suppressed by the re-check ${o.suppressedByRecheck}, ` +
          `never scheduled ${o.notScheduled}, unfinished ${o.reminderUnfinished}; confirmations sent ${o.confirmations}; ` +
          `orders answered "already closed" ${x.real.ordersAfterClose}`,
      );
    }
    out.push(
      `   CPU ms per checkout (baseline's included): ${Object.entries(x.cpuMsPerOrder)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}`,
    );
    out.push(`   target: 0 reminders began after the ack${x.overlapped ? '; NOTE: starts ran into the window' : ''}`);
  }
  for (const [section, error] of Object.entries(r.errors)) out.push('', `${section} FAILED: ${error}`);
  out.push('', `seconds per section: ${JSON.stringify(r.seconds)}`);
  for (const [section, load] of Object.entries(r.machine)) out.push(`machine during ${section}: ${describeLoad(load)}`);
  return out.join('\n');
}

function formatInstructions(r: InstructionsRun): string[] {
  const m = (n: number) => `${(n / 1e6).toFixed(1)} M`;
  const row = (name: string, w: WorkerInstructions) => [
    name,
    m(w.perReminder),
    m(w.warmupPerReminder),
    `${(w.idlePerSecond / 1e6).toFixed(2)} M`,
  ];
  const { checkouts: c, coldBaseline: b } = r;
  // TurboFan's share swings between runs (9-12.5 M of ours, 4-10 M of the floor's); the rest repeats.
  const outsideJit = (w: WorkerInstructions) => w.perReminder - (w.inside[JIT] ?? 0);
  return [
    `3b. Worker instructions per reminder (callgrind; ${r.count} counted after ${r.warmupCount} warm-up, one due every ${r.spacingMs} ms)`,
    table(
      ['worker', 'instructions each', 'warm-up, each', 'idle per s'],
      [row('checkoutRecovery', c), row('baseline, cold', b)],
    ),
    `   checkoutRecovery / cold floor: ${(c.perReminder / b.perReminder).toFixed(2)}x (target, issue 11: worker CPU <= 1.5x the floor)`,
    `   outside TurboFan: ${m(outsideJit(c))} / ${m(outsideJit(b))} = ${(outsideJit(c) / outsideJit(b)).toFixed(2)}x, the figure that repeats between runs`,
    ...(
      [
        ['checkoutRecovery', c],
        ['baseline', b],
      ] as const
    ).map(
      ([name, w]) =>
        `   ${name}, each, inside: ${Object.entries(w.inside)
          .map(([k, v]) => `${k} ${m(v)}`)
          .join(', ')}`,
    ),
  ];
}

/** A ThreadSplit as the lateness section's columns. */
function threadColumns(t: ThreadSplit): number[] {
  return [t.main, t.busiestOtherNode, t.restOfNode, t.core];
}
