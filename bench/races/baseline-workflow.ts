// The order-races baseline: the least a reminder workflow can do under the same start path. It is
// started with the same start delay (its first task runs when the reminder falls due), sends at
// once unless an order has come, with no re-check before the send, then waits for the order and
// closes. No confirmation, no SES: its send reports an arrival to the bench's recorder.
import { condition, defineSignal, proxyActivities, setHandler } from '@temporalio/workflow';
import type { ArrivalActivities } from '../lateness/baseline-activities';

// Reporting an arrival is one local HTTP call.
const { reportArrival } = proxyActivities<ArrivalActivities>({ startToCloseTimeout: '30s' });

export const baselineOrderedSignal = defineSignal('ordered');

export interface SendUnlessOrderedInput {
  key: string;
}

export async function sendUnlessOrdered({ key }: SendUnlessOrderedInput): Promise<void> {
  let ordered = false;
  setHandler(baselineOrderedSignal, () => {
    ordered = true;
  });
  if (!ordered) await reportArrival(key);
  await condition(() => ordered);
}
