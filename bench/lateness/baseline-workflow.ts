// The lateness baseline: the least a reminder workflow can do. Sleep until the due time on
// Temporal's clock, then run one activity that reports its arrival. No SES, no queries, no upserts.
import { proxyActivities, sleep } from '@temporalio/workflow';
import type { ArrivalActivities } from './baseline-activities';

// Reporting an arrival is one local HTTP call.
const { reportArrival } = proxyActivities<ArrivalActivities>({ startToCloseTimeout: '30s' });

export interface SleepThenReportInput {
  key: string;
  dueAt: number;
}

export async function sleepThenReport({ key, dueAt }: SleepThenReportInput): Promise<void> {
  const wait = dueAt - Date.now();
  if (wait > 0) await sleep(wait);
  await reportArrival(key);
}
