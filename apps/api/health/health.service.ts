import { Injectable, Logger, ServiceUnavailableException } from '@nestjs/common';
import { Client } from '@temporalio/client';

// A health probe must answer fast even when Temporal hangs; 2 s is well above a healthy round trip.
const TEMPORAL_PING_TIMEOUT_MS = 2_000;
// /health is public: a flood of probes must not become a flood of Temporal calls. One round trip
// serves every probe for this long (load balancers probe every few seconds anyway).
export const HEALTH_CACHE_MS = 2_000;
/** What a public caller learns when Temporal is down; the address and error go to the log only. */
export const TEMPORAL_DOWN_REASON = 'temporal unreachable';

export interface HealthReport {
  status: 'ok' | 'down';
  temporal: { status: 'up' | 'down'; namespace: string; reason?: string };
}

@Injectable()
export class HealthService {
  private readonly logger = new Logger('Health');
  private last: { at: number; report: Promise<HealthReport> } | undefined;

  constructor(private readonly client: Client) {}

  /** Up when Temporal answers its cheapest call (GetSystemInfo) in time; 503 with a generic reason otherwise. */
  async check(): Promise<HealthReport> {
    const now = Date.now();
    if (!this.last || now - this.last.at >= HEALTH_CACHE_MS) this.last = { at: now, report: this.probe() };
    const report = await this.last.report;
    if (report.status === 'down') throw new ServiceUnavailableException(report);
    return report;
  }

  private async probe(): Promise<HealthReport> {
    const namespace = this.client.options.namespace;
    try {
      await this.client.connection.withDeadline(Date.now() + TEMPORAL_PING_TIMEOUT_MS, () =>
        this.client.workflowService.getSystemInfo({}),
      );
      return { status: 'ok', temporal: { status: 'up', namespace } };
    } catch (err) {
      this.logger.warn(`Temporal health check failed: ${err instanceof Error ? err.message : String(err)}`);
      return { status: 'down', temporal: { status: 'down', namespace, reason: TEMPORAL_DOWN_REASON } };
    }
  }
}
