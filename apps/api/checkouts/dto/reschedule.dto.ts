import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ValidateNested } from 'class-validator';
import { MAX_STEPS } from '../../../../common/schedule';
import { IsSchedule } from '../../validation/field-rules';
import { ScheduleStepDto } from './schedule-step.dto';

export class RescheduleDto {
  @ApiProperty({
    type: [ScheduleStepDto],
    minItems: 1,
    maxItems: MAX_STEPS,
    description:
      'Replaces the steps not yet sent. Offsets count from the last activity and must be later than the last step sent',
  })
  @IsSchedule()
  @ValidateNested({ each: true })
  @Type(() => ScheduleStepDto)
  schedule: ScheduleStepDto[];
}
