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
Object.defineProperty(exports, '__esModule', { value: true });
exports.TimelineResponse = exports.DailyResponse = exports.FunnelResponse = exports.SummaryResponse = void 0;
// Response shapes of the analytics routes, for the OpenAPI document; the service returns plain objects.
const swagger_1 = require('@nestjs/swagger');
const recovery_events_1 = require('../../../../common/recovery-events');
const summary_1 = require('../summary');
class CreditFiguresResponse {
  sent;
  clicked;
  recovered;
  revenue;
}
__decorate(
  [
    (0, swagger_1.ApiProperty)({ example: 120, description: 'Reminders sent (treated checkouts)' }),
    __metadata('design:type', Number),
  ],
  CreditFiguresResponse.prototype,
  'sent',
  void 0,
);
__decorate(
  [
    (0, swagger_1.ApiProperty)({ example: 30, description: 'Checkouts whose resume link from it was followed' }),
    __metadata('design:type', Number),
  ],
  CreditFiguresResponse.prototype,
  'clicked',
  void 0,
);
__decorate(
  [
    (0, swagger_1.ApiProperty)({
      example: 12,
      description: 'Recoveries credited to it (last reminder before the order)',
    }),
    __metadata('design:type', Number),
  ],
  CreditFiguresResponse.prototype,
  'recovered',
  void 0,
);
__decorate(
  [
    (0, swagger_1.ApiProperty)({ example: 718.8, description: 'Their order revenue, in `currency`' }),
    __metadata('design:type', Number),
  ],
  CreditFiguresResponse.prototype,
  'revenue',
  void 0,
);
class StepFiguresResponse extends CreditFiguresResponse {
  step;
}
__decorate(
  [(0, swagger_1.ApiProperty)({ example: 1 }), __metadata('design:type', Number)],
  StepFiguresResponse.prototype,
  'step',
  void 0,
);
class ChannelFiguresResponse extends CreditFiguresResponse {
  channel;
}
__decorate(
  [(0, swagger_1.ApiProperty)({ example: 'email' }), __metadata('design:type', String)],
  ChannelFiguresResponse.prototype,
  'channel',
  void 0,
);
class ReasonFiguresResponse {
  reason;
  checkouts;
  recovered;
}
__decorate(
  [(0, swagger_1.ApiProperty)({ example: 'shipping_cost' }), __metadata('design:type', String)],
  ReasonFiguresResponse.prototype,
  'reason',
  void 0,
);
__decorate(
  [(0, swagger_1.ApiProperty)({ example: 80 }), __metadata('design:type', Number)],
  ReasonFiguresResponse.prototype,
  'checkouts',
  void 0,
);
__decorate(
  [(0, swagger_1.ApiProperty)({ example: 9 }), __metadata('design:type', Number)],
  ReasonFiguresResponse.prototype,
  'recovered',
  void 0,
);
class GroupFiguresResponse {
  checkouts;
  ordered;
  rate;
}
__decorate(
  [(0, swagger_1.ApiProperty)({ example: 950 }), __metadata('design:type', Number)],
  GroupFiguresResponse.prototype,
  'checkouts',
  void 0,
);
__decorate(
  [
    (0, swagger_1.ApiProperty)({ example: 133, description: 'Checkouts with any order, before or after reminders' }),
    __metadata('design:type', Number),
  ],
  GroupFiguresResponse.prototype,
  'ordered',
  void 0,
);
__decorate(
  [(0, swagger_1.ApiProperty)({ example: 0.14 }), __metadata('design:type', Number)],
  GroupFiguresResponse.prototype,
  'rate',
  void 0,
);
class HoldoutResponse {
  treated;
  control;
  lift;
  relativeLift;
  liftCI;
  incrementalRevenue;
  verdict;
  minSample;
}
__decorate(
  [(0, swagger_1.ApiProperty)({ type: GroupFiguresResponse }), __metadata('design:type', GroupFiguresResponse)],
  HoldoutResponse.prototype,
  'treated',
  void 0,
);
__decorate(
  [
    (0, swagger_1.ApiProperty)({ type: GroupFiguresResponse, description: 'The holdout group' }),
    __metadata('design:type', GroupFiguresResponse),
  ],
  HoldoutResponse.prototype,
  'control',
  void 0,
);
__decorate(
  [
    (0, swagger_1.ApiProperty)({
      example: 0.04,
      nullable: true,
      description: 'treated rate − control rate; null below the minimum sample',
    }),
    __metadata('design:type', Object),
  ],
  HoldoutResponse.prototype,
  'lift',
  void 0,
);
__decorate(
  [
    (0, swagger_1.ApiProperty)({ example: 0.4, nullable: true, description: 'lift / control rate' }),
    __metadata('design:type', Object),
  ],
  HoldoutResponse.prototype,
  'relativeLift',
  void 0,
);
__decorate(
  [
    (0, swagger_1.ApiProperty)({
      example: [0.01, 0.07],
      type: [Number],
      nullable: true,
      description: "95% interval of lift, Newcombe's hybrid score method",
    }),
    __metadata('design:type', Object),
  ],
  HoldoutResponse.prototype,
  'liftCI',
  void 0,
);
__decorate(
  [
    (0, swagger_1.ApiProperty)({ example: 1520.5, nullable: true, description: 'In `currency`' }),
    __metadata('design:type', Object),
  ],
  HoldoutResponse.prototype,
  'incrementalRevenue',
  void 0,
);
__decorate(
  [
    (0, swagger_1.ApiProperty)({ enum: ['lift', 'no measurable lift', 'negative lift', summary_1.NOT_ENOUGH_DATA] }),
    __metadata('design:type', String),
  ],
  HoldoutResponse.prototype,
  'verdict',
  void 0,
);
__decorate(
  [
    (0, swagger_1.ApiProperty)({ example: 30, description: 'Checkouts each group needs before a lift is reported' }),
    __metadata('design:type', Number),
  ],
  HoldoutResponse.prototype,
  'minSample',
  void 0,
);
class CurrencyRevenueResponse {
  currency;
  recoveredRevenue;
  clickRecoveredRevenue;
  incrementalRevenue;
}
__decorate(
  [(0, swagger_1.ApiProperty)({ example: 'EUR' }), __metadata('design:type', String)],
  CurrencyRevenueResponse.prototype,
  'currency',
  void 0,
);
__decorate(
  [(0, swagger_1.ApiProperty)({ example: 718.8 }), __metadata('design:type', Number)],
  CurrencyRevenueResponse.prototype,
  'recoveredRevenue',
  void 0,
);
__decorate(
  [(0, swagger_1.ApiProperty)({ example: 640.2 }), __metadata('design:type', Number)],
  CurrencyRevenueResponse.prototype,
  'clickRecoveredRevenue',
  void 0,
);
__decorate(
  [(0, swagger_1.ApiProperty)({ example: 1520.5, nullable: true }), __metadata('design:type', Object)],
  CurrencyRevenueResponse.prototype,
  'incrementalRevenue',
  void 0,
);
class SummaryResponse {
  from;
  to;
  attributionWindow;
  checkouts;
  reminded;
  clicked;
  recovered;
  recoveryRate;
  recoveredRevenue;
  currency;
  clickRecovered;
  clickRecoveredRevenue;
  revenueByCurrency;
  byStep;
  byChannel;
  byReason;
  holdout;
}
exports.SummaryResponse = SummaryResponse;
__decorate(
  [(0, swagger_1.ApiProperty)({ example: '2026-11-01T00:00:00.000Z' }), __metadata('design:type', String)],
  SummaryResponse.prototype,
  'from',
  void 0,
);
__decorate(
  [
    (0, swagger_1.ApiProperty)({ example: '2026-12-01T00:00:00.000Z', description: 'Exclusive' }),
    __metadata('design:type', String),
  ],
  SummaryResponse.prototype,
  'to',
  void 0,
);
__decorate(
  [(0, swagger_1.ApiProperty)({ example: '5d' }), __metadata('design:type', String)],
  SummaryResponse.prototype,
  'attributionWindow',
  void 0,
);
__decorate(
  [
    (0, swagger_1.ApiProperty)({ example: 1000, description: 'Checkouts started in the range, both groups' }),
    __metadata('design:type', Number),
  ],
  SummaryResponse.prototype,
  'checkouts',
  void 0,
);
__decorate(
  [
    (0, swagger_1.ApiProperty)({ example: 700, description: 'Treated checkouts with at least one reminder sent' }),
    __metadata('design:type', Number),
  ],
  SummaryResponse.prototype,
  'reminded',
  void 0,
);
__decorate(
  [(0, swagger_1.ApiProperty)({ example: 120 }), __metadata('design:type', Number)],
  SummaryResponse.prototype,
  'clicked',
  void 0,
);
__decorate(
  [
    (0, swagger_1.ApiProperty)({ example: 60, description: 'Send-attributed recoveries (treated)' }),
    __metadata('design:type', Number),
  ],
  SummaryResponse.prototype,
  'recovered',
  void 0,
);
__decorate(
  [
    (0, swagger_1.ApiProperty)({ example: 0.063, description: 'recovered / treated checkouts' }),
    __metadata('design:type', Number),
  ],
  SummaryResponse.prototype,
  'recoveryRate',
  void 0,
);
__decorate(
  [(0, swagger_1.ApiProperty)({ example: 3594.5, description: 'In `currency`' }), __metadata('design:type', Number)],
  SummaryResponse.prototype,
  'recoveredRevenue',
  void 0,
);
__decorate(
  [(0, swagger_1.ApiProperty)({ example: 'EUR', nullable: true }), __metadata('design:type', Object)],
  SummaryResponse.prototype,
  'currency',
  void 0,
);
__decorate(
  [
    (0, swagger_1.ApiProperty)({
      example: 48,
      description: 'Click-attributed recoveries, reported beside, never added',
    }),
    __metadata('design:type', Number),
  ],
  SummaryResponse.prototype,
  'clickRecovered',
  void 0,
);
__decorate(
  [(0, swagger_1.ApiProperty)({ example: 2890 }), __metadata('design:type', Number)],
  SummaryResponse.prototype,
  'clickRecoveredRevenue',
  void 0,
);
__decorate(
  [(0, swagger_1.ApiProperty)({ type: [CurrencyRevenueResponse] }), __metadata('design:type', Array)],
  SummaryResponse.prototype,
  'revenueByCurrency',
  void 0,
);
__decorate(
  [(0, swagger_1.ApiProperty)({ type: [StepFiguresResponse] }), __metadata('design:type', Array)],
  SummaryResponse.prototype,
  'byStep',
  void 0,
);
__decorate(
  [(0, swagger_1.ApiProperty)({ type: [ChannelFiguresResponse] }), __metadata('design:type', Array)],
  SummaryResponse.prototype,
  'byChannel',
  void 0,
);
__decorate(
  [(0, swagger_1.ApiProperty)({ type: [ReasonFiguresResponse] }), __metadata('design:type', Array)],
  SummaryResponse.prototype,
  'byReason',
  void 0,
);
__decorate(
  [(0, swagger_1.ApiProperty)({ type: HoldoutResponse }), __metadata('design:type', HoldoutResponse)],
  SummaryResponse.prototype,
  'holdout',
  void 0,
);
class FunnelStepResponse {
  step;
  checkouts;
  dropOff;
  dropOffRate;
}
__decorate(
  [(0, swagger_1.ApiProperty)({ enum: summary_1.FUNNEL_STAGES }), __metadata('design:type', String)],
  FunnelStepResponse.prototype,
  'step',
  void 0,
);
__decorate(
  [
    (0, swagger_1.ApiProperty)({ example: 600, description: 'Checkouts that reached this step or a later one' }),
    __metadata('design:type', Number),
  ],
  FunnelStepResponse.prototype,
  'checkouts',
  void 0,
);
__decorate(
  [
    (0, swagger_1.ApiProperty)({ example: 150, description: 'Lost since the step before' }),
    __metadata('design:type', Number),
  ],
  FunnelStepResponse.prototype,
  'dropOff',
  void 0,
);
__decorate(
  [(0, swagger_1.ApiProperty)({ example: 0.2 }), __metadata('design:type', Number)],
  FunnelStepResponse.prototype,
  'dropOffRate',
  void 0,
);
class FunnelResponse {
  from;
  to;
  checkouts;
  steps;
}
exports.FunnelResponse = FunnelResponse;
__decorate(
  [(0, swagger_1.ApiProperty)({ example: '2026-11-01T00:00:00.000Z' }), __metadata('design:type', String)],
  FunnelResponse.prototype,
  'from',
  void 0,
);
__decorate(
  [(0, swagger_1.ApiProperty)({ example: '2026-12-01T00:00:00.000Z' }), __metadata('design:type', String)],
  FunnelResponse.prototype,
  'to',
  void 0,
);
__decorate(
  [(0, swagger_1.ApiProperty)({ example: 1000 }), __metadata('design:type', Number)],
  FunnelResponse.prototype,
  'checkouts',
  void 0,
);
__decorate(
  [(0, swagger_1.ApiProperty)({ type: [FunnelStepResponse] }), __metadata('design:type', Array)],
  FunnelResponse.prototype,
  'steps',
  void 0,
);
class DayResponse {
  day;
  checkouts;
  reminded;
  clicked;
  recovered;
  recoveredRevenue;
  treated;
  control;
}
__decorate(
  [(0, swagger_1.ApiProperty)({ example: '2026-11-02' }), __metadata('design:type', String)],
  DayResponse.prototype,
  'day',
  void 0,
);
__decorate(
  [(0, swagger_1.ApiProperty)({ example: 40 }), __metadata('design:type', Number)],
  DayResponse.prototype,
  'checkouts',
  void 0,
);
__decorate(
  [(0, swagger_1.ApiProperty)({ example: 28 }), __metadata('design:type', Number)],
  DayResponse.prototype,
  'reminded',
  void 0,
);
__decorate(
  [(0, swagger_1.ApiProperty)({ example: 5 }), __metadata('design:type', Number)],
  DayResponse.prototype,
  'clicked',
  void 0,
);
__decorate(
  [(0, swagger_1.ApiProperty)({ example: 3 }), __metadata('design:type', Number)],
  DayResponse.prototype,
  'recovered',
  void 0,
);
__decorate(
  [(0, swagger_1.ApiProperty)({ example: 180.5 }), __metadata('design:type', Number)],
  DayResponse.prototype,
  'recoveredRevenue',
  void 0,
);
__decorate(
  [(0, swagger_1.ApiProperty)({ type: GroupFiguresResponse }), __metadata('design:type', GroupFiguresResponse)],
  DayResponse.prototype,
  'treated',
  void 0,
);
__decorate(
  [(0, swagger_1.ApiProperty)({ type: GroupFiguresResponse }), __metadata('design:type', GroupFiguresResponse)],
  DayResponse.prototype,
  'control',
  void 0,
);
class DailyResponse {
  from;
  to;
  currency;
  days;
}
exports.DailyResponse = DailyResponse;
__decorate(
  [(0, swagger_1.ApiProperty)({ example: '2026-11-01T00:00:00.000Z' }), __metadata('design:type', String)],
  DailyResponse.prototype,
  'from',
  void 0,
);
__decorate(
  [(0, swagger_1.ApiProperty)({ example: '2026-12-01T00:00:00.000Z' }), __metadata('design:type', String)],
  DailyResponse.prototype,
  'to',
  void 0,
);
__decorate(
  [(0, swagger_1.ApiProperty)({ example: 'EUR', nullable: true }), __metadata('design:type', Object)],
  DailyResponse.prototype,
  'currency',
  void 0,
);
__decorate(
  [(0, swagger_1.ApiProperty)({ type: [DayResponse] }), __metadata('design:type', Array)],
  DailyResponse.prototype,
  'days',
  void 0,
);
class TimelineEventResponse {
  id;
  type;
  checkoutId;
  customerId;
  at;
  step;
  channel;
  reason;
}
__decorate(
  [(0, swagger_1.ApiProperty)({ example: 'co-1:reminder:1:sent' }), __metadata('design:type', String)],
  TimelineEventResponse.prototype,
  'id',
  void 0,
);
__decorate(
  [(0, swagger_1.ApiProperty)({ enum: recovery_events_1.RECOVERY_EVENT_TYPES }), __metadata('design:type', String)],
  TimelineEventResponse.prototype,
  'type',
  void 0,
);
__decorate(
  [(0, swagger_1.ApiProperty)({ example: 'co-1' }), __metadata('design:type', String)],
  TimelineEventResponse.prototype,
  'checkoutId',
  void 0,
);
__decorate(
  [(0, swagger_1.ApiProperty)({ example: 'cust-42' }), __metadata('design:type', String)],
  TimelineEventResponse.prototype,
  'customerId',
  void 0,
);
__decorate(
  [(0, swagger_1.ApiProperty)({ example: '2026-11-02T11:00:00.000Z' }), __metadata('design:type', String)],
  TimelineEventResponse.prototype,
  'at',
  void 0,
);
__decorate(
  [(0, swagger_1.ApiPropertyOptional)({ example: 1 }), __metadata('design:type', Number)],
  TimelineEventResponse.prototype,
  'step',
  void 0,
);
__decorate(
  [(0, swagger_1.ApiPropertyOptional)({ example: 'email' }), __metadata('design:type', String)],
  TimelineEventResponse.prototype,
  'channel',
  void 0,
);
__decorate(
  [(0, swagger_1.ApiPropertyOptional)({ example: 'holdout' }), __metadata('design:type', String)],
  TimelineEventResponse.prototype,
  'reason',
  void 0,
);
class TimelineResponse {
  checkoutId;
  events;
}
exports.TimelineResponse = TimelineResponse;
__decorate(
  [(0, swagger_1.ApiProperty)({ example: 'co-1' }), __metadata('design:type', String)],
  TimelineResponse.prototype,
  'checkoutId',
  void 0,
);
__decorate(
  [
    (0, swagger_1.ApiProperty)({
      type: [TimelineEventResponse],
      description: 'In time order; each carries the fields of its type (common/recovery-events.ts)',
    }),
    __metadata('design:type', Array),
  ],
  TimelineResponse.prototype,
  'events',
  void 0,
);
//# sourceMappingURL=analytics-responses.js.map
