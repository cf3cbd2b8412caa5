import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsIsoTime } from '../../validation/field-rules';

export class RecordActivityDto {
  @ApiPropertyOptional({ example: '2025-01-31T12:00:00Z', description: 'When the shopper acted; defaults to now' })
  @IsOptional()
  @IsIsoTime()
  at?: string;
}
