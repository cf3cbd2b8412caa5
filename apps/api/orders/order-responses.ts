import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CHECKOUT_STATES } from '../../../common/checkout';
import { type ApiCheckoutState, EXECUTION_END_STATES } from '../checkouts/dto/checkout-responses';

export class OrderAcceptedResponse {
  @ApiProperty({ example: 'co-1' }) checkoutId: string;
  @ApiProperty({ example: 'o-9' }) orderId: string;
  @ApiProperty({ example: true }) accepted: true;
  @ApiProperty({
    example: true,
    description:
      'true: the checkout recorded the order and no reminder send is in flight: nothing is sent after this answer. ' +
      'false: no worker answered within ORDER_ACK_TIMEOUT; the order is recorded durably and stops the reminders ' +
      'when a worker runs (each send re-checks for it)',
  })
  confirmed: boolean;
  @ApiProperty({
    enum: [...CHECKOUT_STATES, ...EXECUTION_END_STATES],
    description:
      "The checkout's state: `ordered` when confirmed; unconfirmed, its state when the order was taken (the workflow turns it to `ordered` when it runs)",
  })
  status: ApiCheckoutState;
  @ApiPropertyOptional({ description: 'Set when the order arrived after the checkout had closed' })
  note?: string;
}
