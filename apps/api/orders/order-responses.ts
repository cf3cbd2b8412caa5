import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CHECKOUT_STATES } from '../../../common/checkout';
import { type ApiCheckoutState, EXECUTION_END_STATES } from '../checkouts/dto/checkout-responses';

export class OrderAcceptedResponse {
  @ApiProperty({ example: 'co-1' }) checkoutId: string;
  @ApiProperty({ example: 'o-9' }) orderId: string;
  @ApiProperty({ example: true }) accepted: true;
  @ApiProperty({
    enum: [...CHECKOUT_STATES, ...EXECUTION_END_STATES],
    description: "The checkout's state when the order was taken; the workflow turns it to `ordered` shortly after",
  })
  status: ApiCheckoutState;
  @ApiPropertyOptional({ description: 'Set when the order arrived after the checkout had closed' })
  note?: string;
}
