import { Controller, Get, Headers, Param, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CheckoutIdParams } from '../checkouts/dto/checkout-id.params';
import { ApiKeyProtected } from '../http/api-key.decorators';
import { AnalyticsService } from './analytics.service';
import { dailyCsv, funnelCsv, summaryCsv } from './csv';
import { AnalyticsRangeQuery } from './dto/analytics-range.query';
import { DailyResponse, FunnelResponse, SummaryResponse, TimelineResponse } from './dto/analytics-responses';

/** The part of Express's response these routes use. */
interface TypedResponse {
  type(contentType: string): void;
}

const wantsCsv = (accept: string | undefined) => /\btext\/csv\b/i.test(accept ?? '');
const RANGE_400 = 'A bad range: `errors` names the field (from, to, currency)';
const NO_DATABASE_503 = 'The API has no database, or it is unavailable';

@ApiTags('analytics')
@ApiKeyProtected()
@Controller('analytics')
export class AnalyticsController {
  constructor(private readonly analytics: AnalyticsService) {}

  @Get('summary')
  @ApiOperation({
    summary: 'Recovery, attribution and the holdout comparison for checkouts started in the range',
    description:
      'Send-attributed recoveries (an order after a reminder, within ATTRIBUTION_WINDOW of the last one before it, ' +
      'credited to that reminder), click-attributed ones beside them, by step, channel and abandonment reason, and ' +
      "treated vs holdout conversion with the lift's 95% interval. CSV with `Accept: text/csv`.",
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiResponse({ status: 200, type: SummaryResponse })
  @ApiResponse({ status: 400, description: RANGE_400 })
  @ApiResponse({ status: 503, description: NO_DATABASE_503 })
  async summary(
    @Query() query: AnalyticsRangeQuery,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) res: TypedResponse,
  ): Promise<SummaryResponse | string> {
    const summary = await this.analytics.summary(query);
    if (!wantsCsv(accept)) return summary;
    res.type('text/csv; charset=utf-8');
    return summaryCsv(summary);
  }

  @Get('funnel')
  @ApiOperation({
    summary: 'Checkouts that reached each step (contact, address, shipping, payment, ordered) and the drop-off',
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiResponse({ status: 200, type: FunnelResponse })
  @ApiResponse({ status: 400, description: RANGE_400 })
  @ApiResponse({ status: 503, description: NO_DATABASE_503 })
  async funnel(
    @Query() query: AnalyticsRangeQuery,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) res: TypedResponse,
  ): Promise<FunnelResponse | string> {
    const funnel = await this.analytics.funnel(query);
    if (!wantsCsv(accept)) return funnel;
    res.type('text/csv; charset=utf-8');
    return funnelCsv(funnel);
  }

  @Get('daily')
  @ApiOperation({ summary: "The summary's main figures per day the checkouts started (UTC)" })
  @ApiProduces('application/json', 'text/csv')
  @ApiResponse({ status: 200, type: DailyResponse })
  @ApiResponse({ status: 400, description: RANGE_400 })
  @ApiResponse({ status: 503, description: NO_DATABASE_503 })
  async daily(
    @Query() query: AnalyticsRangeQuery,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) res: TypedResponse,
  ): Promise<DailyResponse | string> {
    const daily = await this.analytics.daily(query);
    if (!wantsCsv(accept)) return daily;
    res.type('text/csv; charset=utf-8');
    return dailyCsv(daily);
  }
}

@ApiTags('checkouts')
@ApiKeyProtected()
@Controller('checkouts')
export class TimelineController {
  constructor(private readonly analytics: AnalyticsService) {}

  @Get(':id/timeline')
  @ApiOperation({ summary: "The checkout's recorded events in time order (support's view)" })
  @ApiResponse({ status: 200, type: TimelineResponse })
  @ApiResponse({ status: 404, description: 'Nothing recorded for this checkout' })
  @ApiResponse({ status: 503, description: NO_DATABASE_503 })
  timeline(@Param() { id }: CheckoutIdParams): Promise<TimelineResponse> {
    return this.analytics.timeline(id);
  }
}
