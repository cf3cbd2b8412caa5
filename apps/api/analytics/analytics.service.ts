import { Inject, Injectable, NotFoundException, ServiceUnavailableException } from '@nestjs/common';
import { formatDuration } from '../../../common/duration';
import type { RecoveryEvent } from '../../../common/recovery-events';
import type { AppConfig } from '../../../config/env';
import type { AnalyticsQuery, AnalyticsStore, RecentRecovery } from '../../../storage/analytics-store';
import { APP_CONFIG } from '../app-config.token';
import { EventRecorder } from './event-recorder';
import { ANALYTICS_STORE } from './event-store.token';
import { resolveRange } from './range';
import { buildDaily, buildFunnel, buildSummary, type Daily, type Funnel, type Summary } from './summary';

const NO_DATABASE = 'analytics need the database (DATABASE_URL, or npm start on the embedded one)';

export interface RangeParams {
  from?: string;
  to?: string;
  currency?: string;
}

@Injectable()
export class AnalyticsService {
  constructor(
    @Inject(ANALYTICS_STORE) private readonly store: AnalyticsStore | null,
    private readonly events: EventRecorder,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private query(params: RangeParams): { store: AnalyticsStore; q: AnalyticsQuery } {
    const range = resolveRange(params); // a bad range is a 400 even without a database
    if (!this.store) throw new ServiceUnavailableException(NO_DATABASE);
    return { store: this.store, q: { ...range, attributionWindowMs: this.config.analytics.attributionWindowMs } };
  }

  async summary(params: RangeParams): Promise<Summary> {
    const { store, q } = this.query(params);
    // One after the other: PGlite runs one query at a time anyway, and a pool of 5 is shared with the sends.
    const totals = await store.totals(q);
    const steps = await store.byStep(q);
    const channels = await store.byChannel(q);
    const reasons = await store.byReason(q);
    return buildSummary({
      range: q,
      attributionWindow: formatDuration(q.attributionWindowMs),
      ...(params.currency && { askedCurrency: params.currency }),
      minSample: this.config.analytics.minSample,
      totals,
      steps,
      channels,
      reasons,
    });
  }

  async funnel(params: RangeParams): Promise<Funnel> {
    const { store, q } = this.query(params);
    return buildFunnel(q, await store.funnel(q));
  }

  async daily(params: RangeParams): Promise<Daily> {
    const { store, q } = this.query(params);
    return buildDaily(q, await store.daily(q), params.currency);
  }

  async recentRecoveries(params: RangeParams, limit: number): Promise<RecentRecovery[]> {
    const { store, q } = this.query(params);
    return store.recentRecoveries(q, limit);
  }

  async timeline(checkoutId: string): Promise<{ checkoutId: string; events: RecoveryEvent[] }> {
    const store = this.events.available;
    if (!store) throw new ServiceUnavailableException(NO_DATABASE);
    const events = await store.timeline(checkoutId);
    if (events.length === 0) throw new NotFoundException(`no events recorded for checkout ${checkoutId}`);
    return { checkoutId, events };
  }
}
