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
exports.TimelineController = exports.AnalyticsController = void 0;
const common_1 = require('@nestjs/common');
const swagger_1 = require('@nestjs/swagger');
const checkout_id_params_1 = require('../checkouts/dto/checkout-id.params');
const api_key_decorators_1 = require('../http/api-key.decorators');
const analytics_service_1 = require('./analytics.service');
const csv_1 = require('./csv');
const analytics_range_query_1 = require('./dto/analytics-range.query');
const analytics_responses_1 = require('./dto/analytics-responses');
const wantsCsv = (accept) => /\btext\/csv\b/i.test(accept ?? '');
const RANGE_400 = 'A bad range: `errors` names the field (from, to, currency)';
const NO_DATABASE_503 = 'The API has no database, or it is unavailable';
let AnalyticsController = class AnalyticsController {
  analytics;
  constructor(analytics) {
    this.analytics = analytics;
  }
  async summary(query, accept, res) {
    const summary = await this.analytics.summary(query);
    if (!wantsCsv(accept)) return summary;
    res.type('text/csv; charset=utf-8');
    return (0, csv_1.summaryCsv)(summary);
  }
  async funnel(query, accept, res) {
    const funnel = await this.analytics.funnel(query);
    if (!wantsCsv(accept)) return funnel;
    res.type('text/csv; charset=utf-8');
    return (0, csv_1.funnelCsv)(funnel);
  }
  async daily(query, accept, res) {
    const daily = await this.analytics.daily(query);
    if (!wantsCsv(accept)) return daily;
    res.type('text/csv; charset=utf-8');
    return (0, csv_1.dailyCsv)(daily);
  }
};
exports.AnalyticsController = AnalyticsController;
__decorate(
  [
    (0, common_1.Get)('summary'),
    (0, swagger_1.ApiOperation)({
      summary: 'Recovery, attribution and the holdout comparison for checkouts started in the range',
      description:
        'Send-attributed recoveries (an order after a reminder, within ATTRIBUTION_WINDOW of the last one before it, ' +
        'credited to that reminder), click-attributed ones beside them, by step, channel and abandonment reason, and ' +
        "treated vs holdout conversion with the lift's 95% interval. CSV with `Accept: text/csv`.",
    }),
    (0, swagger_1.ApiProduces)('application/json', 'text/csv'),
    (0, swagger_1.ApiResponse)({ status: 200, type: analytics_responses_1.SummaryResponse }),
    (0, swagger_1.ApiResponse)({ status: 400, description: RANGE_400 }),
    (0, swagger_1.ApiResponse)({ status: 503, description: NO_DATABASE_503 }),
    __param(0, (0, common_1.Query)()),
    __param(1, (0, common_1.Headers)('accept')),
    __param(2, (0, common_1.Res)({ passthrough: true })),
    __metadata('design:type', Function),
    __metadata('design:paramtypes', [analytics_range_query_1.AnalyticsRangeQuery, Object, Object]),
    __metadata('design:returntype', Promise),
  ],
  AnalyticsController.prototype,
  'summary',
  null,
);
__decorate(
  [
    (0, common_1.Get)('funnel'),
    (0, swagger_1.ApiOperation)({
      summary: 'Checkouts that reached each step (contact, address, shipping, payment, ordered) and the drop-off',
    }),
    (0, swagger_1.ApiProduces)('application/json', 'text/csv'),
    (0, swagger_1.ApiResponse)({ status: 200, type: analytics_responses_1.FunnelResponse }),
    (0, swagger_1.ApiResponse)({ status: 400, description: RANGE_400 }),
    (0, swagger_1.ApiResponse)({ status: 503, description: NO_DATABASE_503 }),
    __param(0, (0, common_1.Query)()),
    __param(1, (0, common_1.Headers)('accept')),
    __param(2, (0, common_1.Res)({ passthrough: true })),
    __metadata('design:type', Function),
    __metadata('design:paramtypes', [analytics_range_query_1.AnalyticsRangeQuery, Object, Object]),
    __metadata('design:returntype', Promise),
  ],
  AnalyticsController.prototype,
  'funnel',
  null,
);
__decorate(
  [
    (0, common_1.Get)('daily'),
    (0, swagger_1.ApiOperation)({ summary: "The summary's main figures per day the checkouts started (UTC)" }),
    (0, swagger_1.ApiProduces)('application/json', 'text/csv'),
    (0, swagger_1.ApiResponse)({ status: 200, type: analytics_responses_1.DailyResponse }),
    (0, swagger_1.ApiResponse)({ status: 400, description: RANGE_400 }),
    (0, swagger_1.ApiResponse)({ status: 503, description: NO_DATABASE_503 }),
    __param(0, (0, common_1.Query)()),
    __param(1, (0, common_1.Headers)('accept')),
    __param(2, (0, common_1.Res)({ passthrough: true })),
    __metadata('design:type', Function),
    __metadata('design:paramtypes', [analytics_range_query_1.AnalyticsRangeQuery, Object, Object]),
    __metadata('design:returntype', Promise),
  ],
  AnalyticsController.prototype,
  'daily',
  null,
);
exports.AnalyticsController = AnalyticsController = __decorate(
  [
    (0, swagger_1.ApiTags)('analytics'),
    (0, api_key_decorators_1.ApiKeyProtected)(),
    (0, common_1.Controller)('analytics'),
    __metadata('design:paramtypes', [analytics_service_1.AnalyticsService]),
  ],
  AnalyticsController,
);
let TimelineController = class TimelineController {
  analytics;
  constructor(analytics) {
    this.analytics = analytics;
  }
  timeline({ id }) {
    return this.analytics.timeline(id);
  }
};
exports.TimelineController = TimelineController;
__decorate(
  [
    (0, common_1.Get)(':id/timeline'),
    (0, swagger_1.ApiOperation)({ summary: "The checkout's recorded events in time order (support's view)" }),
    (0, swagger_1.ApiResponse)({ status: 200, type: analytics_responses_1.TimelineResponse }),
    (0, swagger_1.ApiResponse)({ status: 404, description: 'Nothing recorded for this checkout' }),
    (0, swagger_1.ApiResponse)({ status: 503, description: NO_DATABASE_503 }),
    __param(0, (0, common_1.Param)()),
    __metadata('design:type', Function),
    __metadata('design:paramtypes', [checkout_id_params_1.CheckoutIdParams]),
    __metadata('design:returntype', Promise),
  ],
  TimelineController.prototype,
  'timeline',
  null,
);
exports.TimelineController = TimelineController = __decorate(
  [
    (0, swagger_1.ApiTags)('checkouts'),
    (0, api_key_decorators_1.ApiKeyProtected)(),
    (0, common_1.Controller)('checkouts'),
    __metadata('design:paramtypes', [analytics_service_1.AnalyticsService]),
  ],
  TimelineController,
);
//# sourceMappingURL=analytics.controller.js.map
