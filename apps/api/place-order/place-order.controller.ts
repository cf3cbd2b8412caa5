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

class NextActionResponse {
  @ApiProperty({ enum: ['stripe_sdk', 'redirect'] }) kind: string;
  @ApiPropertyOptional({ example: 'pi_1a2b3c_secret_x9y8', description: 'stripe_sdk: for stripe.confirmCardPayment' })
  clientSecret?: string;
  @ApiPropertyOptional({ example: 'https://hooks.stripe.com/3d_secure_2/hosted', description: 'redirect: to the bank' })
  url?: string;
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
  @ApiPropertyOptional({ example: 'pi_1a2b3c', description: "requires_action: the provider's payment to authenticate" })
  ref?: string;
  @ApiPropertyOptional({
    example: '2026-12-01T10:15:00.000Z',
    description: 'requires_action: the order waits for the 3-D Secure step until then (THREE_DS_WAIT), then is voided',
  })
  until?: string;
  @ApiPropertyOptional({
    type: NextActionResponse,
    description: "requires_action: what the shopper's browser runs (Stripe.js with the client secret, or a redirect)",
  })
  nextAction?: NextActionResponse;
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
    return this.withNextAction(answer);
  }

  @Post(':id/order/authentication')
  @ApiOperation({
    summary: "The shopper completed the bank's 3-D Secure step: read the payment again and capture",
    description:
      'For an order that answered `requires_action`: the saga reads the payment at the provider; authenticated, ' +
      'it captures and answers `placed`; failed, `declined`; not done yet, `requires_action` again. Past ' +
      'PLACE_ORDER_WAIT it answers 202 with a URL to poll. An order that has ended answers how it ended.',
  })
  @ApiResponse({ status: 201, type: OrderOutcomeResponse, description: 'placed' })
  @ApiResponse({ status: 200, type: OrderOutcomeResponse, description: 'requires_action: still waiting for the bank' })
  @ApiResponse({ status: 202, type: OrderOutcomeResponse, description: 'pending: poll `GET /checkouts/:id/order`' })
  @ApiResponse({ status: 400, description: 'Invalid input; `errors` names each field' })
  @ApiResponse({ status: 402, type: OrderOutcomeResponse, description: 'declined: the bank did not confirm it' })
  @ApiResponse({ status: 404, description: 'No order was placed for this checkout' })
  @ApiResponse({ status: 409, type: OrderOutcomeResponse, description: 'failed (e.g. the wait ran out)' })
  async authenticated(
    @Param() { id }: CheckoutIdParams,
    @Res({ passthrough: true }) res: { status(code: number): unknown },
  ): Promise<PlaceOrderAnswer> {
    const answer = await this.orders.authenticated(id);
    res.status(HTTP_STATUS_OF[answer.status]);
    return this.withNextAction(answer);
  }

  @Get(':id/order')
  @ApiOperation({ summary: "The outcome of the checkout's order saga" })
  @ApiResponse({ status: 200, type: OrderOutcomeResponse })
  @ApiResponse({ status: 404, description: 'No order was placed for this checkout' })
  async order(@Param() { id }: CheckoutIdParams): Promise<PlaceOrderAnswer> {
    return this.withNextAction(await this.orders.outcome(id));
  }

  private async withNextAction(answer: PlaceOrderAnswer): Promise<PlaceOrderAnswer> {
    const nextAction = await this.orders.nextAction(answer);
    return nextAction ? { ...answer, nextAction } : answer;
  }
}
