import { Body, Controller, Get, Param, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiPropertyOptional, ApiResponse, ApiTags } from '@nestjs/swagger';

import { ID_PATTERN } from '../../../common/validate-checkout';
import { CheckoutIdParams } from '../checkouts/dto/checkout-id.params';
import { ApiKeyProtected } from '../http/api-key.decorators';
import { IsId } from '../validation/field-rules';
import { HTTP_STATUS_OF, type PlaceOrderAnswer, PlaceOrderService } from './place-order.service';

export class PlaceOrderDto {
  @ApiProperty({ example: 'addr_1a2b3c', pattern: ID_PATTERN.source }) @IsId() addressId: string;
  @ApiProperty({ example: 'pmeth_1a2b3c', pattern: ID_PATTERN.source }) @IsId() paymentMethodId: string;
}

class OrderOutcomeResponse {
  @ApiProperty({ enum: ['placed', 'declined', 'requires_action', 'failed', 'pending'] }) status: string;
  @ApiPropertyOptional({ example: 'ord-co-1' }) orderId?: string;
  @ApiPropertyOptional({ enum: ['stripe', 'adyen'] }) provider?: string;
  @ApiPropertyOptional({ example: 59.9 }) total?: number;
  @ApiPropertyOptional({ example: 'EUR' }) currency?: string;
  @ApiPropertyOptional({ example: 'card_declined', description: 'declined, failed: the normalised code' })
  code?: string;
  @ApiPropertyOptional({ example: 'Your card was declined.' }) reason?: string;
  @ApiPropertyOptional({ description: 'declined: the same method may work later' }) retryable?: boolean;
  @ApiPropertyOptional({ example: '/checkouts/co-1/order', description: 'pending: where to ask again' }) poll?: string;
}

@ApiTags('checkouts')
@ApiKeyProtected()
@Controller('checkouts')
export class PlaceOrderController {
  constructor(private readonly orders: PlaceOrderService) {}

  @Post(':id/place-order')
  @ApiOperation({
    summary: "Place the checkout's order with a saved address and payment method (one click)",
    description:
      'Starts the order saga order-<id> or joins it (a double click places one order), and answers once the ' +
      'payment is decided; past PLACE_ORDER_WAIT it answers 202 with a URL to poll.',
  })
  @ApiResponse({ status: 201, type: OrderOutcomeResponse, description: 'placed' })
  @ApiResponse({ status: 200, type: OrderOutcomeResponse, description: 'requires_action: the bank wants 3-D Secure' })
  @ApiResponse({ status: 202, type: OrderOutcomeResponse, description: 'pending: poll `GET /checkouts/:id/order`' })
  @ApiResponse({ status: 400, description: 'Invalid input; `errors` names each field' })
  @ApiResponse({
    status: 402,
    type: OrderOutcomeResponse,
    description: 'declined, with the reason and whether a retry may work',
  })
  @ApiResponse({ status: 404, description: 'No such checkout' })
  @ApiResponse({
    status: 422,
    description: "The address or method is not one of the checkout customer's; `errors` names it",
  })
  @ApiResponse({
    status: 409,
    type: OrderOutcomeResponse,
    description: 'failed: nothing was charged (address, stock, providers)',
  })
  async place(
    @Param() { id }: CheckoutIdParams,
    @Body() { addressId, paymentMethodId }: PlaceOrderDto,
    @Res({ passthrough: true }) res: { status(code: number): unknown },
  ): Promise<PlaceOrderAnswer> {
    const answer = await this.orders.place(id, addressId, paymentMethodId);
    res.status(HTTP_STATUS_OF[answer.status]);
    return answer;
  }

  @Get(':id/order')
  @ApiOperation({ summary: "The outcome of the checkout's order saga" })
  @ApiResponse({ status: 200, type: OrderOutcomeResponse })
  @ApiResponse({ status: 404, description: 'No order was placed for this checkout' })
  order(@Param() { id }: CheckoutIdParams): Promise<PlaceOrderAnswer> {
    return this.orders.outcome(id);
  }
}
