// 1. Billable Actions per checkout on three paths, counted from real event histories: the real API
// starts and orders (POST /checkouts, POST /orders), the real workflow and activities run in an
// in-process worker whose status re-check queries are counted (queries are Actions but are not in
// history), emails go to the local SES inbox. Schedules are seconds long on the dev server; the
// count does not depend on the durations. Baseline: the straightforward design, same rules.
import { NativeConnection } from '@temporalio/worker';
import { createActivities } from '../../activities';
import { openSendLedger } from '../../activities/send-ledger';
import { createSesMailer } from '../../activities/ses-mailer';
import { checkoutStateReader } from '../../apps/worker/checkout-state';
import { createRecoveryWorker } from '../../apps/worker/create-worker';
import type { CheckoutStatus } from '../../common/checkout';
import { workflowIdFor } from '../../common/messages';
import { dataConverterFor } from '../../config/encryption/data-converter';
import { BenchStack } from '../support/bench-stack';
import { checkoutBody, runId } from '../support/checkout-starts';
import { startLocalSes } from '../support/local-ses';
import { sleep } from '../support/processes';
import {
  type ActionCounts,
  countActions,
  straightforwardHistory,
  totalActions,
  usdPerThousandCheckouts,
} from './billing-rules';

// Far enough apart that "ordered after reminder 1" lands between reminders 1 and 2 on a busy machine.
const SCHEDULE = [{ after: '2s' }, { after: '5s' }, { after: '8s' }];
const REMINDER_WAIT_MS = 30_000;
// Link lifetimes do not matter to what is counted here; the production defaults.
const DAY_MS = 86_400_000;

type PathName = 'ordered before any reminder' | 'ordered after reminder 1' | 'never ordered';

export interface PathActions {
  path: PathName;
  counts: ActionCounts;
  actions: number;
  baselineActions: number;
  usdPer1000: number;
  baselineUsdPer1000: number;
  /** The workflow's final state matched the path (else the figures are not for that path). */
  asExpected: boolean;
}

interface PathPlan {
  path: PathName;
  remindersBeforeOrder: number | null; // null: never ordered
}

const PATHS: PathPlan[] = [
  { path: 'ordered before any reminder', remindersBeforeOrder: 0 },
  { path: 'ordered after reminder 1', remindersBeforeOrder: 1 },
  { path: 'never ordered', remindersBeforeOrder: null },
];

export async function benchActions(): Promise<PathActions[]> {
  const stack = await BenchStack.start('actions');
  const taskQueue = `bench-actions-${runId()}`;
  const queries = new Map<string, number>();
  const nativeConnection = await NativeConnection.connect({ address: stack.address });
  const ledger = await openSendLedger({ databaseUrl: undefined, inMemory: true });
  try {
    const ses = await startLocalSes();
    stack.track(ses.child);
    const { url: api } = await stack.startApi(taskQueue);
    const readState = checkoutStateReader(stack.client);
    const client = stack.client;
    const worker = await createRecoveryWorker({
      connection: nativeConnection,
      namespace: 'default',
      taskQueue,
      dataConverter: dataConverterFor(stack.encryption),
      activities: createActivities({
        mailer: createSesMailer({ endpoint: ses.url, region: 'us-east-1' }),
        ledger,
        from: 'Shop <shop@example.com>',
        links: { publicUrl: api, secrets: [stack.linkSecret], resumeTtlMs: DAY_MS * 7, unsubscribeTtlMs: DAY_MS * 90 },
        // The worker's own re-check (apps/worker/main.ts), counted: each is a query, an Action.
        checkoutState: (workflowId) => {
          queries.set(workflowId, (queries.get(workflowId) ?? 0) + 1);
          return readState(workflowId);
        },
      }),
    });
    const runOne = async ({ path, remindersBeforeOrder }: PathPlan): Promise<PathActions> => {
      const checkoutId = `act-${runId()}`;
      const email = `${checkoutId}@shoppers.example.com`;
      await post(`${api}/checkouts`, { ...checkoutBody(checkoutId, email), schedule: SCHEDULE });
      if (remindersBeforeOrder !== null) {
        if (remindersBeforeOrder > 0) await waitForEmails(() => ses.recipients(), email, remindersBeforeOrder);
        await post(`${api}/orders`, { checkoutId, orderId: `ord-${checkoutId}` });
      }
      const handle = client.workflow.getHandle(workflowIdFor(checkoutId));
      const status = (await handle.result()) as CheckoutStatus;
      const history = await handle.fetchHistory();
      const counts = countActions(history.events ?? []);
      const q = queries.get(handle.workflowId) ?? 0;
      if (q > 0) counts.queryReceived = q;
      const ordered = remindersBeforeOrder !== null;
      const expectedSent = remindersBeforeOrder ?? SCHEDULE.length;
      const baseline = totalActions(countActions(straightforwardHistory(expectedSent, ordered, SCHEDULE.length)));
      const actions = totalActions(counts);
      return {
        path,
        counts,
        actions,
        baselineActions: baseline,
        usdPer1000: usdPerThousandCheckouts(actions),
        baselineUsdPer1000: usdPerThousandCheckouts(baseline),
        asExpected: status.state === (ordered ? 'ordered' : 'expired') && status.remindersSent === expectedSent,
      };
    };
    return await worker.runUntil(Promise.all(PATHS.map(runOne)));
  } finally {
    await ledger.close();
    await stack.stop();
    await nativeConnection.close();
  }
}

async function post(url: string, body: unknown): Promise<void> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`POST ${url} answered ${res.status}: ${await res.text()}`);
}

async function waitForEmails(recipients: () => Promise<string[]>, email: string, count: number): Promise<void> {
  const deadline = Date.now() + REMINDER_WAIT_MS;
  while (Date.now() < deadline) {
    if ((await recipients()).filter((r) => r.includes(email)).length >= count) return;
    await sleep(100);
  }
  throw new Error(`${email} did not receive ${count} reminder(s) within ${REMINDER_WAIT_MS} ms`);
}
