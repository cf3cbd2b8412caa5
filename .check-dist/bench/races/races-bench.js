Object.defineProperty(exports, '__esModule', { value: true });
exports.benchRaces = benchRaces;
// 5. Order races: N checkouts whose reminder 1 falls due at known times, R per second, each ordered
// through POST /orders (the real API: signal-with-start) at its due time plus an offset drawn
// uniformly from [-1 s, +1 s]. The order counts as acknowledged when the API's 202 arrives. Every
// SendRawEmail is stamped by a pass-through in front of the local SES inbox when its request
// arrives (the SES call had begun) and when SES answered (the message was accepted). Per checkout,
// each reminder is then one of:
// - before the ack: SES had answered before the order was acknowledged (legitimate);
// - in flight at the ack: the SES call began before the ack, SES answered after it (legitimate: the
//   send had passed its re-check before the order was acknowledged);
// - after the ack: the SES call began after the order was acknowledged — the violation (target 0).
// Order confirmations are counted apart: they follow the order by design. Close latency: from the
// ack, and from the order signal's event time in history, to the workflow's close event.
//
// Baseline, same run, same window (interleaved): a minimal workflow on its own worker,
// started with the same start delay, that sends (reports an arrival to the same recorder) at once
// unless ordered — no re-check — then waits for the order and closes; ordered by a plain client
// signal at the same offsets. It shows what the re-check buys and the close latency this machine
// allows a workflow that does nothing else.
//
// Checkouts are started the way the API starts them (start delay until reminder 1), so their first
// workflow task runs at the due time; a second reminder an hour later keeps them open after
// reminder 1, so every order lands on a running workflow.
const node_path_1 = require('node:path');
const internal_non_workflow_1 = require('@temporalio/common/lib/internal-non-workflow');
const proto_1 = require('@temporalio/proto');
const messages_1 = require('../../common/messages');
const bench_stack_1 = require('../support/bench-stack');
const checkout_starts_1 = require('../support/checkout-starts');
const local_ses_1 = require('../support/local-ses');
const percentiles_1 = require('../support/percentiles');
const processes_1 = require('../support/processes');
const ses_recorder_1 = require('../support/ses-recorder');
const baseline_workflow_1 = require('./baseline-workflow');
const E = proto_1.temporal.api.enums.v1.EventType;
const BASELINE_WORKER = (0, node_path_1.join)(__dirname, 'baseline-worker.js');
const START_CONCURRENCY = 32;
// One baseline workflow per this many checkouts: enough for its figures, little extra load.
const BASELINE_EVERY = 4;
// Delayed starts run no workflow task, so the dev server takes them at about its bare start rate
// (60-80/s on a busy 2-core machine); planned at 40/s to leave room.
const PLANNED_START_RATE = 40;
// Quiet time between the last start and the first order.
const SETTLE_MS = 3_000;
// Each order lands within this much of its reminder's due time.
const MAX_OFFSET_MS = 1_000;
// Reminder 2 is never reached: it only keeps the workflow open after reminder 1.
const KEEP_OPEN_S = 3_600;
// How long after the last order a workflow may take to close before it counts as not closed.
const CLOSE_GRACE_MS = 60_000;
const HISTORY_CONCURRENCY = 8;
// Violations and in-flight sends listed in the results, each (the counts are complete).
const LISTED = 20;
async function benchRaces(options, log) {
  const { count, rate } = options;
  const stack = await bench_stack_1.BenchStack.start('races');
  const realQueue = `bench-races-${(0, checkout_starts_1.runId)()}`;
  const baseQueue = `bench-races-base-${(0, checkout_starts_1.runId)()}`;
  let recorder;
  try {
    const ses = await (0, local_ses_1.startLocalSes)();
    stack.track(ses.child);
    recorder = await (0, ses_recorder_1.startSesRecorder)(ses.url);
    const rec = recorder;
    const workers = await stack.startWorkers(realQueue, rec.url);
    const baseWorker = await stack.spawn(
      'races baseline worker',
      BASELINE_WORKER,
      { TASK_QUEUE: baseQueue, RECORDER_URL: rec.url },
      (out) => out.includes('races baseline worker polling'),
    );
    const { url: api, child: apiChild } = await stack.startApi(realQueue);
    // Both designs race in one window: a baseline workflow for every BASELINE_EVERY-th checkout, due
    // half a slot after it, ordered at the same offset, so a busy neighbour on the machine hits both
    // alike.
    const planAt = Date.now();
    const windowMs = (count * 1000) / rate;
    const baseCount = Math.ceil(count / BASELINE_EVERY);
    const firstDue = planAt + ((count + baseCount) / PLANNED_START_RATE) * 1000 + SETTLE_MS + MAX_OFFSET_MS;
    // One schedule for every checkout, so every lastActivityAt lies before its start.
    const afterS = Math.ceil((firstDue + windowMs - planAt) / 1000) + 1;
    const schedule = [{ after: `${afterS}s` }, { after: `${afterS + KEEP_OPEN_S}s` }];
    const tag = (0, checkout_starts_1.runId)();
    const random = seededRandom(count);
    const base = [];
    const real = [];
    for (let i = 0; i < count; i++) {
      const dueAt = Math.round(firstDue + (i * 1000) / rate);
      const offset = Math.round((random() * 2 - 1) * MAX_OFFSET_MS);
      const checkoutId = `race-${tag}-${i}`;
      const key = `${checkoutId}@bench.example.com`;
      real.push({ workflowId: (0, messages_1.workflowIdFor)(checkoutId), key, dueAt, fireAt: dueAt + offset });
      if (i % BASELINE_EVERY !== 0) continue;
      const baseDueAt = Math.round(firstDue + ((i + 0.5) * 1000) / rate);
      const baseKey = `race-base-${tag}-${i}`;
      base.push({ workflowId: `bench-${baseKey}`, key: baseKey, dueAt: baseDueAt, fireAt: baseDueAt + offset });
    }
    const total = real.length + base.length;
    const startMs = await (0, checkout_starts_1.inParallel)(total, START_CONCURRENCY, async (j) => {
      if (j >= real.length) {
        const race = base[j - real.length];
        await startBaseline(stack.client, baseQueue, race, { key: race.key });
      } else {
        const race = real[j];
        const checkoutId = race.key.slice(0, race.key.indexOf('@'));
        const input = (0, checkout_starts_1.recoveryInput)(checkoutId, {
          email: race.key,
          schedule,
          lastActivityAt: race.dueAt - afterS * 1000,
          orderConfirmation: options.orderConfirmation,
        });
        await (0, checkout_starts_1.startCheckout)(stack.client, realQueue, input);
      }
    });
    const firstFire = Math.min(...real.map((r) => r.fireAt));
    const lateStart = Date.now() > firstFire;
    log(
      `  ${total} started (delayed) in ${(startMs / 1000).toFixed(1)} s, ` +
        `${((firstFire - Date.now()) / 1000).toFixed(1)} s before the first order`,
    );
    const client = stack.client;
    const pids = {
      ...Object.fromEntries(workers.map((w, i) => [i === 0 ? 'worker' : `worker${i + 1}`, w.pid])),
      baselineWorker: baseWorker.pid,
      server: stack.serverPid,
      api: apiChild.pid,
    };
    const cpu = cpuMeter({ ...pids, localSes: ses.child.pid });
    await (0, processes_1.sleep)(Math.max(0, firstFire - Date.now()));
    cpu.begin();
    await Promise.all([
      fireAll(base, async (race) => {
        await client.workflow.getHandle(race.workflowId).signal(baseline_workflow_1.baselineOrderedSignal);
      }),
      fireAll(real, async (race) => {
        const checkoutId = race.key.slice(0, race.key.indexOf('@'));
        const res = await fetch(`${api}/orders`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ checkoutId, orderId: `ord-${checkoutId}` }),
        });
        const body = await res.json();
        if (res.status !== 202) throw new Error(`POST /orders answered ${res.status}: ${JSON.stringify(body)}`);
        if (body.note) race.afterClose = true;
        race.confirmed = body.confirmed === true;
      }),
    ]);
    log(`  orders fired; waiting for ${total} workflows to close`);
    const closeBy = Date.now() + CLOSE_GRACE_MS;
    const realHistories = await histories(client, real, closeBy);
    const baseHistories = await histories(client, base, closeBy);
    const cpuMsPerOrder = cpu.end(count);
    const baseline = analyse('sendUnlessOrdered (no re-check, plain signal)', base, baseHistories, rec.messages);
    const realSide = analyse('checkoutRecovery via POST /orders', real, realHistories, rec.messages);
    realSide.outcomes = await outcomes(realHistories, client.options.loadedDataConverter);
    return {
      count,
      rate,
      orderConfirmation: options.orderConfirmation,
      startSeconds: (0, percentiles_1.round)(startMs / 1000),
      overlapped: lateStart,
      cpuMsPerOrder,
      real: realSide,
      baseline,
    };
  } finally {
    await recorder?.close();
    await stack.stop();
  }
}
/**
 * CPU time of each process (and this one: order firing and the SES recorder) from begin() to
 * end(), per checkout ordered. Takes in the closing tail and the history reads that wait for it.
 */
function cpuMeter(pids) {
  const read = () => ({
    ...Object.fromEntries(Object.entries(pids).map(([name, pid]) => [name, (0, processes_1.cpuMs)(pid)])),
    bench: (process.cpuUsage().user + process.cpuUsage().system) / 1000,
  });
  let before = {};
  return {
    begin: () => {
      before = read();
    },
    end: (orders) => {
      const after = read();
      return Object.fromEntries(
        Object.entries(after).map(([name, ms]) => [
          name,
          (0, percentiles_1.round)((ms - (before[name] ?? 0)) / orders, 2),
        ]),
      );
    },
  };
}
async function startBaseline(client, taskQueue, race, input) {
  await client.workflow.start('sendUnlessOrdered', {
    taskQueue,
    workflowId: race.workflowId,
    args: [input],
    startDelay: Math.max(1_000, race.dueAt - Date.now()),
  });
}
/** Fires each race's order at its time, without waiting for earlier ones to be acknowledged. */
async function fireAll(races, order) {
  const inFlight = [];
  for (const race of [...races].sort((a, b) => a.fireAt - b.fireAt)) {
    const wait = race.fireAt - Date.now();
    if (wait > 0) await (0, processes_1.sleep)(wait);
    race.firedAt = Date.now();
    inFlight.push(
      order(race).then(
        () => {
          race.ackAt = Date.now();
        },
        (err) => {
          race.error = err instanceof Error ? err.message : String(err);
        },
      ),
    );
  }
  await Promise.all(inFlight);
}
/** Each workflow's history once it has closed; an empty one if it had not by `closeBy`. */
async function histories(client, races, closeBy) {
  const out = [];
  await (0, checkout_starts_1.inParallel)(races.length, HISTORY_CONCURRENCY, async (i) => {
    const handle = client.workflow.getHandle(races[i].workflowId);
    for (;;) {
      const events = (await handle.fetchHistory()).events ?? [];
      if (closeTime(events) !== undefined || Date.now() > closeBy) {
        out[i] = events;
        return;
      }
      await (0, processes_1.sleep)(500);
    }
  });
  return out;
}
const CLOSE_EVENTS = new Set([
  E.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED,
  E.EVENT_TYPE_WORKFLOW_EXECUTION_FAILED,
  E.EVENT_TYPE_WORKFLOW_EXECUTION_TIMED_OUT,
  E.EVENT_TYPE_WORKFLOW_EXECUTION_CANCELED,
  E.EVENT_TYPE_WORKFLOW_EXECUTION_TERMINATED,
  E.EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW,
]);
const eventMs = (e) =>
  e?.eventTime ? Number(e.eventTime.seconds ?? 0) * 1000 + Math.floor((e.eventTime.nanos ?? 0) / 1e6) : undefined;
function closeTime(events) {
  const last = events[events.length - 1];
  return last?.eventType != null && CLOSE_EVENTS.has(last.eventType) ? eventMs(last) : undefined;
}
function orderSignalTime(events) {
  const signal = events.find(
    (e) =>
      e.eventType === E.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED &&
      [messages_1.orderedSignal.name, baseline_workflow_1.baselineOrderedSignal.name].includes(
        e.workflowExecutionSignaledEventAttributes?.signalName ?? '',
      ),
  );
  return eventMs(signal);
}
/** ActivityTaskStarted of the first activity (the reminder in both designs), if any ran. */
function firstActivityStart(events) {
  return eventMs(events.find((e) => e.eventType === E.EVENT_TYPE_ACTIVITY_TASK_STARTED));
}
/**
 * Per phase, the time spent in it from `from` on. A task's queue phase ends when a worker starts
 * it, its run when it completes. (An activity's STARTED event is written with its completion but
 * carries the time the worker took it.) These workflows run one activity at a time.
 */
function phasesAfter(events, from) {
  const spent = { workflowTaskQueue: 0, workflowTaskRun: 0, activityQueue: 0, activityRun: 0 };
  const began = {};
  const end = (phase, at) => {
    const start = began[phase];
    if (start !== undefined) spent[phase] += Math.max(0, at - Math.max(start, from));
    delete began[phase];
  };
  for (const e of events) {
    const at = eventMs(e);
    if (at === undefined) continue;
    switch (e.eventType) {
      case E.EVENT_TYPE_WORKFLOW_TASK_SCHEDULED:
        began.workflowTaskQueue = at;
        break;
      case E.EVENT_TYPE_WORKFLOW_TASK_STARTED:
        end('workflowTaskQueue', at);
        began.workflowTaskRun = at;
        break;
      case E.EVENT_TYPE_WORKFLOW_TASK_COMPLETED:
        end('workflowTaskRun', at);
        break;
      case E.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED:
        began.activityQueue = at;
        break;
      case E.EVENT_TYPE_ACTIVITY_TASK_STARTED:
        end('activityQueue', at);
        began.activityRun = at;
        break;
      case E.EVENT_TYPE_ACTIVITY_TASK_COMPLETED:
        end('activityRun', at);
        break;
    }
  }
  return spent;
}
function analyse(design, races, histories, messages) {
  const byKey = new Map();
  for (const m of messages) {
    // Baseline arrivals have no header; every one of them is its reminder.
    if (m.reminderStep === undefined && m.status !== 204) continue;
    byKey.set(m.key, [...(byKey.get(m.key) ?? []), m]);
  }
  const reminders = { beforeAck: 0, inFlightAtAck: 0, afterAck: 0, afterConfirmedAck: 0, duplicates: 0 };
  const violations = [];
  const inFlight = [];
  const ackToClose = [];
  const signalToClose = [];
  const phases = {
    workflowTaskQueue: [],
    workflowTaskRun: [],
    activityQueue: [],
    activityRun: [],
  };
  const expiryLate = [];
  const expiryPickup = [];
  const fireToSignal = [];
  const signalToAck = [];
  let notClosed = 0;
  races.forEach((race, i) => {
    const events = histories[i] ?? [];
    const closedAt = closeTime(events);
    const signalAt = orderSignalTime(events);
    if (closedAt === undefined) notClosed += 1;
    const firstTask = events.find((e) => e.eventType === E.EVENT_TYPE_WORKFLOW_TASK_SCHEDULED);
    const firstTaskAt = eventMs(firstTask);
    if (firstTaskAt !== undefined && signalAt !== undefined && firstTaskAt < signalAt) {
      expiryLate.push(firstTaskAt - race.dueAt);
      const started = eventMs(events.find((e) => e.eventType === E.EVENT_TYPE_WORKFLOW_TASK_STARTED));
      if (started !== undefined) expiryPickup.push(started - firstTaskAt);
    }
    const sent = byKey.get(race.key) ?? [];
    reminders.duplicates += Math.max(0, sent.length - 1);
    if (race.ackAt === undefined) return;
    const ackAt = race.ackAt;
    if (closedAt !== undefined) ackToClose.push(closedAt - ackAt);
    if (closedAt !== undefined && signalAt !== undefined) {
      signalToClose.push(closedAt - signalAt);
      for (const [name, ms] of Object.entries(phasesAfter(events, signalAt))) phases[name].push(ms);
    }
    if (signalAt !== undefined && race.firedAt !== undefined) {
      fireToSignal.push(signalAt - race.firedAt);
      signalToAck.push(ackAt - signalAt);
    }
    for (const m of sent) {
      const answeredAt = m.answeredAt ?? Number.POSITIVE_INFINITY;
      if (answeredAt <= ackAt) {
        reminders.beforeAck += 1;
        continue;
      }
      const activityStartedAt = firstActivityStart(events);
      const late = {
        workflowId: race.workflowId,
        ackAt,
        offsetMs: (race.firedAt ?? race.fireAt) - race.dueAt,
        beganAfterAckMs: m.receivedAt - ackAt,
        ...(m.answeredAt !== undefined && { answeredAfterAckMs: m.answeredAt - ackAt }),
        ...(signalAt !== undefined && { signalAfterAckMs: signalAt - ackAt }),
        ...(activityStartedAt !== undefined && { activityStartedAfterAckMs: activityStartedAt - ackAt }),
      };
      if (m.receivedAt > ackAt) {
        reminders.afterAck += 1;
        if (race.confirmed) reminders.afterConfirmedAck += 1;
        if (violations.length < LISTED) violations.push(late);
      } else {
        reminders.inFlightAtAck += 1;
        if (inFlight.length < LISTED) inFlight.push(late);
      }
    }
  });
  const side = {
    design,
    orders: races.length,
    orderErrors: races.filter((r) => r.error !== undefined).length,
    ordersAfterClose: races.filter((r) => r.afterClose).length,
    fireLagMs: (0, percentiles_1.distribution)(races.map((r) => (r.firedAt ?? r.fireAt) - r.fireAt)),
    /** Orders answered `confirmed: false` (no worker answered the update in time: the signal recorded it). */
    unconfirmed: races.filter((r) => r.ackAt !== undefined && r.confirmed === false).length,
    ackMs: (0, percentiles_1.distribution)(
      races.flatMap((r) => (r.ackAt !== undefined && r.firedAt ? [r.ackAt - r.firedAt] : [])),
    ),
    reminders,
    violations,
    inFlight,
    ackToCloseMs: (0, percentiles_1.distribution)(ackToClose),
    signalToCloseMs: (0, percentiles_1.distribution)(signalToClose),
    notClosed,
    afterSignalMs: {
      workflowTaskQueue: (0, percentiles_1.distribution)(phases.workflowTaskQueue),
      workflowTaskRun: (0, percentiles_1.distribution)(phases.workflowTaskRun),
      activityQueue: (0, percentiles_1.distribution)(phases.activityQueue),
      activityRun: (0, percentiles_1.distribution)(phases.activityRun),
    },
    delayExpiry: {
      lateMs: (0, percentiles_1.distribution)(expiryLate),
      pickupMs: (0, percentiles_1.distribution)(expiryPickup),
    },
    orderPathMs: {
      fireToSignal: (0, percentiles_1.distribution)(fireToSignal),
      signalToAck: (0, percentiles_1.distribution)(signalToAck),
    },
  };
  const firstError = races.find((r) => r.error)?.error;
  if (firstError) side.design += ` (first order error: ${firstError.slice(0, 200)})`;
  return side;
}
/** What the real workflows did about reminder 1, from their histories. */
/** Results are encrypted like every payload of the stack: decoded with its client's converter. */
async function outcomes(histories, converter) {
  const result = { reminderSent: 0, suppressedByRecheck: 0, notScheduled: 0, reminderUnfinished: 0, confirmations: 0 };
  for (const events of histories) {
    const scheduled = new Map(); // scheduled event id → activity type
    let reminderScheduled = false;
    let reminder;
    for (const e of events) {
      const s = e.activityTaskScheduledEventAttributes;
      if (s) scheduled.set(String(e.eventId), s.activityType?.name ?? '');
      if (s?.activityType?.name === 'sendReminder') reminderScheduled = true;
      const c = e.activityTaskCompletedEventAttributes;
      const type = c ? scheduled.get(String(c.scheduledEventId)) : undefined;
      if (!c || !type) continue;
      const value = c.result?.payloads?.length
        ? await (0, internal_non_workflow_1.decodeFromPayloadsAtIndex)(converter, 0, c.result.payloads)
        : undefined;
      if (type === 'sendReminder') reminder = value;
      else if (type === 'sendOrderConfirmation' && value?.outcome === 'sent') result.confirmations += 1;
    }
    if (!reminderScheduled) result.notScheduled += 1;
    else if (!reminder) result.reminderUnfinished += 1;
    else if (reminder.outcome === 'suppressed') result.suppressedByRecheck += 1;
    else result.reminderSent += 1;
  }
  return result;
}
/** mulberry32: the same offsets for the same N, run after run. */
function seededRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
//# sourceMappingURL=races-bench.js.map
