import { Inject, Injectable, Logger, ServiceUnavailableException } from '@nestjs/common';
import { Client } from '@temporalio/client';
import type { PreferenceStore } from '../../../storage/preferences-store';
import { withTimeout } from '../../shared/with-timeout';
import { PREFERENCE_STORE } from '../customers/preference-store.token';

// A health probe must answer fast even when Temporal or the database hangs; 2 s is well above a
// healthy round trip.
const PROBE_TIMEOUT_MS = 2_000;
// /health is public: a flood of probes must not become a flood of Temporal calls. One round trip
// serves every probe for this long (load balancers probe every few seconds anyway).
export const HEALTH_CACHE_MS = 2_000;
/** What a public caller learns when Temporal is down; the address and error go to the log only. */
export const TEMPORAL_DOWN_REASON = 'temporal unreachable';
export const DATABASE_DOWN_REASON = 'database unreachable';

export interface HealthReport {
  status: 'ok' | 'down';
  temporal: { status: 'up' | 'down'; namespace: string; reason?: string };
  /** `none`: the API runs without a database (development only; preferences answer 503). */
  database: { status: 'up' | 'down' | 'none'; reason?: string };
}

@Injectable()
export class HealthService {
  private readonly logger = new Logger('Health');
  private last: { at: number; report: Promise<HealthReport> } | undefined;

  constructor(
    private readonly client: Client,
    @Inject(PREFERENCE_STORE) private readonly store: PreferenceStore | null,
  ) {}

  /**
   * Ready when Temporal answers its cheapest call (GetSystemInfo) and the database a `select 1`,
   * both in time; 503 with generic reasons otherwise.
   */
  async ready(): Promise<HealthReport> {
    const now = Date.now();
    if (!this.last || now - this.last.at >= HEALTH_CACHE_MS) this.last = { at: now, report: this.probe() };
    const report = await this.last.report;
    if (report.status === 'down') throw new ServiceUnavailableException(report);
    return report;
  }

  private async probe(): Promise<HealthReport> {
    const [temporal, database] = await Promise.all([this.probeTemporal(), this.probeDatabase()]);
    const status = temporal.status === 'up' && database.status !== 'down' ? 'ok' : 'down';
    return { status, temporal, database };
  }

  private async probeTemporal(): Promise<HealthReport['temporal']> {
    const namespace = this.client.options.namespace;
    try {
      await this.client.connection.withDeadline(Date.now() + PROBE_TIMEOUT_MS, () =>
        this.client.workflowService.getSystemInfo({}),
      );
      return { status: 'up', namespace };
    } catch (err) {
      this.logger.warn(`Temporal health check failed: ${err instanceof Error ? err.message : String(err)}`);
      return { status: 'down', namespace, reason: TEMPORAL_DOWN_REASON };
    }
  }

  private async probeDatabase(): Promise<HealthReport['database']> {
    if (!this.store) return { status: 'none' };
    try {
      await withTimeout(this.store.ping(), PROBE_TIMEOUT_MS);
      return { status: 'up' };
    } catch (err) {
      this.logger.warn(`database health check failed: ${err instanceof Error ? err.message : String(err)}`);
      return { status: 'down', reason: DATABASE_DOWN_REASON };
    }
  }
}
