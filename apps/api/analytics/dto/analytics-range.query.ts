import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';
import { Optional } from '../../validation/field-rules';

/** YYYY-MM-DD, or a full ISO 8601 time with a zone. */
export const DATE_OR_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;
const DATE_OR_TIME_REASON = 'must be a date (YYYY-MM-DD) or an ISO 8601 time with a zone';

/** The cohort: checkouts started from `from` up to `to` (a date includes its whole UTC day). */
export class AnalyticsRangeQuery {
  @ApiPropertyOptional({ example: '2026-11-01', description: 'Start (inclusive); default 30 days before `to`' })
  @Optional()
  @IsString({ message: 'must be a string' })
  @Matches(DATE_OR_TIME, { message: DATE_OR_TIME_REASON })
  from?: string;

  @ApiPropertyOptional({
    example: '2026-11-30',
    description: 'End: a date includes that day; a time is exclusive; default now',
  })
  @Optional()
  @IsString({ message: 'must be a string' })
  @Matches(DATE_OR_TIME, { message: DATE_OR_TIME_REASON })
  to?: string;

  @ApiPropertyOptional({
    example: 'EUR',
    pattern: '^[A-Z]{3}$',
    description: 'The currency amounts are reported in; default the one with the most checkouts in the range',
  })
  @Optional()
  @IsString({ message: 'must be a string' })
  @Matches(/^[A-Z]{3}$/, { message: 'must be an ISO 4217 code like EUR' })
  currency?: string;
}
