var __decorate =
  (this && this.__decorate) ||
  function (decorators, target, key, desc) {
    var c = arguments.length,
      r = c < 3 ? target : desc === null ? (desc = Object.getOwnPropertyDescriptor(target, key)) : desc,
      d;
    if (typeof Reflect === 'object' && typeof Reflect.decorate === 'function')
      r = Reflect.decorate(decorators, target, key, desc);
    else
      for (var i = decorators.length - 1; i >= 0; i--)
        if ((d = decorators[i])) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return (c > 3 && r && Object.defineProperty(target, key, r), r);
  };
var __metadata =
  (this && this.__metadata) ||
  ((k, v) => {
    if (typeof Reflect === 'object' && typeof Reflect.metadata === 'function') return Reflect.metadata(k, v);
  });
var __param =
  (this && this.__param) ||
  ((paramIndex, decorator) => (target, key) => {
    decorator(target, key, paramIndex);
  });
Object.defineProperty(exports, '__esModule', { value: true });
exports.noDatabasePage = exports.DashboardService = void 0;
const common_1 = require('@nestjs/common');
const analytics_service_1 = require('../analytics/analytics.service');
const app_config_token_1 = require('../app-config.token');
const html_page_1 = require('../http/html-page');
const invalid_fields_exception_1 = require('../validation/invalid-fields.exception');
const dashboard_page_1 = require('./dashboard-page');
const DAY_MS = 86_400_000;
const DEFAULT_DAYS = 30;
const RECENT_ROWS = 20;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isoDate = (d) => d.toISOString().slice(0, 10);
let DashboardService = class DashboardService {
  analytics;
  config;
  constructor(analytics, config) {
    this.analytics = analytics;
    this.config = config;
  }
  /** The page for the form's range (dates, `to` inclusive); a bad range falls back to the last 30 days, saying so. */
  async render(query, signedIn) {
    const today = isoDate(new Date());
    const fallback = { from: isoDate(new Date(Date.parse(today) - (DEFAULT_DAYS - 1) * DAY_MS)), to: today };
    const given = query.from !== undefined || query.to !== undefined;
    let form = {
      from: typeof query.from === 'string' ? query.from : fallback.from,
      to: typeof query.to === 'string' ? query.to : fallback.to,
    };
    let rangeError;
    if (given && (!DATE.test(form.from) || !DATE.test(form.to))) {
      rangeError = 'The range needs two dates (YYYY-MM-DD); showing the last 30 days.';
      form = fallback;
    }
    try {
      return { status: 200, html: await this.page(form, signedIn, rangeError) };
    } catch (err) {
      if (err instanceof common_1.ServiceUnavailableException) return (0, exports.noDatabasePage)();
      if (!(err instanceof invalid_fields_exception_1.InvalidFieldsException)) throw err;
      const reason = err.errors.map((e) => `${e.field} ${e.reason}`).join('; ');
      return { status: 200, html: await this.page(fallback, signedIn, `${reason}; showing the last 30 days.`) };
    }
  }
  async page(form, signedIn, rangeError) {
    const summary = await this.analytics.summary(form);
    const funnel = await this.analytics.funnel(form);
    const daily = await this.analytics.daily(form);
    const recent = await this.analytics.recentRecoveries(form, RECENT_ROWS);
    return (0, dashboard_page_1.dashboardPage)({
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
};
exports.DashboardService = DashboardService;
exports.DashboardService = DashboardService = __decorate(
  [
    (0, common_1.Injectable)(),
    __param(1, (0, common_1.Inject)(app_config_token_1.APP_CONFIG)),
    __metadata('design:paramtypes', [analytics_service_1.AnalyticsService, Object]),
  ],
  DashboardService,
);
/** Without a database there is nothing to show. */
const noDatabasePage = () =>
  (0, html_page_1.htmlPage)(
    503,
    'Dashboard unavailable',
    '<p>The dashboard needs the database (DATABASE_URL, or npm start).</p>',
  );
exports.noDatabasePage = noDatabasePage;
//# sourceMappingURL=dashboard.service.js.map
