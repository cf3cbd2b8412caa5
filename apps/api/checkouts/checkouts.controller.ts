import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { CheckoutStatus } from '../../../common/checkout';
import { ApiKeyProtected } from '../http/api-key.decorators';
import { CheckoutsService } from './checkouts.service';
import { CheckoutIdParams } from './dto/checkout-id.params';
import {
  ActivityAcceptedResponse,
  CancelAcceptedResponse,
  CheckoutAcceptedResponse,
  CheckoutStatusResponse,
} from './dto/checkout-responses';
import { CreateCheckoutDto } from './dto/create-checkout.dto';
import { RecordActivityDto } from './dto/record-activity.dto';
import { RecordEventsDto } from './dto/record-events.dto';
import { RescheduleDto } from './dto/reschedule.dto';

@ApiTags('checkouts')
@ApiKeyProtected()
@ApiResponse({ status: 400, description: 'Invalid input; `errors` names each field' })
@Controller('checkouts')
export class CheckoutsController {
  constructor(private readonly checkouts: CheckoutsService) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({
    summary: 'Start recovering an abandoned checkout',
    description:
      'Idempotent per checkoutId: a second call starts nothing and answers with the existing checkout ' +
      '(`created: false`), also when it has already closed, e.g. because its order arrived first.',
  })
  @ApiResponse({ status: 202, type: CheckoutAcceptedResponse })
  start(@Body() body: CreateCheckoutDto): Promise<CheckoutAcceptedResponse> {
    return this.checkouts.start(body);
  }

  @Get(':id')
  @ApiOperation({ summary: "The checkout's state, reminders sent and upcoming, asked of the workflow" })
  @ApiResponse({ status: 200, type: CheckoutStatusResponse })
  @ApiResponse({ status: 404, description: 'Unknown checkout' })
  @ApiResponse({ status: 503, description: 'No worker answered in time' })
  status(@Param() { id }: CheckoutIdParams): Promise<CheckoutStatus> {
    return this.checkouts.status(id);
  }

  @Post(':id/activity')
  @HttpCode(202)
  @ApiOperation({
    summary: 'The shopper was active again',
    description: 'Before the first reminder this pushes the schedule back; after it the sequence keeps its pace.',
  })
  @ApiBody({ type: RecordActivityDto, required: false, description: 'Optional: no body means now' })
  @ApiResponse({ status: 202, type: ActivityAcceptedResponse })
  @ApiResponse({ status: 404, description: 'Unknown checkout' })
  @ApiResponse({ status: 409, description: 'The checkout has already closed' })
  recordActivity(
    @Param() { id }: CheckoutIdParams,
    @Body() body: RecordActivityDto,
  ): Promise<ActivityAcceptedResponse> {
    return this.checkouts.recordActivity(id, body.at);
  }

  @Post(':id/events')
  @HttpCode(202)
  @ApiOperation({
    summary: "The shopper's checkout steps (contact, address, shipping, payment, …)",
    description:
      'Each event counts as activity (before the first reminder it pushes the schedule back) and feeds the ' +
      'checkout progress and its abandonment reason (shipping_cost, payment_failed, out_of_stock, coupon, unknown).',
  })
  @ApiResponse({ status: 202, type: ActivityAcceptedResponse })
  @ApiResponse({ status: 404, description: 'Unknown checkout' })
  @ApiResponse({ status: 409, description: 'The checkout has already closed' })
  recordEvents(@Param() { id }: CheckoutIdParams, @Body() body: RecordEventsDto): Promise<ActivityAcceptedResponse> {
    return this.checkouts.recordEvents(id, body.events);
  }

  @Put(':id/schedule')
  @ApiOperation({ summary: 'Replace the reminders not yet sent' })
  @ApiResponse({ status: 200, type: CheckoutStatusResponse })
  @ApiResponse({ status: 404, description: 'Unknown checkout' })
  @ApiResponse({ status: 409, description: 'The checkout has already closed' })
  @ApiResponse({ status: 503, description: 'No worker answered in time; the change may still apply' })
  reschedule(@Param() { id }: CheckoutIdParams, @Body() body: RescheduleDto): Promise<CheckoutStatus> {
    return this.checkouts.reschedule(id, body);
  }

  @Delete(':id')
  @HttpCode(202)
  @ApiOperation({ summary: 'Stop recovering this checkout; it ends as cancelled' })
  @ApiResponse({ status: 202, type: CancelAcceptedResponse })
  @ApiResponse({ status: 404, description: 'Unknown checkout' })
  @ApiResponse({ status: 409, description: 'The checkout has already closed' })
  cancel(@Param() { id }: CheckoutIdParams): Promise<CancelAcceptedResponse> {
    return this.checkouts.cancel(id);
  }
}
