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
exports.RescheduleDto = void 0;
const swagger_1 = require('@nestjs/swagger');
const class_transformer_1 = require('class-transformer');
const class_validator_1 = require('class-validator');
const schedule_1 = require('../../../../common/schedule');
const field_rules_1 = require('../../validation/field-rules');
const schedule_step_dto_1 = require('./schedule-step.dto');
class RescheduleDto {
  schedule;
}
exports.RescheduleDto = RescheduleDto;
__decorate(
  [
    (0, swagger_1.ApiProperty)({
      type: [schedule_step_dto_1.ScheduleStepDto],
      minItems: 1,
      maxItems: schedule_1.MAX_STEPS,
      description:
        'Replaces the steps not yet sent. Offsets count from the last activity and must be later than the last step sent',
    }),
    (0, field_rules_1.IsSchedule)(),
    (0, class_validator_1.ValidateNested)({ each: true }),
    (0, class_transformer_1.Type)(() => schedule_step_dto_1.ScheduleStepDto),
    __metadata('design:type', Array),
  ],
  RescheduleDto.prototype,
  'schedule',
  void 0,
);
//# sourceMappingURL=reschedule.dto.js.map
