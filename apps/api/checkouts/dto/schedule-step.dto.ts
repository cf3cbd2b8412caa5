import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Allow } from 'class-validator';
import { CHANNELS, type Channel, TEMPLATES, type TemplateName } from '../../../../common/checkout';

/**
 * One reminder step. Its values are checked as a whole by `@IsSchedule()` on the array (ordering and
 * bounds depend on the other steps); `@Allow()` only lists the keys a step may have.
 */
export class ScheduleStepDto {
  @ApiProperty({ example: '30m', description: 'Offset after the last activity: "30m", "24h", "3d", "1d12h" (1s..30d)' })
  @Allow()
  after: string;

  @ApiPropertyOptional({ enum: TEMPLATES, description: 'Defaults: first friendly, last last-chance, others cart' })
  @Allow()
  template?: TemplateName;

  @ApiPropertyOptional({ enum: CHANNELS, default: 'email' })
  @Allow()
  channel?: Channel;
}
