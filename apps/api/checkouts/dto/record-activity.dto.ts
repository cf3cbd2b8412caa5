import { ApiPropertyOptional } from '@nestjs/swagger';
import { ISO_TIME_SCHEMA, IsIsoTime, Optional } from '../../validation/field-rules';

export class RecordActivityDto {
  @ApiPropertyOptional({
    example: '2025-01-31T12:00:00Z',
    ...ISO_TIME_SCHEMA,
    description: 'When the shopper acted; defaults to now',
  })
  @Optional()
  @IsIsoTime()
  at?: string;
}
