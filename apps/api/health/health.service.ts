import { Injectable, ServiceUnavailableException } from '@nestjs/common';
import { Client } from '@temporalio/client';

// A health probe must answer fast even when Temporal hangs; 2 s is well above a healthy round trip.
const TEMPORAL_PING_TIMEOUT_MS = 2_000;

export interface HealthReport {
  status: 'ok' | 'down';
  temporal: { status: 'up' | 'down'; namespace: string; reason?: string };
}

@Injectable()
export class HealthService {
  constructor(private readonly client: Client) {}

  /** Up when Temporal answers its cheapest call (GetSystemInfo) in time; 503 with the reason otherwise. */
  async check(): Promise<HealthReport> {
    const namespace = this.client.options.namespace;
    try {
      await this.client.connection.withDeadline(Date.now() + TEMPORAL_PING_TIMEOUT_MS, () =>
        this.client.workflowService.getSystemInfo({}),
      );
      return { status: 'ok', temporal: { status: 'up', namespace } };
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      const report: HealthReport = { status: 'down', temporal: { status: 'down', namespace, reason } };
      throw new ServiceUnavailableException(report);
    }
  }
}
