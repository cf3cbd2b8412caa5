import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '../http/api-key.decorators';
import { HealthReport, HealthService } from './health.service';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get()
  @ApiOperation({ summary: 'Liveness with a Temporal round trip; no API key needed' })
  @ApiResponse({ status: 200, description: '`{ status: "ok", temporal: { status: "up", namespace } }`' })
  @ApiResponse({ status: 503, description: '`{ status: "down", temporal: { status: "down", namespace, reason } }`' })
  check(): Promise<HealthReport> {
    return this.health.check();
  }
}
