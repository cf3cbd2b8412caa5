Object.defineProperty(exports, '__esModule', { value: true });
exports.benchLateness = benchLateness;
// 3. Reminder lateness: N checkouts asleep, their reminders falling due at a steady R per second;
// lateness = arrival at the SES endpoint (stamped to the ms by a pass-through in front of the
// local SES inbox) minus the due time. Baseline: N minimal workflows (sleep, then an activity that
// reports its arrival to the same recorder) on their own worker, same rate, same machine.
//
// Per rate, both sets are started together and fall asleep; then the baseline's due window runs,
// a gap, then the checkouts' window of the same length.
const node_path_1 = require('node:path');
const messages_1 = require('../../common/messages');
const bench_stack_1 = require('../support/bench-stack');
const checkout_starts_1 = require('../support/checkout-starts');
const first_tasks_1 = require('../support/first-tasks');
const local_ses_1 = require('../support/local-ses');
const percentiles_1 = require('../support/percentiles');
const processes_1 = require('../support/processes');
const ses_recorder_1 = require('../support/ses-recorder');
const BASELINE_WORKER = (0, node_path_1.join)(__dirname, 'baseline-worker.js');
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
async function benchLateness(count, rates, log) {
  const stack = await bench_stack_1.BenchStack.start('lateness');
  const realQueue = `bench-late-${(0, checkout_starts_1.runId)()}`;
  const baseQueue = `bench-late-base-${(0, checkout_starts_1.runId)()}`;
  let recorder;
  try {
    const ses = await (0, local_ses_1.startLocalSes)();
    stack.track(ses.child);
    recorder = await (0, ses_recorder_1.startSesRecorder)(ses.url);
    const rec = recorder;
    const realWorkers = await stack.startWorkers(realQueue, rec.url);
    const baseWorker = await stack.spawn(
      'baseline worker',
      BASELINE_WORKER,
      { TASK_QUEUE: baseQueue, RECORDER_URL: rec.url },
      (out) => out.includes('baseline worker polling'),
    );
    const runs = [];
    let readyRate = INITIAL_READY_RATE;
    for (const rate of rates) {
      const planAt = Date.now();
      const windowMs = (count * 1000) / rate;
      const firstDue = planAt + ((2 * count) / readyRate) * 1000 * READY_MARGIN + SETTLE_MS;
      const realFirstDue = firstDue + windowMs + GAP_MS;
      // One schedule offset for every checkout, so every lastActivityAt lies before the first start.
      const afterS = Math.ceil((realFirstDue + windowMs - planAt) / 1000) + 1;
      const tag = (0, checkout_starts_1.runId)();
      const base = newBatch();
      const real = newBatch();
      const startMs = await (0, checkout_starts_1.inParallel)(2 * count, START_CONCURRENCY, async (j) => {
        const i = j >> 1;
        if (j % 2 === 0) {
          const key = `base-${tag}-${i}`;
          const dueAt = Math.round(firstDue + (i * 1000) / rate);
          add(base, i, key, dueAt, await startBaseline(stack.client, baseQueue, { key, dueAt }));
        } else {
          const checkoutId = `late-${tag}-${i}`;
          const key = `${checkoutId}@bench.example.com`;
          const dueAt = Math.round(realFirstDue + (i * 1000) / rate);
          const lastActivityAt = dueAt - afterS * 1000;
          const schedule = [{ after: `${afterS}s` }];
          await (0, checkout_starts_1.startCheckout)(
            stack.client,
            realQueue,
            (0, checkout_starts_1.recoveryInput)(checkoutId, { email: key, schedule, lastActivityAt }),
          );
          add(real, i, key, dueAt, (0, messages_1.workflowIdFor)(checkoutId));
        }
      });
      await (0, first_tasks_1.waitForFirstTasks)(stack.client, base.workflowIds);
      await (0, first_tasks_1.waitForFirstTasks)(stack.client, real.workflowIds);
      const readyMs = Date.now() - planAt;
      readyRate = ((2 * count) / readyMs) * 1000;
      const lateStart = Date.now() > firstDue;
      log(
        `  ${rate}/s: ${2 * count} started in ${(startMs / 1000).toFixed(1)} s, asleep after ${(readyMs / 1000).toFixed(1)} s, ` +
          `${((firstDue - Date.now()) / 1000).toFixed(1)} s before the first due time`,
      );
      const baseline = await collect(rec, base, [baseWorker.pid], stack.serverPid);
      const baselineTail = Math.max(...base.keys.map((k) => rec.arrivals.get(k) ?? 0));
      const reminders = await collect(
        rec,
        real,
        realWorkers.map((w) => w.pid),
        stack.serverPid,
      );
      runs.push({ rate, count, reminders, baseline, overlapped: lateStart || baselineTail > realFirstDue });
    }
    return runs;
  } finally {
    await recorder?.close();
    await stack.stop();
  }
}
const newBatch = () => ({ keys: [], dueAt: [], workflowIds: [] });
function add(batch, i, key, dueAt, workflowId) {
  batch.keys[i] = key;
  batch.dueAt[i] = dueAt;
  batch.workflowIds[i] = workflowId;
}
async function startBaseline(client, taskQueue, input) {
  const workflowId = `bench-baseline-${input.key}`;
  await client.workflow.start('sleepThenReport', { taskQueue, workflowId, args: [input] });
  return workflowId;
}
/** Waits for the batch's arrivals (bounded), then its lateness and the CPU the window cost. */
async function collect(recorder, batch, workers, server) {
  const cpuBefore = [(0, processes_1.cpuMsOf)(workers), (0, processes_1.cpuMs)(server)];
  const deadline = Math.max(...batch.dueAt) + ARRIVAL_GRACE_MS;
  while (Date.now() < deadline && batch.keys.some((k) => !recorder.arrivals.has(k))) await (0, processes_1.sleep)(200);
  const n = batch.keys.length;
  const late = batch.keys.map((k, i) => {
    const at = recorder.arrivals.get(k);
    return at === undefined ? undefined : at - batch.dueAt[i];
  });
  const arrived = late.filter((l) => l !== undefined);
  const fifth = Math.ceil(n / 5);
  const p50ByFifth = [0, 1, 2, 3, 4].map(
    (f) => (0, percentiles_1.distribution)(late.slice(f * fifth, (f + 1) * fifth).filter((l) => l !== undefined)).p50,
  );
  return {
    ...(0, percentiles_1.distribution)(arrived),
    missing: n - arrived.length,
    p50ByFifth,
    workerCpuMs: (0, percentiles_1.round)(((0, processes_1.cpuMsOf)(workers) - cpuBefore[0]) / n, 2),
    serverCpuMs: (0, percentiles_1.round)(((0, processes_1.cpuMs)(server) - cpuBefore[1]) / n, 2),
  };
}
//# sourceMappingURL=lateness-bench.js.map
