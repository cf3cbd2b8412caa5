import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiProperty, ApiPropertyOptional, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CHANNELS } from '../../../common/checkout';
import { HH_MM } from '../../../common/quiet-hours';
import { ApiKeyProtected } from '../http/api-key.decorators';
import { TIME_ZONES } from '../validation/field-rules';
import { CustomerIdParams } from './customer-checkouts';
import { type PreferencesResponse, PreferencesService } from './preferences.service';

class QuietHoursSchema {
  @ApiProperty({ example: '21:00', pattern: HH_MM.source }) start: string;
  @ApiProperty({ example: '08:00', pattern: HH_MM.source }) end: string;
}

/** OpenAPI only: the body is checked by preferencesErrors, which also refuses unknown fields. */
class PreferencesBody {
  @ApiPropertyOptional({ description: 'No recovery message at all (unsubscribed)', default: false })
  optedOut?: boolean;
  @ApiPropertyOptional({
    enum: CHANNELS,
    isArray: true,
    uniqueItems: true,
    description: 'Channels allowed, each once; absent: every channel',
  })
  channels?: string[];
  @ApiPropertyOptional({
    type: QuietHoursSchema,
    nullable: true,
    description: "The customer's own quiet hours in their zone; null: none; absent: the shop's",
  })
  quietHours?: QuietHoursSchema | null;
  @ApiPropertyOptional({ enum: TIME_ZONES, example: 'Europe/Berlin', description: "Replaces the checkout's time zone" })
  timezone?: string;
}

class PreferencesResponseBody extends PreferencesBody {
  @ApiProperty({ example: 'c-42' }) customerId: string;
  @ApiProperty({ default: false }) declare optedOut: boolean;
  @ApiPropertyOptional({ example: '2025-01-31T12:00:00.000Z', description: 'Absent until preferences are set' })
  updatedAt?: string;
  @ApiPropertyOptional({ description: 'When the customer opted out' }) optedOutAt?: string;
  @ApiPropertyOptional({ enum: ['link', 'api'], description: 'How the customer opted out' }) optOutSource?: string;
  @ApiPropertyOptional({ description: 'PUT: the running checkouts told of the change' }) checkoutsUpdated?: number;
}

@ApiTags('customers')
@ApiKeyProtected()
@Controller('customers')
export class PreferencesController {
  constructor(private readonly preferences: PreferencesService) {}

  @Get(':customerId/preferences')
  @ApiOperation({ summary: "The customer's contact preferences (defaults when none were set)" })
  @ApiResponse({ status: 200, type: PreferencesResponseBody })
  @ApiResponse({ status: 503, description: 'The API runs without a database' })
  get(@Param() { customerId }: CustomerIdParams): Promise<PreferencesResponse> {
    return this.preferences.get(customerId);
  }

  @Put(':customerId/preferences')
  @ApiOperation({
    summary: "Replace the customer's contact preferences",
    description:
      'Fields left out go back to their defaults. The running checkouts of the customer are told at once: ' +
      'an opt-out stops them, new quiet hours or zone move their next reminder. `checkoutsUpdated` counts them.',
  })
  @ApiBody({ type: PreferencesBody })
  @ApiResponse({ status: 200, type: PreferencesResponseBody })
  @ApiResponse({ status: 400, description: 'Invalid preferences; `errors` names each field' })
  put(@Param() { customerId }: CustomerIdParams, @Body() body: Record<string, unknown>): Promise<PreferencesResponse> {
    return this.preferences.put(customerId, body);
  }
}
