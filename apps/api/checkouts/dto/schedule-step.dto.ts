import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Allow } from 'class-validator';
import { CHANNELS, type Channel, TEMPLATES, type TemplateName } from '../../../../common/checkout';
import { DURATION_SYNTAX } from '../../../../common/duration';
import { NotNull } from '../../validation/field-rules';

/**
 * One reminder step. Its values are checked as a whole by `@IsSchedule()` on the array (ordering and
 * bounds depend on the other steps); `@Allow()` only lists the keys a step may have.
 */
export class ScheduleStepDto {
  @ApiProperty({
    example: '30m',
    pattern: DURATION_SYNTAX.source,
    description:
      'Offset after the last activity: "30m", "24h", "3d", "1d12h" (1s..30d), each later than the step before',
  })
  @Allow()
  after: string;

  @ApiPropertyOptional({ enum: TEMPLATES, description: 'Defaults: first friendly, last last-chance, others cart' })
  @Allow()
  @NotNull()
  template?: TemplateName;

  @ApiPropertyOptional({
    oneOf: [
      { type: 'string', enum: [...CHANNELS] },
      { type: 'array', items: { type: 'string', enum: [...CHANNELS] }, minItems: 1, uniqueItems: true },
    ],
    default: 'email',
    example: ['sms', 'email'],
    description:
      'A channel, or channels to try in order: the next is used when the customer has no address for one, does not accept it, the SMS rules forbid it or the provider rejects it for good',
  })
  @Allow()
  @NotNull()
  channel?: Channel | Channel[];
}
