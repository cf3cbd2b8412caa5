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
exports.ScheduleStepDto = void 0;
const swagger_1 = require('@nestjs/swagger');
const class_validator_1 = require('class-validator');
const checkout_1 = require('../../../../common/checkout');
const duration_1 = require('../../../../common/duration');
const field_rules_1 = require('../../validation/field-rules');
/**
 * One reminder step. Its values are checked as a whole by `@IsSchedule()` on the array (ordering and
 * bounds depend on the other steps); `@Allow()` only lists the keys a step may have.
 */
class ScheduleStepDto {
  after;
  template;
  channel;
}
exports.ScheduleStepDto = ScheduleStepDto;
__decorate(
  [
    (0, swagger_1.ApiProperty)({
      example: '30m',
      pattern: duration_1.DURATION_SYNTAX.source,
      description:
        'Offset after the last activity: "30m", "24h", "3d", "1d12h" (1s..30d), each later than the step before',
    }),
    (0, class_validator_1.Allow)(),
    __metadata('design:type', String),
  ],
  ScheduleStepDto.prototype,
  'after',
  void 0,
);
__decorate(
  [
    (0, swagger_1.ApiPropertyOptional)({
      enum: checkout_1.TEMPLATES,
      description: 'Defaults: first friendly, last last-chance, others cart',
    }),
    (0, class_validator_1.Allow)(),
    (0, field_rules_1.NotNull)(),
    __metadata('design:type', String),
  ],
  ScheduleStepDto.prototype,
  'template',
  void 0,
);
__decorate(
  [
    (0, swagger_1.ApiPropertyOptional)({
      oneOf: [
        { type: 'string', enum: [...checkout_1.CHANNELS] },
        { type: 'array', items: { type: 'string', enum: [...checkout_1.CHANNELS] }, minItems: 1, uniqueItems: true },
      ],
      default: 'email',
      example: ['sms', 'email'],
      description:
        'A channel, or channels to try in order: the next is used when the customer has no address for one, does not accept it, the SMS rules forbid it or the provider rejects it for good',
    }),
    (0, class_validator_1.Allow)(),
    (0, field_rules_1.NotNull)(),
    __metadata('design:type', Object),
  ],
  ScheduleStepDto.prototype,
  'channel',
  void 0,
);
//# sourceMappingURL=schedule-step.dto.js.map
