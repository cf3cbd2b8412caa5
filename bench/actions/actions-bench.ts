// 1. Billable Actions per checkout on three paths, counted from real event histories: the real API
// starts and orders (POST /checkouts, POST /orders), the real worker process runs the workflow and
// its activities, emails go to the local SES inbox. Each path runs twice: through an API with order
// confirmations on (the default) and through a second API on the same task queue with
// ORDER_CONFIRMATION=off. The send activity's re-check reads the workflow's history, which is not
// an Action (a status query was; none is made now), so history holds every Action counted here.
// Schedules are seconds long on the dev server; the count does not depend on the durations.
// Baseline: the straightforward design under the same rules, with a confirmation send where the
// row has one.
import type { CheckoutStatus } from '../../common/checkout';
import { workflowIdFor } from '../../common/messages';
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

type PathName = 'ordered before any reminder' | 'ordered after reminder 1' | 'never ordered';

/** The targets, in Actions per checkout; a path without one has none. */
export const ACTION_TARGETS: Partial<Record<PathName, number>> = {
  'never ordered': 6,
  'ordered before any reminder': 2,
};

export interface PathActions {
  path: PathName;
  /** The API's ORDER_CONFIRMATION: whether an order sends the shopper a confirmation email. */
  orderConfirmation: boolean;
  counts: ActionCounts;
  actions: number;
  baselineActions: number;
  usdPer1000: number;
  baselineUsdPer1000: number;
  /** The target for the path, if it has one. */
  target?: number;
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
  try {
    const ses = await startLocalSes();
    stack.track(ses.child);
    await stack.startWorker(taskQueue, ses.url);
    const apis = {
      on: (await stack.startApi(taskQueue)).url,
      off: (await stack.startApi(taskQueue, { ORDER_CONFIRMATION: 'off' })).url,
    };
    const client = stack.client;
    const runOne = async ({ path, remindersBeforeOrder }: PathPlan, orderConfirmation: boolean) => {
      const api = orderConfirmation ? apis.on : apis.off;
      const checkoutId = `act-${runId()}`;
      const email = `${checkoutId}@shoppers.example.com`;
      await post(`${api}/checkouts`, { ...checkoutBody(checkoutId, email), schedule: SCHEDULE });
      if (remindersBeforeOrder !== null) {
        if (remindersBeforeOrder > 0) await waitForEmails(() => ses.recipients(), email, remindersBeforeOrder);
        await post(`${api}/orders`, { checkoutId, orderId: `ord-${checkoutId}` });
      }
      const handle = client.workflow.getHandle(workflowIdFor(checkoutId));
      const status = (await handle.result()) as CheckoutStatus;
      const counts = countActions((await handle.fetchHistory()).events ?? []);
      const ordered = remindersBeforeOrder !== null;
      const expectedSent = remindersBeforeOrder ?? SCHEDULE.length;
      const confirms = ordered && orderConfirmation;
      const baseline = totalActions(
        countActions(straightforwardHistory(expectedSent, ordered, SCHEDULE.length, confirms)),
      );
      const actions = totalActions(counts);
      const confirmed = status.order?.confirmation?.outcome === 'sent';
      const target = ACTION_TARGETS[path];
      return {
        path,
        orderConfirmation,
        counts,
        actions,
        baselineActions: baseline,
        usdPer1000: usdPerThousandCheckouts(actions),
        baselineUsdPer1000: usdPerThousandCheckouts(baseline),
        ...(target !== undefined && { target }),
        asExpected:
          status.state === (ordered ? 'ordered' : 'expired') &&
          status.remindersSent === expectedSent &&
          confirmed === confirms,
      } satisfies PathActions;
    };
    const modes = [true, false];
    return await Promise.all(modes.flatMap((on) => PATHS.map((plan) => runOne(plan, on))));
  } finally {
    await stack.stop();
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
