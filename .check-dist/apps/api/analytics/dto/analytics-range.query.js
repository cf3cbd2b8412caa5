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
exports.AnalyticsRangeQuery = exports.DATE_OR_TIME = void 0;
const swagger_1 = require('@nestjs/swagger');
const class_validator_1 = require('class-validator');
const field_rules_1 = require('../../validation/field-rules');
/** YYYY-MM-DD, or a full ISO 8601 time with a zone. */
exports.DATE_OR_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;
const DATE_OR_TIME_REASON = 'must be a date (YYYY-MM-DD) or an ISO 8601 time with a zone';
/** The cohort: checkouts started from `from` up to `to` (a date includes its whole UTC day). */
class AnalyticsRangeQuery {
  from;
  to;
  currency;
}
exports.AnalyticsRangeQuery = AnalyticsRangeQuery;
__decorate(
  [
    (0, swagger_1.ApiPropertyOptional)({
      example: '2026-11-01',
      description: 'Start (inclusive); default 30 days before `to`',
    }),
    (0, field_rules_1.Optional)(),
    (0, class_validator_1.IsString)({ message: 'must be a string' }),
    (0, class_validator_1.Matches)(exports.DATE_OR_TIME, { message: DATE_OR_TIME_REASON }),
    __metadata('design:type', String),
  ],
  AnalyticsRangeQuery.prototype,
  'from',
  void 0,
);
__decorate(
  [
    (0, swagger_1.ApiPropertyOptional)({
      example: '2026-11-30',
      description: 'End: a date includes that day; a time is exclusive; default now',
    }),
    (0, field_rules_1.Optional)(),
    (0, class_validator_1.IsString)({ message: 'must be a string' }),
    (0, class_validator_1.Matches)(exports.DATE_OR_TIME, { message: DATE_OR_TIME_REASON }),
    __metadata('design:type', String),
  ],
  AnalyticsRangeQuery.prototype,
  'to',
  void 0,
);
__decorate(
  [
    (0, swagger_1.ApiPropertyOptional)({
      example: 'EUR',
      pattern: '^[A-Z]{3}$',
      description: 'The currency amounts are reported in; default the one with the most checkouts in the range',
    }),
    (0, field_rules_1.Optional)(),
    (0, class_validator_1.IsString)({ message: 'must be a string' }),
    (0, class_validator_1.Matches)(/^[A-Z]{3}$/, { message: 'must be an ISO 4217 code like EUR' }),
    __metadata('design:type', String),
  ],
  AnalyticsRangeQuery.prototype,
  'currency',
  void 0,
);
//# sourceMappingURL=analytics-range.query.js.map
