import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiKeyProtected } from '../http/api-key.decorators';
import { OrderAcceptedResponse } from './order-responses';
import { OrdersService } from './orders.service';
import { RecordOrderDto } from './record-order.dto';

@ApiTags('orders')
@ApiKeyProtected()
@Controller('orders')
export class OrdersController {
  constructor(private readonly orders: OrdersService) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({
    summary: 'An order was placed: stop the reminders of its checkout',
    description:
      'An order may arrive before its checkout; it is remembered and the checkout, when posted, sends nothing. ' +
      'An order for a checkout that has already closed is accepted and answered with `note`.',
  })
  @ApiResponse({ status: 202, type: OrderAcceptedResponse })
  @ApiResponse({ status: 400, description: 'Invalid input; `errors` names each field' })
  @ApiResponse({ status: 503, description: 'The order could not be recorded for the analytics: retry' })
  record(@Body() { checkoutId, orderId, total, discountCode }: RecordOrderDto): Promise<OrderAcceptedResponse> {
    return this.orders.record(checkoutId, orderId, total, discountCode);
  }
}
