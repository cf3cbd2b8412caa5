import { Inject, Injectable, ServiceUnavailableException } from '@nestjs/common';
import type { AppConfig } from '../../../config/env';
import { AnalyticsService } from '../analytics/analytics.service';
import { APP_CONFIG } from '../app-config.token';
import { htmlPage } from '../http/html-page';
import { InvalidFieldsException } from '../validation/invalid-fields.exception';
import { dashboardPage } from './dashboard-page';

const DAY_MS = 86_400_000;
const DEFAULT_DAYS = 30;
const RECENT_ROWS = 20;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

const isoDate = (d: Date) => d.toISOString().slice(0, 10);

@Injectable()
export class DashboardService {
  constructor(
    private readonly analytics: AnalyticsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The page for the form's range (dates, `to` inclusive); a bad range falls back to the last 30 days, saying so. */
  async render(query: { from: unknown; to: unknown }, signedIn: boolean): Promise<{ status: number; html: string }> {
    const today = isoDate(new Date());
    const fallback = { from: isoDate(new Date(Date.parse(today) - (DEFAULT_DAYS - 1) * DAY_MS)), to: today };
    const given = query.from !== undefined || query.to !== undefined;
    let form = {
      from: typeof query.from === 'string' ? query.from : fallback.from,
      to: typeof query.to === 'string' ? query.to : fallback.to,
    };
    let rangeError: string | undefined;
    if (given && (!DATE.test(form.from) || !DATE.test(form.to))) {
      rangeError = 'The range needs two dates (YYYY-MM-DD); showing the last 30 days.';
      form = fallback;
    }
    try {
      return { status: 200, html: await this.page(form, signedIn, rangeError) };
    } catch (err) {
      if (err instanceof ServiceUnavailableException) return noDatabasePage();
      if (!(err instanceof InvalidFieldsException)) throw err;
      const reason = err.errors.map((e) => `${e.field} ${e.reason}`).join('; ');
      return { status: 200, html: await this.page(fallback, signedIn, `${reason}; showing the last 30 days.`) };
    }
  }

  private async page(form: { from: string; to: string }, signedIn: boolean, rangeError?: string): Promise<string> {
    const summary = await this.analytics.summary(form);
    const funnel = await this.analytics.funnel(form);
    const daily = await this.analytics.daily(form);
    const recent = await this.analytics.recentRecoveries(form, RECENT_ROWS);
    return dashboardPage({
      summary,
      funnel,
      daily,
      recent,
      form,
      temporalUiUrl: this.config.analytics.temporalUiUrl,
      namespace: this.config.temporal.namespace,
      ...(rangeError && { rangeError }),
      signedIn,
    });
  }
}

/** Without a database there is nothing to show. */
export const noDatabasePage = () =>
  htmlPage(503, 'Dashboard unavailable', '<p>The dashboard needs the database (DATABASE_URL, or npm start).</p>');
