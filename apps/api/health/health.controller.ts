import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiPropertyOptional, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '../http/api-key.decorators';
import { HealthReport, HealthService } from './health.service';

class TemporalHealthBody {
  @ApiProperty({ enum: ['up', 'down'] }) status: string;
  @ApiProperty({ example: 'default' }) namespace: string;
  @ApiPropertyOptional({ description: 'Why it is down' }) reason?: string;
}

class DatabaseHealthBody {
  @ApiProperty({ enum: ['up', 'down', 'none'], description: '`none`: no database (development only)' })
  status: string;
  @ApiPropertyOptional({ description: 'Why it is down' }) reason?: string;
}

class HealthBody {
  @ApiProperty({ enum: ['ok', 'down'] }) status: string;
  @ApiProperty({ type: TemporalHealthBody }) temporal: TemporalHealthBody;
  @ApiProperty({ type: DatabaseHealthBody }) database: DatabaseHealthBody;
  @ApiPropertyOptional({ description: 'On 503, as on every error' }) correlationId?: string;
}

class LiveBody {
  @ApiProperty({ enum: ['ok'] }) status: string;
}

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  // Liveness asks nothing of Temporal or the database: a blip there must not restart every API pod.
  @Get('live')
  @ApiOperation({ summary: 'Liveness: the process serves HTTP; no dependency is asked; no API key needed' })
  @ApiResponse({ status: 200, type: LiveBody })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiOperation({ summary: 'Readiness: Temporal and the database answer; no API key needed' })
  @ApiResponse({ status: 200, type: HealthBody, description: 'Temporal and the database answered' })
  @ApiResponse({ status: 503, type: HealthBody, description: 'Temporal or the database did not answer' })
  ready(): Promise<HealthReport> {
    return this.health.ready();
  }

  @Get()
  @ApiOperation({ summary: 'The same as /health/ready (kept for existing probes)' })
  @ApiResponse({ status: 200, type: HealthBody, description: 'Temporal and the database answered' })
  @ApiResponse({ status: 503, type: HealthBody, description: 'Temporal or the database did not answer' })
  check(): Promise<HealthReport> {
    return this.health.ready();
  }
}
