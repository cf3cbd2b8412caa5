// The send activity alone: CPU and wall time per reminder of the real `sendReminder` (render in the
// shopper's language, MIME, claim, consent and cap, the signed SES call, the mark with its records)
// against its floor in the same run, the same SES client sending one pre-built message (only the
// provider call). The difference is the activity's own work, the part of a reminder's worker CPU that
// is ours and not Temporal's. SES is answered by a small process of its own, so its CPU is not counted.
import { join } from 'node:path';
import { MockActivityEnvironment } from '@temporalio/testing';
import { DefaultLogger } from '@temporalio/worker';
import { createActivities } from '../../activities';
import type { SendReminderInput, SendResult } from '../../activities/contract';
import { createSesMailer } from '../../activities/ses-mailer';
import { workflowIdFor } from '../../common/messages';
import { openStores } from '../../storage/send-ledger';
import { FROM, LINKS, reminder, sampleCheckout } from '../../test/activities/fixtures';
import { distribution, round } from '../support/percentiles';
import { freePort, type NodeChild, spawnNode } from '../support/processes';

export interface SendSample {
  cpuMsEach: number;
  p50: number;
  p99: number;
}
export interface SendRun {
  count: number;
  ledger: 'postgresql' | 'embedded';
  activity: SendSample;
  floor: SendSample;
}

const SES_ANSWER_MAIN = join(__dirname, '..', 'support', 'ses-answer.js');

/** SES answered by a process of its own (ses-answer.ts), so its CPU is not counted here. */
async function sesAnswer(): Promise<{ url: string; child: NodeChild }> {
  const port = await freePort();
  const child = await spawnNode('SES answer', SES_ANSWER_MAIN, { ...process.env, SES_PORT: String(port) }, (out) =>
    out.includes('SES answers on'),
  );
  return { url: `http://127.0.0.1:${port}`, child };
}

async function measure(count: number, once: (i: number) => Promise<void>): Promise<{ cpuMs: number; walls: number[] }> {
  const walls: number[] = [];
  const cpu = process.cpuUsage();
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    await once(i);
    walls.push(performance.now() - t0);
  }
  const used = process.cpuUsage(cpu);
  return { cpuMs: (used.user + used.system) / 1000, walls };
}

export async function benchSend(count: number, log: (line: string) => void): Promise<SendRun> {
  const databaseUrl = process.env.BENCH_DATABASE_URL;
  const ses = await sesAnswer();
  const stores = await openStores({
    databaseUrl,
    inMemory: !databaseUrl,
    schema: `bench_send_${Date.now().toString(36)}`,
  });
  const mailer = createSesMailer({ endpoint: ses.url, region: 'us-east-1' });
  try {
    const { sendReminder } = createActivities({
      mailer,
      ledger: stores.ledger,
      from: FROM,
      links: LINKS,
      events: stores.events,
      eventsInLedger: true,
    });
    const logger = new DefaultLogger('WARN');
    const activity = async () => {
      const checkout = sampleCheckout();
      const env = new MockActivityEnvironment(
        { workflowExecution: { workflowId: workflowIdFor(checkout.checkoutId), runId: 'bench' } },
        { logger },
      );
      const result = await env.run<[SendReminderInput], SendResult, typeof sendReminder>(
        sendReminder,
        reminder(checkout, 1),
      );
      if (result.outcome !== 'sent') throw new Error(`send ${result.outcome}: ${result.reason}`);
    };
    const raw = Buffer.from(
      `From: ${FROM}\r\nTo: floor@bench.example.com\r\nSubject: floor\r\nContent-Type: text/plain\r\n\r\n${'x'.repeat(8_000)}\r\n`,
    );
    const floor = async () => {
      await mailer.send({ from: FROM, to: 'floor@bench.example.com', raw });
    };
    // Warm both paths, then alternate rounds so drift on a shared machine hits both alike.
    await measure(Math.min(200, count), activity);
    await measure(Math.min(200, count), floor);
    const rounds = 3;
    const per = Math.ceil(count / rounds);
    const a = { cpuMs: 0, walls: [] as number[] };
    const f = { cpuMs: 0, walls: [] as number[] };
    for (let r = 0; r < rounds; r++) {
      const fr = await measure(per, floor);
      const ar = await measure(per, activity);
      f.cpuMs += fr.cpuMs;
      f.walls.push(...fr.walls);
      a.cpuMs += ar.cpuMs;
      a.walls.push(...ar.walls);
    }
    const sample = (m: typeof a): SendSample => {
      const d = distribution(m.walls);
      return { cpuMsEach: round(m.cpuMs / m.walls.length, 2), p50: round(d.p50, 2), p99: round(d.p99, 2) };
    };
    const run: SendRun = {
      count: a.walls.length,
      ledger: databaseUrl ? 'postgresql' : 'embedded',
      activity: sample(a),
      floor: sample(f),
    };
    log(`  send: ${run.count} reminders and ${run.count} floor sends, alternating in ${rounds} rounds`);
    return run;
  } finally {
    mailer.close();
    await stores.close();
    await ses.child.stop();
  }
}
