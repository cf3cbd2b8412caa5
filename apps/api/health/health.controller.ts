import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiPropertyOptional, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '../http/api-key.decorators';
import { HealthReport, HealthService } from './health.service';

class TemporalHealthBody {
  @ApiProperty({ enum: ['up', 'down'] }) status: string;
  @ApiProperty({ example: 'default' }) namespace: string;
  @ApiPropertyOptional({ description: 'Why it is down' }) reason?: string;
}

class HealthBody {
  @ApiProperty({ enum: ['ok', 'down'] }) status: string;
  @ApiProperty({ type: TemporalHealthBody }) temporal: TemporalHealthBody;
  @ApiPropertyOptional({ description: 'On 503, as on every error' }) correlationId?: string;
}

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get()
  @ApiOperation({ summary: 'Liveness with a Temporal round trip; no API key needed' })
  @ApiResponse({ status: 200, type: HealthBody, description: 'Temporal answered' })
  @ApiResponse({ status: 503, type: HealthBody, description: 'Temporal did not answer' })
  check(): Promise<HealthReport> {
    return this.health.check();
  }
}
