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
exports.AnalyticsService = void 0;
const common_1 = require('@nestjs/common');
const duration_1 = require('../../../common/duration');
const app_config_token_1 = require('../app-config.token');
const event_recorder_1 = require('./event-recorder');
const event_store_token_1 = require('./event-store.token');
const range_1 = require('./range');
const summary_1 = require('./summary');
const NO_DATABASE = 'analytics need the database (DATABASE_URL, or npm start on the embedded one)';
let AnalyticsService = class AnalyticsService {
  store;
  events;
  config;
  constructor(store, events, config) {
    this.store = store;
    this.events = events;
    this.config = config;
  }
  query(params) {
    const range = (0, range_1.resolveRange)(params); // a bad range is a 400 even without a database
    if (!this.store) throw new common_1.ServiceUnavailableException(NO_DATABASE);
    return { store: this.store, q: { ...range, attributionWindowMs: this.config.analytics.attributionWindowMs } };
  }
  async summary(params) {
    const { store, q } = this.query(params);
    // One after the other: PGlite runs one query at a time anyway, and a pool of 5 is shared with the sends.
    const totals = await store.totals(q);
    const steps = await store.byStep(q);
    const channels = await store.byChannel(q);
    const reasons = await store.byReason(q);
    return (0, summary_1.buildSummary)({
      range: q,
      attributionWindow: (0, duration_1.formatDuration)(q.attributionWindowMs),
      ...(params.currency && { askedCurrency: params.currency }),
      minSample: this.config.analytics.minSample,
      totals,
      steps,
      channels,
      reasons,
    });
  }
  async funnel(params) {
    const { store, q } = this.query(params);
    return (0, summary_1.buildFunnel)(q, await store.funnel(q));
  }
  async daily(params) {
    const { store, q } = this.query(params);
    return (0, summary_1.buildDaily)(q, await store.daily(q), params.currency);
  }
  async recentRecoveries(params, limit) {
    const { store, q } = this.query(params);
    return store.recentRecoveries(q, limit);
  }
  async timeline(checkoutId) {
    const store = this.events.available;
    if (!store) throw new common_1.ServiceUnavailableException(NO_DATABASE);
    const events = await store.timeline(checkoutId);
    if (events.length === 0) throw new common_1.NotFoundException(`no events recorded for checkout ${checkoutId}`);
    return { checkoutId, events };
  }
};
exports.AnalyticsService = AnalyticsService;
exports.AnalyticsService = AnalyticsService = __decorate(
  [
    (0, common_1.Injectable)(),
    __param(0, (0, common_1.Inject)(event_store_token_1.ANALYTICS_STORE)),
    __param(2, (0, common_1.Inject)(app_config_token_1.APP_CONFIG)),
    __metadata('design:paramtypes', [Object, event_recorder_1.EventRecorder, Object]),
  ],
  AnalyticsService,
);
//# sourceMappingURL=analytics.service.js.map
